/// `X会见了多批客人。包括：A一行，B一行`: a sentence opening with a list lead and a colon right
/// after a meeting (`会见`) lists its guests; they attend that meeting, by its trigger, event and date.
/// (A sentence step, before the sentence's own triggers: the persons up to its first trigger.)
enum GuestsAfterMeeting {
    static let step = EventStep.guestsAfterMeeting

    static func resolve(
        after meet: EventExtractor.Draft?, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor,
        _ st: inout EventExtractor.State
    ) {
        guard let m = meet else { return }
        let lead = x.rules.listLeads.match(s, at: t.sentence.range.lowerBound, limit: t.sentence.range.upperBound)
        let colon = t.sentence.range.lowerBound + lead
        guard lead > 0, colon < s.count, s[colon] == ":" || s[colon] == "：" else { return }
        let end = t.triggers.first?.range.lowerBound ?? t.sentence.range.upperBound
        for p in x.subjects(t, s, in: t.sentence.range.lowerBound..<end) {
            st.drafts.append(
                EventExtractor.Draft(
                    attendee: p.range, kind: p.kind.rawValue, role: .attend, trigger: m.trigger,
                    event: m.event, date: m.date, step: step))
        }
    }
}
