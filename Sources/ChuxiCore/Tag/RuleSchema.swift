/// The declared schema of the rule files: every file, every keyword it takes, the number and
/// shape of its values, whether its words are candidate words (the vocabulary the fast path
/// word-breaks for, `Tagger.needsWords`), and one line of documentation. `RuleFile` checks
/// each entry against it (file and line in the error), `RuleSet.init` reads its tables
/// through `RuleSchema.Reader` (which fails the load when a schema keyword is read by no
/// code), and `chuxi rules schema` prints it.
///
/// To add a keyword: a row here, a read in `RuleSet.init` (through the reader), a line in
/// the file's header and in rules/README.md, and an example that exercises it.
public struct RuleKeyword: Sendable, Equatable {
    /// What each value of a keyword must look like.
    public enum Shape: Sendable, Equatable, CustomStringConvertible {
        /// Every value is a word of this many characters (Unicode scalars).
        case characters(ClosedRange<Int>)
        /// Every value is one character that the file also lists under the other keyword
        /// (`given-end` under `stop`).
        case characterOf(String)
        /// Every value is a word of any length.
        case word
        /// `WORD DAYS`: a word and a whole number of days.
        case relativeDay
        /// `KIND W1 W2 ...`: a trigger kind (`Trigger.Kind`), then words, each defined once in the file.
        case trigger

        public var description: String {
            switch self {
            case .characters(let r) where r.lowerBound == r.upperBound: return "\(r.lowerBound) char"
            case .characters(let r): return "\(r.lowerBound)-\(r.upperBound) chars"
            case .characterOf(let other): return "1 char listed under \(other)"
            case .word: return "word"
            case .relativeDay: return "word, days (integer)"
            case .trigger: return "kind (\(Trigger.Kind.allCases.map(\.rawValue).joined(separator: "|"))), words"
            }
        }
    }

    public let file: String
    public let keyword: String
    public let arity: ClosedRange<Int>
    public let shape: Shape
    /// Its words make a sentence worth word breaking (a person, a trigger, an attending
    /// organization or a held event hangs on one of them).
    public let candidate: Bool
    public let doc: String

    public init(
        _ file: String, _ keyword: String, _ shape: Shape, arity: ClosedRange<Int> = 1...Int.max,
        candidate: Bool = false, _ doc: String
    ) {
        self.file = file; self.keyword = keyword; self.arity = arity; self.shape = shape; self.candidate = candidate;
        self.doc = doc
    }

    /// The words an entry's values hold: a trigger's kind and a relative day's number are no words.
    public func words(_ values: [String]) -> [String] {
        switch shape {
        case .trigger: return Array(values.dropFirst())
        case .relativeDay: return Array(values.prefix(1))
        default: return values
        }
    }

    /// Why these values do not fit the shape, or nil. (`characterOf` and a trigger defined
    /// twice are checked across entries by `RuleFile`.)
    func problem(_ values: [String]) -> String? {
        switch shape {
        case .characters(let r):
            for v in values where !r.contains(v.unicodeScalars.count) {
                return "\(keyword) `\(v)` must be \(Self.spell(r)) character\(r.upperBound == 1 ? "" : "s")"
            }
        case .characterOf(let other):
            for v in values where v.unicodeScalars.count != 1 {
                return "\(keyword) `\(v)` must be one of the \(other) characters"
            }
        case .word: return nil
        case .relativeDay:
            if Int(values[1]) == nil { return "`\(values[1])` is not a number of days" }
        case .trigger:
            if Trigger.Kind(rawValue: values[0]) == nil {
                return
                    "unknown trigger kind `\(values[0])` (\(Trigger.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
            }
        }
        return nil
    }

    private static func spell(_ r: ClosedRange<Int>) -> String {
        let n = ["zero", "one", "two", "three", "four", "five"]
        func s(_ i: Int) -> String { i < n.count ? n[i] : "\(i)" }
        return r.lowerBound == r.upperBound ? s(r.lowerBound) : "\(s(r.lowerBound)) or \(s(r.upperBound))"
    }
}

