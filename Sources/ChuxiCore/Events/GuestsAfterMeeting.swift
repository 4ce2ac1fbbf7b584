/// `X会见了多批客人。包括：A一行，B一行`: a sentence opening with a list lead and a colon right
/// after a meeting (`会见`) lists its guests; they attend that meeting, by its trigger, event and date.
/// Likewise after an attendance told with no one named (`参加该比赛的是…。她们是A、B`).
/// (A sentence step, before the sentence's own triggers: the persons up to its first trigger.)
enum GuestsAfterMeeting {
    static let step = EventStep.guestsAfterMeeting

    static func resolve(
        after meet: EventExtractor.Draft?, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor,
        _ st: inout EventExtractor.State
    ) {
        guard let m = meet else { return }
        let lead = x.rules.roleWords.listLeads.match(
            s, at: t.sentence.range.lowerBound, limit: t.sentence.range.upperBound)
        let colon = t.sentence.range.lowerBound + lead
        guard lead > 0, colon < s.count, s[colon] == ":" || s[colon] == "：" else { return }
        take(m, t, s, x, &st)
    }

    /// `参加该比赛的是去年的前几名。她们是A、B、C。`: an attendance told with no one named, then a
    /// sentence opening with a list lead that names them (a colon is not needed: `她们是` says it).
    static func resolve(
        named told: EventExtractor.Draft?, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor,
        _ st: inout EventExtractor.State
    ) {
        guard let m = told,
            x.rules.roleWords.listLeads.match(s, at: t.sentence.range.lowerBound, limit: t.sentence.range.upperBound)
                > 0
        else { return }
        take(m, t, s, x, &st)
    }

    /// Remembers an attend trigger that a copula follows with no one named (`参加该比赛的是…`),
    /// and a visit or attendance by a group no name stands for (`老同志来到某所，慰问干警`:
    /// `他们当中有A、B` may follow; only a sentence opening with a list lead takes it).
    static func awaitGuests(
        _ c: EventExtractor.TriggerContext, _ ownDate: String?, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ st: inout EventExtractor.State
    ) {
        let s = sc.text, r = c.range
        guard c.kind == .verb, c.roles == [.attend] || c.roles == [.inspect], r.upperBound + 1 < s.count else { return }
        let end = x.clauseOrSentenceEnd(sc.tagged, s, from: r.upperBound, meet: false)
        let copula = (r.upperBound..<max(r.upperBound, end - 1)).first(where: { s[$0] == "的" }).map {
            s[$0 + 1] == "是" || s[$0 + 1] == "有"
        }
        // (Not the writer's own visit: `记者前往某地，看望了…`, roles.rules `narrator`.)
        let byWriter = (sc.segmentStart..<r.lowerBound).contains {
            x.rules.roleWords.narrators.match(s, at: $0, limit: r.lowerBound) > 0
        }
        guard
            c.roles == [.attend] && s[r.upperBound] != "了" && copula == true
                || c.before.isEmpty && copula != true && !byWriter
        else { return }
        st.guestsToCome = draftToCome(c, role: c.roles[0], ownDate, sc, x, st, step: step)
    }

    /// The draft a later sentence's persons take (`GuestsAfterMeeting`, `SpeakersAfterTurns`):
    /// the trigger's event, role and date. (Named on a copy of the state: naming it must not
    /// change what the article's later triggers name.)
    static func draftToCome(
        _ c: EventExtractor.TriggerContext, role: Role, _ ownDate: String?, _ sc: EventExtractor.SentenceContext,
        _ x: EventExtractor, _ st: EventExtractor.State, step: EventStep
    ) -> EventExtractor.Draft {
        var probe = st
        let event = x.eventName(
            for: c.mention, sc.tagged, sc.text, sentenceEvent: sc.event, state: &probe, headline: st.headline)
        return EventExtractor.Draft(
            attendee: c.range, kind: AttendeeKind.person.rawValue, role: role, trigger: c.range, event: event,
            date: ownDate ?? st.eventDates[event] ?? st.date, step: step)
    }

    static func take(
        _ m: EventExtractor.Draft, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor,
        _ st: inout EventExtractor.State
    ) {
        let end = t.triggers.first?.range.lowerBound ?? t.sentence.range.upperBound
        for p in x.subjects(t, s, in: t.sentence.range.lowerBound..<end) {
            st.drafts.append(
                EventExtractor.Draft(
                    attendee: p.range, kind: p.kind.rawValue, role: m.role, trigger: m.trigger,
                    event: m.event, date: m.date, step: step))
        }
    }
}
