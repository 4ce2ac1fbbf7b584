import Foundation

/// A table of surnames (compound before single), looked up on scalars.
public struct SurnameTable: Sendable {
    let single: ScalarSet
    /// Compound surnames as pairs of scalar values (`a << 32 | b`): hashed without a String.
    let compound: Set<UInt64>
    let compoundFirst: ScalarSet

    public init(_ names: [String]) {
        single = ScalarSet(names.filter { $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first! })
        let pairs = names.map { Array($0.unicodeScalars) }.filter { $0.count == 2 }
        compound = Set(pairs.map { Self.pair($0[0], $0[1]) })
        compoundFirst = ScalarSet(pairs.map { $0[0] })
    }

    @inline(__always) static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }

    /// Length (1 or 2) of the surname starting at `i`, or 0.
    public func surnameLength<C: Collection>(_ s: C, at i: C.Index) -> Int where C.Element == Unicode.Scalar {
        guard i < s.endIndex else { return 0 }
        let j = s.index(after: i)
        if j < s.endIndex, compoundFirst.contains(s[i]), compound.contains(Self.pair(s[i], s[j])) { return 2 }
        return single.contains(s[i]) ? 1 : 0
    }
}

/// A pair of scalars -> a group of integers (in insertion order), by open addressing on the
/// pair's value: no `Hasher`, no nested arrays.
struct PairIndex: Sendable {
    private var keys: [UInt64] = [0, 0]  // 0 = empty slot (U+0000 is in no word)
    private var groups: [Range<Int>] = [0..<0, 0..<0]
    private var members: [Int] = []
    private var shift: UInt64 = 63

    @inline(__always) static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 32 | UInt64(b.value)
    }
    @inline(__always) static func slot(_ k: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    init() {}
    init(_ pairs: [(UInt64, Int)]) {
        var grouped: [UInt64: [Int]] = [:], order: [UInt64] = []
        for (k, v) in pairs {
            if grouped[k] == nil { order.append(k) }
            grouped[k, default: []].append(v)
        }
        var size = 2
        while size < order.count * 2 { size *= 2 }
        shift = UInt64(64 - size.trailingZeroBitCount)
        keys = [UInt64](repeating: 0, count: size)
        groups = [Range<Int>](repeating: 0..<0, count: size)
        let mask = size - 1
        for k in order {
            var slot = Self.slot(k, shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            groups[slot] = members.count..<(members.count + grouped[k]!.count)
            members += grouped[k]!
        }
    }

    @inline(__always) func entries(_ k: UInt64) -> ArraySlice<Int> {
        let mask = keys.count - 1
        var slot = Self.slot(k, shift)
        while true {
            let have = keys[slot]
            if have == k { return members[groups[slot]] }
            if have == 0 { return [] }
            slot = (slot + 1) & mask
        }
    }
}

public enum Role: String, Sendable, CaseIterable, Comparable {
    case chair, attend, observe, speak, inspect
    public static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
}

/// A role trigger from roles.rules.
public struct Trigger: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case verb, speech, said, meet }
    public let role: Role
    public let kind: Kind
    public let word: String
}