public enum RuleSchema {
    /// Every keyword of every rule file, file by file.
    public static let keywords: [RuleKeyword] =
        [
            .init(
                "surnames.rules", "surname", .characters(1...2),
                "Chinese surnames, single and compound (compound matched first)"),
            .init(
                "surnames.rules", "foreign", .characters(2...3),
                "Japanese family names, read only where a name is expected (after a title, in a list)"),
            .init("names.rules", "stop", .characters(1...1), "characters that end a given name (`宋文德等` -> 宋文德)"),
            .init(
                "names.rules", "given-end", .characterOf("stop"),
                "stops a name may still end with before a role trigger (`张春来陪同`)"),
            .init(
                "names.rules", "not-name", .word,
                "words that begin with a surname but are never a person (places, streets, firms)"),
            .init("names.rules", "not-given", .word, "words that never end a name (`代表团一行` holds no name `团一行`)"),
            .init(
                "names.rules", "transliteration", .characters(1...1),
                "characters of transliterated foreign names (the name model's `t` features)"),
            .init(
                "names.rules", "predicate", .word, candidate: true,
                "words right after a clause-initial name that show a person acting (`刘锋要求`)"),
            .init("names.rules", "state", .word, "words that make the name before them a state (`某某共和国`): no person"),
            .init(
                "names.rules", "place-noun", .word,
                "words that make the name right after them a place (`港口城市某某`, `首都某某`): no person"),
            .init(
                "names.rules", "coming", .word,
                "words of coming to a place (`来我市`, `来京`): a name's last character that begins one is the verb"),
            .init(
                "names.rules", "place-list", .word,
                "words that close a list of places (`A、B等地`, `等城市`): its names are no persons, unless 领导 follows"),
            .init(
                "names.rules", "address", .word,
                "words that address a person by the surname alone (`王老汉`): a surname mention"),
            .init(
                "names.rules", "term", .word,
                "words after a name that make it a doctrine's or a book's name (`某某理论`, `某某选集`): a repetition there names no person"
            ),
            .init(
                "names.rules", "honorific", .word,
                "words after a full name that honour or address its person, no post (`A同志`, `A同学发言`): the trigger after one is A's"
            ),
            .init(
                "names.rules", "rank", .word,
                "military ranks right after a name (`某某上将`): the character before one belongs to the name"),
            .init(
                "names.rules", "kin", .word,
                "words that name a relative: after a post (`总统夫人某某`) the person after them holds no post; between two names (`刘某夫人王某`) the first is not there"
            ),
            .init(
                "titles.rules", "post", .word, candidate: true,
                "words that end a title (longest match wins: 副区长 before 区长)"),
            .init("titles.rules", "stop", .word, "words a title never reaches back over (verbs, prepositions)"),
            .init("titles.rules", "inside", .word, "names that hold a stop word yet belong inside a title (`人民代表大会`)"),
            .init(
                "titles.rules", "group", .word,
                "group labels that name no organization (`有关部门负责人`, `宗教界代表`): no record's title"),
            .init("organizations.rules", "suffix", .word, "words that end an organization's name (`区卫生健康委`)"),
            .init("organizations.rules", "org", .word, "organizations known by name (lexicon)"),
            .init(
                "organizations.rules", "attend-marker", .word, candidate: true,
                "words after a list of organizations that make them attendees (`有关负责人`)"),
            .init(
                "organizations.rules", "lead", .word,
                "words that lead into a list of organizations, no part of the first (`来自`)"),
            .init(
                "organizations.rules", "generic", .word,
                "beginnings of a phrase that is no particular organization (`有关部门`)")
        ]
        + Role.allCases.map {
            RuleKeyword(
                "roles.rules", $0.rawValue, .trigger, arity: 2...Int.max, candidate: true,
                "role triggers `\($0.rawValue) KIND W1 W2 ...`: words that give the persons the role \($0.rawValue)")
        } + [
            .init(
                "roles.rules", "noun-suffix", .characters(1...1),
                "characters that make a trigger before them in one ICU word a noun (`座谈会`, `主持人`)"),
            .init(
                "roles.rules", "noun-phrase", .word,
                "phrases that begin with a trigger and make it a noun or an idiom, no role (`讲话精神`, `参加工作`)"),
            .init(
                "roles.rules", "planned-by", .word,
                "words after a plan word that name who is to act (`拟由A主持`, `拟邀请A出席`): a plan, no attendance"),
            .init(
                "roles.rules", "cited", .word,
                "texts whose words are cited (`在十五大报告中指出`), said at no event, under a headline naming none"),
            .init(
                "roles.rules", "absent", .word,
                "words between a name and a speech that mark a message from someone not there (`贺信`)"),
            .init(
                "roles.rules", "message-text", .word,
                "words after a message noun (`absent`) that announce its text (`唁电全文如下`): what follows gives no records"
            ),
            .init(
                "roles.rules", "during", .word,
                "words after a trigger opening its sentence that make it the time of what follows (`考察中，`)"),
            .init(
                "roles.rules", "speech-place", .word,
                "the place of a speech between a list and its distributive word (`A、B等在会上先后发言`)"),
            .init(
                "roles.rules", "destination", .word,
                "words of going after a subject: the persons after them are visited (`A到困难群众B家中走访`)"),
            .init(
                "roles.rules", "not-destination", .word,
                "words that end with a `destination` word but tell no going (`受到A的接见`)"),
            .init(
                "roles.rules", "notice", .word,
                "OPENING#ENDING of a line holding a hold verb (`关于#的通知`: `关于召开…会议的通知`): the article after it is a plan"),
            .init(
                "roles.rules", "appointed", .word,
                "words right before a name that make it an appointment's object (`任命A为`, `免去A`): no subject of an act after"
            ),
            .init(
                "roles.rules", "list-lead", .word, candidate: true,
                "words opening a sentence that lists the guests of the meeting just told (`包括`)"),
            .init(
                "roles.rules", "relative", .characters(1...1),
                "characters after a `meet` trigger that make it qualify a noun, no role (`陪同的干部`)"),
            .init(
                "roles.rules", "speech-verb", .word,
                "verbs that make a speech, between the speaker and the speech (`A作报告`, `A发表讲话`)"),
            .init(
                "roles.rules", "speech-topic", .word, "words opening a speech's topic (`A就X作了部署`)"),
            .init(
                "roles.rules", "speech-made", .word,
                "verbs that make a speech after its topic, looked for in this order (`就X作了部署`)"),
            .init(
                "roles.rules", "said-gap", .word,
                "adverbs between a speaker and the words (`A也在会上指出`), read as characters"),
            .init(
                "roles.rules", "distributive", .word,
                "words between a list of persons and a speech that give each a speech of their own (`分别`, `相继`)"),
            .init(
                "roles.rules", "addressee", .characters(1...1),
                "characters before the person words are said to (`A向B通报`): B is no speaker"),
            .init(
                "roles.rules", "narrator", .word,
                "words after `在B陪同下` for the writer (`我们`, `记者`): B accompanied the reporting, no one's attendance"),
            .init(
                "roles.rules", "undone", .word,
                "words right before a trigger in a relative clause that undo or turn it (`未能出席…的A`, `接受慰问的A`): A did not act"
            ),
            .init(
                "roles.rules", "relayed", .word,
                "verbs before a speaker in the clause that relay the speech (`A传达了B在某会上的讲话`): B is not there"),
            .init(
                "roles.rules", "proxy", .word,
                "words after a person and their post that send someone else (`A总理让我来看望`): A is not there"),
            .init(
                "roles.rules", "expressed", .word,
                "verbs of expressing a few characters before a trigger (`表示亲切慰问`, `致以诚挚的慰问`): the trigger's word is what is expressed, no act"
            ),
            .init(
                "roles.rules", "guest-list", .word,
                "words after a trigger that list its attendees (`会见的有`): `relative` does not apply"),
            .init(
                "roles.rules", "guest-list-next", .word,
                "words opening the clause after `参加宴会的贵宾，` that list them (`还有`, `除了A以外，还有B`)"),
            .init(
                "roles.rules", "planned", .word, "words between a person and a trigger that make the act a plan (`将于`)"),
            .init(
                "roles.rules", "past", .word,
                "words between a person and a trigger that make the act a past one (`曾两次接见`): no attendance told now"),
            .init("events.rules", "noun", .word, "words an event's name ends with (`…常务会议`, `…启动仪式`)"),
            .init(
                "events.rules", "held", .word, "endings that name an event only right after a holding verb (`召开…谈话会`)"),
            .init("events.rules", "hold", .word, candidate: true, "verbs that hold an event (`召开X`, `X举行`)"),
            .init(
                "events.rules", "ended", .word, candidate: true,
                "verbs after an event that tell it ended (`X…在某地结束`): the event before them is the sentence's"),
            .init("events.rules", "generic", .word, "event words too vague to name an event alone (`出席会议`)"),
            .init(
                "events.rules", "document", .word,
                "documents of a meeting (`公报`, `纪要`): a headline `Y公报` names the meeting Y"),
            .init(
                "events.rules", "fragment", .word,
                "words an event's name never begins with: a clause fragment (`他表示了亲切慰问`, `向他们拜年`)"),
            .init(
                "events.rules", "deictic", .word,
                "words opening an event name that point back at the event told before (`该比赛`)"),
            .init(
                "events.rules", "work", .word,
                "works performed or shown: with a title (`话剧《X》`) they name the event no event noun names"),
            .init(
                "events.rules", "counterpart", .characters(1...1),
                "characters before a meeting's counterpart (`同某国总统会谈`)"),
            .init(
                "events.rules", "not-counterpart", .word,
                "words that hold a `counterpart` character and mark none (`同时`, `与会`)"),
            .init(
                "events.rules", "topic", .characters(1...1),
                "characters opening a meeting's topic, none of its name (`就…进行会谈`)"),
            .init(
                "events.rules", "together", .word,
                "words after a 和-list that make its members fellow subjects, no counterpart (`和B等一同会见`)"),
            .init(
                "events.rules", "leader-link", .word,
                "words after a leader's name that open the delegation led (`以A为团长的某国代表团`)"),
            .init(
                "events.rules", "delegation", .word,
                "nouns that end a delegation led (`代表团`, `一行`): a meeting with it is named by it"),
            .init(
                "events.rules", "closing", .word,
                "verbs that close an event of days (`为期三天的X今天闭幕`): the event spans the days before"),
            .init(
                "events.rules", "visit-lead", .characters(1...1),
                "characters before a visit trigger where its name begins (`到某地调研`, `赴某地考察`)"),
            .init(
                "events.rules", "light-verb", .word, "verbs dropped from a visit's name (`开展调研` -> `调研`)"),
            .init(
                "events.rules", "present", .word,
                "words for those present after a visit verb (`看望了在场的大学生`): the visit is at the gathering told"),
            .init(
                "events.rules", "count", .word,
                "words counting a meeting (`首次`, `第#次`: `#` a number): a count and a trigger name no event"),
            .init(
                "dates.rules", "relative", .relativeDay, arity: 2...2,
                "a day relative to the dateline or the issue date (`昨天 -1`)"),
            .init("dates.rules", "vague", .word, "words that say \"recently\": the record's date stays empty"),
            .init(
                "dates.rules", "after-day", .word,
                "words right after a bare day that make it a date (`11日在…`, `9日上午`; else a later role trigger in its clause)"
            ),
            .init(
                "dates.rules", "day-span", .characters(1...1),
                "characters after a bare day that make it a span, no date (`3日内`, `30日前`)"),
            .init(
                "dates.rules", "verb-before-now", .characters(1...1),
                "characters that make `现在` after them a verb and 在 (`表现在`, `出现在`), no time"),
            .init(
                "dates.rules", "reported", .word,
                "verbs of saying before a comma (`他说，昨天…`): a date after them dates what is told, not the story"),
            .init(
                "dates.rules", "time", .word,
                "words naming a time that dates no event (`目前`, `去年`, `春节`): date mentions, never a record's date")
        ]

