// The vocabulary of the events stage: what it keeps over an article, a sentence and a trigger,
// the steps that make drafts, and the two kinds of step (per trigger, per article).

/// Who a record is about.
public enum AttendeeKind: String, Sendable {
    case person, organization
}

/// A person or an organization a trigger may apply to: where its name stands and which it is.
struct Subject: Equatable {
    var range: Range<Int>
    var kind: AttendeeKind
}

/// The steps that make drafts; the raw value is the id `chuxi explain` prints next to a record.
public enum EventStep: String, Sendable, CaseIterable {
    case guestsAfterMeeting = "guests-after-meeting"
    case subjectsBeforeTrigger = "subjects-before-trigger"
    case sameSubjectsAfterAnd = "same-subjects-after-and"
    case accompaniedSubject = "accompanied-subject"
    case companions = "companions"
    case duringVisitHosts = "during-visit-hosts"
    case personsAfterTrigger = "persons-after-trigger"
    case speechSubjects = "speech-subjects"
    case saidSubjects = "said-subjects"
    case speakersAfterTurns = "speakers-after-turns"
    case presentAtGathering = "present-at-gathering"
}

extension EventExtractor {
    /// The punctuation that ends a clause (Primitives/, as the tagger's).
    static let clausePunct = Punctuation.clause

    /// What the stage keeps over one article.
    struct State {
        let issueDate: IssueDate?
        /// The article's headline: the event name of last resort.
        let headline: String?
        /// A dated line among the headlines (`2008-09-22 22:11 来源：…`): the base for `今天`, `22日`
        /// when the body gives no date of its own first.
        let pageDate: DateValue?
        /// The drafts so far, in the order they were made.
        var drafts: [Draft] = []
        /// The article's first date, rendered (`""` when vague): `DatesAboveDateline` gives it.
        var firstDate: String? = nil
        /// The current date: what a trigger without a date of its own takes.
        var date: String = ""
        var event: String? = nil
        /// The last event not named by a meeting: the gathering a later `会上`, `这次会议` means.
        var gathering: String? = nil
        /// The last event named by a meeting (`会见X`): what a later `参加了会见`, `会见时在座` means.
        var meeting: String? = nil
        /// The last meeting each meet trigger named (`会见` -> `会见某国总统`): what a later
        /// `参加会见的有` means, rather than a `会谈` told since.
        var meetingsByWord: [String: String] = [:]
        /// Was the current event named by a meeting?
        var eventIsMeet: Bool { event != nil && event == meeting && event != gathering }
        /// The article's dateline (`新华社北京1月9日电`): the base for `今天`, `昨天`.
        var dateline: DateValue? = nil
        /// The meeting (`会见`) told by the sentence before, for a next sentence that lists its guests.
        var lastMeet: Draft? = nil
        /// An attendance the sentence before told with no one named (`参加该比赛的是…选手。`), for a
        /// next sentence that names them (`她们是A、B、C`): its trigger, event and date.
        var guestsToCome: Draft? = nil
        /// `PlannedItems`: a plan with a colon was told; the sentence sits in one of its items.
        var plannedItems = false
        var inPlannedItem = false
        /// `QuotedMessage`: a message's text was announced (`唁电全文如下`); what follows is it.
        var inQuotedMessage = false
        /// `PlannedItems`: a notice of a meeting to come opened (`关于召开…会议的通知`); what follows is it.
        var inNotice = false
        /// Persons who sent a message (`A发来贺信`): their said records are its words (`MessageSenders`).
        var messageSenders: Set<String> = []
        /// A speech given in turn by no one named (`SpeakersAfterTurns`): the next sentence names them.
        var speakersToCome: Draft? = nil
        /// The date each event was given where the text told it (`为期三天的X今天闭幕`).
        var eventDates: [String: String] = [:]

        /// A meeting named afresh by `word`: the current meeting, and the one that word points back at.
        mutating func noteMeeting(_ name: String, word: String) {
            meeting = name
            meetingsByWord[word] = name
        }

