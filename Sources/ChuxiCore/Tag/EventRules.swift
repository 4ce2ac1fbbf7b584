/// The tables of `events.rules`, read through the schema (see rules/README.md for each keyword).
public struct EventRules: Sendable {
    /// Nouns that end an event's name (`会议`, `座谈会`).
    public let nouns: Lexicon
    public let holdVerbs: Lexicon
    /// `events.rules ended`: `X…结束`: the event before the verb is the sentence's (never `结束X`).
    public let endedVerbs: Lexicon
    /// Endings that name an event only right after a verb that holds it (`召开…谈话会`).
    public let heldNouns: Lexicon
    public let generic: Set<String>
    /// `events.rules deictic`: `该`, `这次` opening an event name: the event told before.
    public let deictic: Lexicon
    /// Characters before a meeting's counterpart (`同`, `与`), words where they are none
    /// (`同时`, `与会`), characters opening its topic (`就`).
    public let counterpartMarkers: ScalarSet
    public let notCounterparts: Lexicon
    public let topicMarkers: ScalarSet
    /// `events.rules together`: `一同`, `一起` after a 和-list: fellow subjects, no counterpart.
    public let together: Lexicon
    /// `events.rules work`: `话剧`, `电影`: with a title in 《》 they name an event (`话剧《X》`).
    public let works: Lexicon
    /// Counts of a meeting (`首次`, `第#次`), each split at its number: what comes before and after.
    public let counts: [(before: [Unicode.Scalar], after: [Unicode.Scalar])]
    /// The generic words that name a meeting (`会议`, `会上`, `这次会议`): two characters or more with 会.
    public let genericMeetings: Lexicon
    /// `events.rules document`: a meeting's document (`公报`): a headline `Y公报` names the meeting Y.
    public let documents: Lexicon
    /// `events.rules leader-link`, `delegation`: `为团长的`, `率领的` after a leader's name, and
    /// the delegation's noun after it (`代表团`, `一行`): the guests of a meeting.
    public let leaderLinks: Lexicon
    public let delegations: Lexicon
    /// `events.rules present`: `在场`, `与会` after a visit verb: those it visits are at the gathering told.
    public let present: Lexicon
    /// `events.rules closing`: `闭幕`, `落下帷幕`: `为期N天的X今天闭幕` spans N days.
    public let closingVerbs: [[Unicode.Scalar]]
    /// `events.rules visit-lead`, `light-verb`: `到`, `赴` where a visit's name begins; `开展` dropped from it.
    public let visitLeads: ScalarSet
    public let lightVerbs: [String]
    /// `events.rules fragment`: `他`, `向他`: what an event's name never begins with (a clause fragment).
    public let fragmentStarts: Lexicon

    init(_ r: RuleSchema.Reader) {
        let file = "events.rules"
        nouns = r.lexicon(file, "noun")
        holdVerbs = r.lexicon(file, "hold")
        endedVerbs = r.lexicon(file, "ended")
        heldNouns = r.lexicon(file, "held")
        let generic = r.words(file, "generic")
        self.generic = Set(generic)
        deictic = r.lexicon(file, "deictic")
        counterpartMarkers = r.scalars(file, "counterpart")
        notCounterparts = r.lexicon(file, "not-counterpart")
        topicMarkers = r.scalars(file, "topic")
        together = r.lexicon(file, "together")
        works = r.lexicon(file, "work")
        counts = r.framed(file, "count")
        documents = r.lexicon(file, "document")
        present = r.lexicon(file, "present")
        fragmentStarts = r.lexicon(file, "fragment")
        closingVerbs = r.words(file, "closing").map { Array($0.unicodeScalars) }
        visitLeads = r.scalars(file, "visit-lead")
        lightVerbs = r.words(file, "light-verb")
        leaderLinks = r.lexicon(file, "leader-link")
        delegations = r.lexicon(file, "delegation")
        genericMeetings = Lexicon(generic.filter { $0.count >= 2 && $0.contains("会") })
    }
}
