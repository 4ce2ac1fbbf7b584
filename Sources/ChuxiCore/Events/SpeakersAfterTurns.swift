/// `座谈会上，11位企业家代表先后交流发言。某公司总裁A表示，…；某厂厂长B介绍了…`: a speech
/// that a group gives in turn (roles.rules `distributive` before it) with no one named, then the
/// next sentence naming them one clause each, each name at its clause's start and right before
/// what they said (names.rules `predicate`: 表示, 介绍, 认为 …). They speak at, and attend, the
/// event of the speech. (A sentence step, before the sentence's own triggers, like
/// `GuestsAfterMeeting`.)
enum SpeakersAfterTurns {
    static let step = EventStep.speakersAfterTurns

    /// Remembers a speech given in turn by no one named (`代表先后交流发言`).
    static func awaitSpeakers(
        _ c: EventExtractor.TriggerContext, _ ownDate: String?, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ st: inout EventExtractor.State
    ) {
        let s = sc.text, r = c.range
        guard c.kind == .speech, c.before.isEmpty else { return }
        let c0 = x.clause(sc.tagged, s, around: r.lowerBound).lowerBound
        guard
            (c0..<r.lowerBound).contains(where: {
                x.rules.roleWords.distributives.match(s, at: $0, limit: r.lowerBound) > 0
            })
        else { return }
        st.speakersToCome = GuestsAfterMeeting.draftToCome(c, role: .speak, ownDate, sc, x, st, step: step)
    }

    static func resolve(
        _ told: EventExtractor.Draft?, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor,
        _ st: inout EventExtractor.State
    ) {
        guard let m = told else { return }
        let r = t.sentence.range
        for p in t.persons {
            let start = p.start
            guard start == r.lowerBound || start > r.lowerBound && s[start - 1] == "；",
                x.rules.predicates.match(s, at: p.name.upperBound, limit: r.upperBound) > 0
            else { continue }
            for role in [Role.attend, .speak] {
                st.drafts.append(
                    EventExtractor.Draft(
                        attendee: p.name, kind: AttendeeKind.person.rawValue, role: role, trigger: m.trigger,
                        event: m.event, date: m.date, step: step))
            }
        }
    }
}