    /// The rule files, in the order they load.
    public static var files: [String] { Array(Set(keywords.map(\.file))).sorted() }

    /// The keywords a file takes, by keyword.
    public static func keywords(in file: String, of schema: [RuleKeyword] = keywords) -> [String: RuleKeyword] {
        Dictionary(uniqueKeysWithValues: schema.filter { $0.file == file }.map { ($0.keyword, $0) })
    }

    /// Reads the loaded files' entries keyword by keyword, and remembers which keywords were
    /// read: `RuleSet.init` ends with `checkAllRead()`, so a keyword added to the schema that
    /// no code reads fails every load, and reading a keyword the schema lacks stops at once.
    final class Reader {
        let files: [String: RuleFile]
        let schema: [RuleKeyword]
        private(set) var read = Set<String>()

        init(files: [String: RuleFile], schema: [RuleKeyword]) { self.files = files; self.schema = schema }

        func file(_ name: String) -> RuleFile { files[name]! }

        func entries(_ file: String, _ keyword: String) -> [RuleFile.Entry] {
            guard schema.contains(where: { $0.file == file && $0.keyword == keyword }) else {
                preconditionFailure(
                    "RuleSet reads `\(keyword)` of \(file), which the schema (RuleSchema.keywords) lacks")
            }
            read.insert("\(file) \(keyword)")
            return files[file]!.entries.filter { $0.keyword == keyword }
        }
        /// The words of a keyword's entries (`RuleKeyword.words`).
        func words(_ file: String, _ keyword: String) -> [String] {
            let k = schema.first { $0.file == file && $0.keyword == keyword }
            return entries(file, keyword).flatMap { k!.words($0.values) }
        }
        func lexicon(_ file: String, _ keyword: String) -> Lexicon { Lexicon(words(file, keyword)) }
        /// Words written `BEFORE#AFTER` (`第#次`, `关于#的通知`): what stands before and after a gap.
        func framed(_ file: String, _ keyword: String) -> [(before: [Unicode.Scalar], after: [Unicode.Scalar])] {
            words(file, keyword).map { w in
                let parts = w.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                return (Array(parts[0].unicodeScalars), parts.count > 1 ? Array(parts[1].unicodeScalars) : [])
            }
        }
        func scalars(_ file: String, _ keyword: String) -> ScalarSet {
            ScalarSet(words(file, keyword).flatMap(\.unicodeScalars))
        }

        /// The words of every candidate keyword (not counted as reads: the flag is no use of the table).
        var candidateWords: [String] {
            schema.filter(\.candidate).flatMap { k in
                files[k.file]!.entries.filter { $0.keyword == k.keyword }.flatMap { k.words($0.values) }
            }
        }

        func checkAllRead() throws {
            if let k = schema.first(where: { !read.contains("\($0.file) \($0.keyword)") }) {
                throw RuleError(
                    file: k.file, line: 0, reason: "schema keyword `\(k.keyword)` is read by no code (RuleSet.init)")
            }
        }
    }
}