/// All rules, loaded from a rules directory. Loading checks every file and fails with
/// file, line and reason on the first problem.
/// A class, not a struct: the tagger reads it at every position of the text, and a struct
/// of twenty lexicons would be copied (each array retained) wherever Swift copies values.
public final class RuleSet: Sendable {
    public let surnames: SurnameTable
    /// Japanese family names (`佐藤`, `长谷川`): read before the Chinese table, with a given
    /// name of one to three characters (`佐藤树一郎`).
    public let foreignSurnames: Lexicon
    public let nameStops: ScalarSet
    /// Stop characters that may still end a given name before a role trigger (`来` in `张春来陪同`).
    public let givenEnds: ScalarSet
    public let notNames: Lexicon
    /// Words that never end a name as its given part (`团一行`, `王某同志`).
    public let notGiven: Lexicon
    /// `names.rules address`: words after a surname alone that address its person (`王老汉`).
    public let addressWords: Lexicon
    /// `names.rules term`: `理论`, `选集` after a name: a doctrine's or a book's name (`某某理论`).
    public let termsAfterName: Lexicon
    /// `names.rules honorific`: `同志`, `老师` after a full name (`A同学发言`).
    public let honorifics: Lexicon
    /// `names.rules kin`: `夫人` after a post (`总理夫人某某`).
    public let kinWords: Lexicon
    /// `names.rules state`: words after which the name before is a state (`某某共和国`).
    public let stateWords: Lexicon
    /// `names.rules rank`: `上将` right after a name (`某某川上将`).
    public let ranks: Lexicon
    /// `names.rules place-noun`: words after which a model name is a place (`首都某某`).
    public let placeNouns: Lexicon
    /// `names.rules place-list`: `等地`, `等城市` closing a list of places.
    public let placeLists: Lexicon
    /// `names.rules coming`: `来我市`, `来京`: a name's last character that begins one is the verb.
    public let comingWords: Lexicon
    /// `names.rules transliteration`: characters of transliterated foreign names.
    public let transliteration: ScalarSet
    public let predicates: Lexicon
    public let posts: Lexicon
    public let titleStops: Lexicon
    /// `titles.rules group`: labels of a group that name no organization (`部门负责人`): no record's title.
    public let groupTitles: Set<String>
    /// Names that hold a stop word but belong inside a title (`人民代表大会`).
    public let titleInside: Lexicon
    public let orgSuffixes: Lexicon
    /// Last characters of the organization suffixes of two characters or more (a cheap filter).
    public let orgLongSuffixLasts: ScalarSet
    public let orgLexicon: Lexicon
    public let orgAttendMarkers: Lexicon
    public let orgGeneric: Lexicon
    /// Words that lead into a list of organizations and are no part of the first (`来自`).
    public let orgLeads: Lexicon
    public let triggers: [String: Trigger]
    public let triggerWords: Lexicon
    /// Characters that make a trigger part of a noun (`座谈会`, `主持人`, `发言人`).
    public let triggerNounSuffixes: ScalarSet
    /// Phrases that begin with a trigger and make it a noun (`讲话精神`, `签约仪式`).
    public let triggerNounPhrases: Lexicon
    /// The words of `roles.rules` other than triggers.
    public let roleWords: RoleRules
    /// The tables of `events.rules`.
    public let events: EventRules
    /// The tables of `dates.rules`.
    public let dates: DateRules
    /// Words whose presence makes a sentence worth word breaking (see `Tagger.needsWords`).
    public let candidates: Lexicon
    public let candidateFirst: ScalarSet
    /// Names found anywhere by character roles (`rules/names.model`).
    public let nameModel: NameModel
    /// FNV-1a 64 of the rule files' bytes: a batch re-extracts every issue when it changes.
    public let fingerprint: String
    /// The files as loaded, with their examples (run by the test suite and `chuxi rules check`).
    public let files: [RuleFile]

    /// The schema this set was loaded with (`RuleSchema.keywords` unless a test gives another).
    public let schema: [RuleKeyword]

