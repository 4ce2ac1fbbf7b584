/// `国务院总理A发来贺信。…A指出，…`: a person whose clause sends a message (roles.rules `absent`
/// right after the name, in a sentence with no trigger to filter) was not there, and what the
/// article has A say later is the message's text. A sentence step notes the senders; the
/// article pass drops their said records, unless the article also has them act (attend,
/// chair, inspect): then they were there as well.
enum MessageSenders: ArticlePass {
    /// Notes the persons of `t` whose own clause holds a message marker within a dozen characters.
    static func note(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor, _ st: inout EventExtractor.State)
    {
        guard t.triggers.isEmpty else { return }
        for (k, p) in t.persons.enumerated() {
            var end = p.name.upperBound
            let next = k + 1 < t.persons.count ? t.persons[k + 1].name.lowerBound : t.sentence.range.upperBound
            while end < min(next, p.name.upperBound + 12), !EventExtractor.clausePunct.contains(s[end]) { end += 1 }
            if (p.name.upperBound..<end).contains(where: {
                x.rules.roleWords.absentMarkers.match(s, at: $0, limit: end) > 0
            }) {
                st.messageSenders.insert(x.str(s, p.name))
            }
        }
    }

    static func apply(
        _ st: inout EventExtractor.State, _ sentences: [TaggedSentence], _ s: [Unicode.Scalar], _ x: EventExtractor
    ) {
        guard !st.messageSenders.isEmpty else { return }
        let present = Set(st.drafts.filter { $0.role != .speak }.map { x.str(s, $0.attendee) })
        st.drafts.removeAll { d in
            let name = x.str(s, d.attendee)
            return d.role == .speak && st.messageSenders.contains(name) && !present.contains(name)
                && x.rules.triggers[x.str(s, d.trigger)]?.kind == .said
        }
    }
}
