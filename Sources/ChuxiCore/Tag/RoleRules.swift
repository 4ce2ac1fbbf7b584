/// The words of `roles.rules` other than the triggers, read through the schema (see
/// rules/README.md for each keyword).
public struct RoleRules: Sendable {
    /// Words between a name and a speech that mark a message from someone not there (`贺信`, `批示`).
    public let absentMarkers: Lexicon
    /// `roles.rules message-text`: `全文如下` after a message noun: its text follows (`QuotedMessage`).
    public let messageTexts: Lexicon
    /// `roles.rules appointed`: `任命`, `免去` right before a name: its object, no subject.
    public let appointments: Lexicon
    /// `roles.rules notice`: `关于#的通知`, what opens and ends a line with a hold verb: a notice
    /// of a meeting to come.
    public let notices: [(before: [Unicode.Scalar], after: [Unicode.Scalar])]
    /// `roles.rules during`: `期间`, `中` after a trigger opening its sentence: the time of what follows.
    public let during: Lexicon
    /// `roles.rules speech-place`: `在会上` between a list and its distributive speech.
    public let speechPlaces: Lexicon
    /// `roles.rules destination`: `到`, `走进` before the persons whose homes the subjects visit.
    public let destinations: Lexicon
    /// `roles.rules not-destination`: `受到`, `得到`: no going.
    public let notDestinations: Lexicon
    /// `roles.rules cited`: `在…报告中指出`: words cited from a text (`QuoteOnlyArticle`).
    public let citedTexts: Lexicon
    /// `roles.rules planned`: words before a trigger that make it a plan (`将于`).
    public let plannedMarkers: Lexicon
    /// `roles.rules planned-by`: `由`, `邀请` after a plan word, before the person (`拟由A主持`).
    public let plannedBy: Lexicon
    /// `roles.rules past`: `曾` between a person and a trigger (`曾两次接见`): the act is no news.
    public let pastMarkers: Lexicon
    /// Words that open a sentence listing the guests of the meeting just told (`包括：`).
    public let listLeads: Lexicon
    /// Characters after a `meet` trigger that make it qualify a noun (`陪同的干部`).
    public let relativeMarkers: ScalarSet
    /// `roles.rules distributive`: `分别`, `相继` before a speech: each person of the list speaks.
    public let distributives: Lexicon
    /// `roles.rules narrator`: the writer after `在B陪同下` (`我们`): B's company is no attendance.
    public let narrators: Lexicon
    /// `roles.rules addressee`: `向` before the person spoken to (`A向B通报`).
    public let addressees: ScalarSet
    /// `roles.rules speech-verb`: `作`, `发表` between a speaker and the speech (`A作报告`).
    public let speechVerbs: [[Unicode.Scalar]]
    /// `roles.rules speech-topic`: `就`, `对` opening a speech's topic.
    public let speechTopics: [[Unicode.Scalar]]
    /// `roles.rules speech-made`: `作了`, `进行了` after the topic, in the order looked for.
    public let speechMade: [[Unicode.Scalar]]
    /// `roles.rules said-gap`: the characters of `也`, `还`, `进一步` … between a speaker and the words.
    public let saidGap: ScalarSet
    /// `roles.rules undone`: `未能`, `接受` right before a trigger: the person its clause qualifies did not act.
    public let undone: Lexicon
    /// Words after a trigger that list its attendees (`会见的有`): it keeps its role.
    public let guestLists: Lexicon
    /// `roles.rules guest-list-next`: `还有`, `除了` opening the clause after `参加宴会的贵宾，`: they list them.
    public let guestListsNext: Lexicon
    /// `roles.rules relayed`: `传达`, `学习` before a speaker in the clause: the speech is relayed.
    public let relayed: Lexicon
    /// `roles.rules proxy`: `让我`, `派我们` after a person: someone else is sent, the person is not there.
    public let proxies: Lexicon
    /// `roles.rules expressed`: `表示`, `致以` a few characters before a trigger: its word is expressed, not done.
    public let expressed: Lexicon

    init(_ r: RuleSchema.Reader) {
        let file = "roles.rules"
        absentMarkers = r.lexicon(file, "absent")
        messageTexts = r.lexicon(file, "message-text")
        appointments = r.lexicon(file, "appointed")
        notices = r.framed(file, "notice")
        during = r.lexicon(file, "during")
        speechPlaces = r.lexicon(file, "speech-place")
        destinations = r.lexicon(file, "destination")
        notDestinations = r.lexicon(file, "not-destination")
        citedTexts = r.lexicon(file, "cited")
        listLeads = r.lexicon(file, "list-lead")
        relativeMarkers = r.scalars(file, "relative")
        guestLists = r.lexicon(file, "guest-list")
        guestListsNext = r.lexicon(file, "guest-list-next")
        undone = r.lexicon(file, "undone")
        expressed = r.lexicon(file, "expressed")
        proxies = r.lexicon(file, "proxy")
        relayed = r.lexicon(file, "relayed")
        narrators = r.lexicon(file, "narrator")
        addressees = r.scalars(file, "addressee")
        distributives = r.lexicon(file, "distributive")
        plannedMarkers = r.lexicon(file, "planned")
        plannedBy = r.lexicon(file, "planned-by")
        pastMarkers = r.lexicon(file, "past")
        speechVerbs = r.words(file, "speech-verb").map { Array($0.unicodeScalars) }
        speechTopics = r.words(file, "speech-topic").map { Array($0.unicodeScalars) }
        speechMade = r.words(file, "speech-made").map { Array($0.unicodeScalars) }
        saidGap = r.scalars(file, "said-gap")
    }
}