        /// The meeting a trigger word points back at: the last one it named, else the last meeting.
        /// (Before the last meeting of another word: the gathering told before that holds the
        /// word, `某某基金颁奖仪式在这里举行。…向他们颁奖`, `举行了第五次会晤` before `会晤后表示`.)
        func meeting(toldBy word: String) -> String? {
            meetingsByWord[word] ?? gathering.flatMap { $0 != word && $0.contains(word) ? $0 : nil } ?? meeting
        }

        init(issueDate: IssueDate?, headline: String?, pageDate: DateValue?) {
            self.issueDate = issueDate
            self.headline = headline
            self.pageDate = pageDate
        }
    }

    /// What the stage keeps over one sentence, from one trigger to the next.
    struct SentenceContext {
        let tagged: TaggedSentence
        let text: [Unicode.Scalar]
        /// The event a hold verb names in the sentence (`召开X`), if any.
        let event: String?
        /// Where the next trigger's subjects may start: the sentence's start, then the end of the
        /// last trigger that made records.
        var segmentStart: Int
        /// The subjects of the last trigger that made records (`主持会议并讲话`: the same persons).
        var previousSubjects: [Subject] = []
        /// Was a plan, a message or a history told in the sentence (`A将…`, `1992年，A…`)? The
        /// triggers after it give no records.
        var planned = false
        /// `A在B陪同下，到X调研`: A, waiting for the trigger after `陪同`.
        var waiting: [Subject] = []
        /// The companions' drafts (`在B陪同下`): they take the event of the next trigger that
        /// makes records (what the accompanied do), whoever its subject.
        var companionDrafts: Range<Int>? = nil

        init(tagged: TaggedSentence, text: [Unicode.Scalar], event: String?, segmentStart: Int) {
            self.tagged = tagged
            self.text = text
            self.event = event
            self.segmentStart = segmentStart
        }
    }

    /// A subject found by a step.
    struct Pick {
        var subject: Subject
        var step: EventStep
    }

    /// One trigger being resolved.
    struct TriggerContext {
        let mention: TriggerMention
        /// The persons and organizations between the segment's start and the trigger.
        let before: [Subject]
        /// The subjects found so far, each with the step that found it.
        var picks: [Pick] = []
        /// The roles each subject gets (`在会上指出`: speaking and attending).
        var roles: [Role]
        /// Did `Companions` read this trigger as `在B陪同下`? (Its drafts then wait for an event.)
        var accompanies = false
        /// The event a step put the subjects at, instead of the one the trigger names.
        var event: String? = nil

        init(mention: TriggerMention, before: [Subject], roles: [Role]) {
            self.mention = mention
            self.before = before
            self.roles = roles
        }

        var kind: Trigger.Kind { mention.trigger.kind }
        var range: Range<Int> { mention.range }
        var subjects: [Subject] { picks.map(\.subject) }
        mutating func take(_ subjects: [Subject], by step: EventStep) {
            picks = subjects.map { Pick(subject: $0, step: step) }
        }
        mutating func add(_ subjects: [Subject], by step: EventStep) {
            picks += subjects.map { Pick(subject: $0, step: step) }
        }
    }
}

/// What a subject resolver tells the driver.
enum Resolution { case next, dropTrigger }

/// One step that finds (or removes) the subjects of a trigger; the driver runs
/// `EventExtractor.subjectResolvers` in order on each trigger whose kind is in `kinds`.
protocol SubjectResolver {
    static var kinds: [Trigger.Kind] { get }
    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sentence: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution
}

/// One pass over an article's drafts after its last sentence (`EventExtractor.articlePasses`).
protocol ArticlePass {
    static func apply(
        _ state: inout EventExtractor.State, _ sentences: [TaggedSentence], _ s: [Unicode.Scalar], _ x: EventExtractor)
}