    /// The rules directory shipped with the repository: `CHUXI_RULES`, else `rules/` next to
    /// the working directory or above the executable.
    public static func defaultDirectory() -> URL {
        if let env = ProcessInfo.processInfo.environment["CHUXI_RULES"] { return URL(fileURLWithPath: env) }
        let fm = FileManager.default
        var candidates = [URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("rules")]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 { candidates.append(dir.appendingPathComponent("rules")); dir = dir.deletingLastPathComponent() }
        // The checkout this binary was built from (`swift run` from another directory).
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../rules")
                .standardized)
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("roles.rules").path) }
            ?? candidates[0]
    }

    public static func load(from dir: URL, schema: [RuleKeyword] = RuleSchema.keywords) throws -> RuleSet {
        var files: [String: RuleFile] = [:]
        var fingerprint = ContentHash()
        let names = Set(schema.map(\.file)).sorted()
        for name in names {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw RuleError(file: url.path, line: 0, reason: "rule file missing")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RuleError(file: url.path, line: 0, reason: "not UTF-8")
            }
            files[name] = try RuleFile(name: url.path, text: text, keywords: RuleSchema.keywords(in: name, of: schema))
            fingerprint.add(data)
        }
        // A file this folder may not hold is an error, not silently ignored (a new
        // `places.rules` would otherwise seem to work while nothing reads it).
        let known = Set(names).union([modelFile, "README.md"])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        where !known.contains(name) && !name.hasPrefix(".") {
            throw RuleError(
                file: dir.appendingPathComponent(name).path, line: 0,
                reason: "unknown rule file (known: \(known.sorted().joined(separator: ", ")))")
        }
        let modelURL = dir.appendingPathComponent(modelFile)
        guard let modelData = FileManager.default.contents(atPath: modelURL.path),
            let modelText = String(data: modelData, encoding: .utf8)
        else {
            throw RuleError(
                file: modelURL.path, line: 0,
                reason: "name model missing or not UTF-8 (scripts/train-name-model.py makes it)")
        }
        fingerprint.add(modelData)
        return try RuleSet(
            files: files, schema: schema, fingerprint: fingerprint.value,
            nameModel: (modelText, modelURL.path))
    }

    /// Character role statistics for names (`NameModel`), learned by `scripts/train-name-model.py`.
    public static let modelFile = "names.model"

    /// The tables, each read from its keywords through the schema's reader (entries were
    /// checked against the schema when their files were parsed).
    init(
        files: [String: RuleFile], schema: [RuleKeyword] = RuleSchema.keywords, fingerprint: String,
        nameModel: (text: String, file: String)? = nil
    ) throws {
        self.fingerprint = fingerprint
        self.schema = schema
        let r = RuleSchema.Reader(files: files, schema: schema)
        surnames = SurnameTable(r.words("surnames.rules", "surname"))
        foreignSurnames = r.lexicon("surnames.rules", "foreign")
        nameStops = r.scalars("names.rules", "stop")
        givenEnds = r.scalars("names.rules", "given-end")
        notNames = r.lexicon("names.rules", "not-name")
        notGiven = r.lexicon("names.rules", "not-given")
        addressWords = r.lexicon("names.rules", "address")
        honorifics = r.lexicon("names.rules", "honorific")
        termsAfterName = r.lexicon("names.rules", "term")
        kinWords = r.lexicon("names.rules", "kin")
        stateWords = r.lexicon("names.rules", "state")
        placeNouns = r.lexicon("names.rules", "place-noun")
        placeLists = r.lexicon("names.rules", "place-list")
        comingWords = r.lexicon("names.rules", "coming")
        ranks = r.lexicon("names.rules", "rank")
        let predicateWords = r.words("names.rules", "predicate")
        predicates = Lexicon(predicateWords)
        transliteration = r.scalars("names.rules", "transliteration")
        posts = r.lexicon("titles.rules", "post")
        titleStops = r.lexicon("titles.rules", "stop")
        titleInside = r.lexicon("titles.rules", "inside")
        groupTitles = Set(r.words("titles.rules", "group"))
        let suffixes = r.words("organizations.rules", "suffix")
        orgSuffixes = Lexicon(suffixes)
        orgLongSuffixLasts = ScalarSet(suffixes.filter { $0.unicodeScalars.count >= 2 }.map { $0.unicodeScalars.last! })
        orgLexicon = r.lexicon("organizations.rules", "org")
        orgAttendMarkers = r.lexicon("organizations.rules", "attend-marker")
        orgGeneric = r.lexicon("organizations.rules", "generic")
        orgLeads = r.lexicon("organizations.rules", "lead")
        let trig = Self.triggers(r)
        triggers = trig
        triggerWords = Lexicon(Array(trig.keys))
        triggerNounSuffixes = r.scalars("roles.rules", "noun-suffix")
        triggerNounPhrases = r.lexicon("roles.rules", "noun-phrase")
        roleWords = RoleRules(r)
        events = EventRules(r)
        dates = DateRules(r)
        // The candidate vocabulary: the words of the schema's candidate keywords.
        (candidates, candidateFirst) = (
            Lexicon(r.candidateWords), ScalarSet(r.candidateWords.compactMap(\.unicodeScalars.first))
        )
        self.files = files.keys.sorted().map { files[$0]! }
        try r.checkAllRead()
        // The name model's features look words up in the lexicons above.
        let context = NameModel.Context(
            surnames: surnames, posts: posts, cues: Lexicon(Array(trig.keys) + predicateWords), stops: nameStops,
            transliteration: transliteration)
        self.nameModel =
            try nameModel.map { try NameModel(text: $0.text, file: $0.file, context: context) }
            ?? NameModel(context: context)
    }

    /// The role keywords' triggers by word (kinds and single definitions were checked at parse).
    private static func triggers(_ r: RuleSchema.Reader) -> [String: Trigger] {
        var trig: [String: Trigger] = [:]
        for role in Role.allCases {
            for e in r.entries("roles.rules", role.rawValue) {
                for w in e.values.dropFirst() {
                    trig[w] = Trigger(role: role, kind: Trigger.Kind(rawValue: e.values[0])!, word: w)
                }
            }
        }
        return trig
    }
}
