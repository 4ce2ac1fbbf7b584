/// Turns the tagged sentences of one article into who-attended-what records: finds the
/// persons each role trigger applies to, the event it belongs to and the date.
///
/// A short driver over named, ordered steps (docs/ARCHITECTURE.md lists them): per sentence,
/// `GuestsAfterMeeting`; per trigger, the `subjectResolvers` in order, then the event's name
/// (`EventNames.swift`) and date (`EventDates.swift`); after the article, the `articlePasses`.
/// Every draft carries the step that found its attendee (`Draft.step`, printed by `chuxi explain`).
public struct EventExtractor: Sendable {
    public let rules: RuleSet
    public init(rules: RuleSet) { self.rules = rules }

    /// A record before it is tied to the issue and the original file.
    public struct Draft: Sendable {
        public var attendee: Range<Int>
        /// `AttendeeKind`'s raw value (`person`, `organization`): what records and the contract hold.
        public var kind: String
        public var role: Role
        public var trigger: Range<Int>
        public var event: String
        public var date: String
        /// The step that found the attendee.
        public var step: EventStep
    }

    /// The steps that find a trigger's subjects, in the order they run on each trigger (each
    /// only on the trigger kinds it names). Why this order:
    /// - `ExpressedNotDone` first: an expressed word (`表示亲切慰问`) is no act, whoever stands before it.
    /// - `PlannedByAnother` next: a plan (`拟由A主持`) drops the trigger before anyone finds subjects.
    /// - `SubjectsBeforeTrigger` next: the names before the trigger are the usual subjects;
    ///   every later step either fills in when it found none or replaces it for a shape it knows.
    /// - `SameSubjectsAfterAnd` and `AccompaniedSubject` before `Companions`: a trigger takes the
    ///   subject an earlier `在B陪同下` left waiting before its own `陪同下` leaves a new one.
    /// - `DuringVisitHosts` before `PersonsAfterTrigger`: the hosts named during a visit are the
    ///   subjects, not a list after the trigger; when it finds none the trigger gives no record.
    /// - `VisitAtGathering` after the subjects are found: it changes their role, not who they are.
    /// - `AbsentFilter` last: it removes, from whatever the steps found, the persons who sent or
    ///   received a message and were not there.
    static let subjectResolvers: [any SubjectResolver.Type] = [
        ExpressedNotDone.self,
        PlannedByAnother.self,
        SubjectsBeforeTrigger.self,
        SameSubjectsAfterAnd.self,
        AccompaniedSubject.self,
        Companions.self,
        DuringVisitHosts.self,
        PersonsAfterTrigger.self,
        SpeechSubjects.self,
        SaidSubjects.self,
        VisitAtGathering.self,
        AbsentFilter.self
    ]

    /// The passes over the article's drafts after its last sentence, in order.
    /// `QuoteOnlyArticle` before `DatesAboveDateline`: a quote is told by its records having no
    /// date of their own; the date the second pass gives would hide it. `AfterWireDateline` last:
    /// it reads the dates the others gave. `MessageSenders` first: the words of a message are no
    /// records for the passes after it to read.
    static let articlePasses: [any ArticlePass.Type] = [
        MessageSenders.self,
        QuoteOnlyArticle.self,
        DatesAboveDateline.self,
        AfterWireDateline.self
    ]

    public func extract(
        _ sentences: [TaggedSentence], text: NormalizedText, headline: String?,
        issueDate: IssueDate?, pageDate: DateValue? = nil
    ) -> [Draft] {
        var st = State(issueDate: issueDate, headline: headline, pageDate: pageDate)
        let s = text.scalars
        for t in sentences { extractSentence(t, s, &st) }
        for pass in Self.articlePasses { pass.apply(&st, sentences, s, self) }
        return st.drafts
    }

    func extractSentence(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ st: inout State) {
        noteDateline(t, &st)
        // Hold verbs are candidate words: a sentence without one holds no event either.
        // (`团拜会由…主办` after `“某某新春团拜会”在这里举行`: the gathering keeps its full name.)
        let sentEvent =
            t.sentence.mayHoldPersons
            ? holdEvent(t, s).flatMap { eventNoun($0, t, s) }.map { fullName(of: $0, state: st, headline: nil) } : nil
        if let e = sentEvent { st.event = e; st.gathering = e }
        let meetBefore = st.lastMeet, toCome = st.guestsToCome, toSpeak = st.speakersToCome
        st.lastMeet = nil; st.guestsToCome = nil; st.speakersToCome = nil
        SpeakersAfterTurns.resolve(toSpeak, t, s, self, &st)
        GuestsAfterMeeting.resolve(after: meetBefore, t, s, self, &st)
        GuestsAfterMeeting.resolve(named: toCome, t, s, self, &st)
        var sc = SentenceContext(tagged: t, text: s, event: sentEvent, segmentStart: t.sentence.range.lowerBound)
        sc.planned =
            PlannedItems.note(t, s, self, &st) || QuotedMessage.note(t, s, self, &st) || HistoryYear.tells(t, s, st)
        MessageSenders.note(t, s, self, &st)
        let draftsBefore = st.drafts.count, toldBefore = PresentAtGathering.told(st)
        for trig in t.triggers { resolveTrigger(trig, &sc, &st) }
        PresentAtGathering.resolve(t, s, self, sc, told: toldBefore, draftsBefore: draftsBefore, &st)
        advanceDate(after: t, s, sentenceEvent: sentEvent, &st)
    }

    /// Runs the resolvers on one trigger and records what they found.
    func resolveTrigger(_ trig: TriggerMention, _ sc: inout SentenceContext, _ st: inout State) {
        if sc.planned { return }
        // (Before the resolvers: the date it renders may set the dateline.)
        let own = ownDate(trig, sc.tagged, sc.text, &st)
        var c = TriggerContext(
            mention: trig, before: subjects(sc.tagged, sc.text, in: sc.segmentStart..<trig.range.lowerBound),
            roles: [trig.trigger.role])
        for resolver in Self.subjectResolvers where resolver.kinds.contains(c.kind) {
            if resolver.resolve(&c, &sc, self, st) == .dropTrigger { return }
        }
        if c.picks.isEmpty {
            GuestsAfterMeeting.awaitGuests(c, own, &sc, self, &st)
            SpeakersAfterTurns.awaitSpeakers(c, own, &sc, self, &st)
            return
        }
        record(c, ownDate: own, &sc, &st)
    }

    /// The drafts of a resolved trigger: its event, its date, one draft per subject and role.
    func record(_ c: TriggerContext, ownDate: String?, _ sc: inout SentenceContext, _ st: inout State) {
        let trig = c.mention, t = sc.tagged
        // `叶某说，昨天下午，A会见了…`: an event a speaker tells of is not where the story goes on.
        let told = (st.event, st.gathering)
        let event =
            c.event ?? eventName(for: trig, t, sc.text, sentenceEvent: sc.event, state: &st, headline: st.headline)
        if inReport(at: trig.range.lowerBound, sc.text, in: t) { (st.event, st.gathering) = told }
        // A sentence with no date of its own dates its record by the event's own date when
        // the article gave one (`为期三天的X今天闭幕` … `出席了这次会议`: the three days), else by
        // the article's current date. Likewise a meeting told before (`参加会见的有`: the 会见's
        // date, not that of a 会谈 told since).
        let date = ownDate ?? st.eventDates[event] ?? st.date
        if trig.trigger.kind == .meet, event != trig.trigger.word, !date.isEmpty, st.eventDates[event] == nil {
            st.eventDates[event] = date
        }
        if let companions = sc.companionDrafts {
            for k in companions { st.drafts[k].event = event }
            sc.companionDrafts = nil
        }
        let first = st.drafts.count
        for p in c.picks {
            for role in c.roles {
                st.drafts.append(
                    Draft(
                        attendee: p.subject.range, kind: p.subject.kind.rawValue, role: role, trigger: trig.range,
                        event: event, date: date, step: p.step))
            }
        }
        if c.accompanies { sc.companionDrafts = first..<st.drafts.count }
        sc.previousSubjects = c.picks.map(\.subject)
        sc.segmentStart = trig.range.upperBound
        st.lastMeet = trig.trigger.kind == .meet ? st.drafts.last : nil
    }
}
