/// `…向某国…发唁电。…唁电全文如下：` then the message itself: a sentence that names a message
/// (roles.rules `absent`: 唁电, 贺信…) and then announces its text (roles.rules `message-text`:
/// 全文如下) introduces what the senders wrote, not what anyone attended; the rest of the
/// article gives no records. (A sentence step, like `PlannedItems`.)
enum QuotedMessage {
    /// Does this sentence introduce a message's text, or sit in one?
    static func note(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor, _ st: inout EventExtractor.State)
        -> Bool
    {
        if st.inQuotedMessage { return true }
        let r = t.sentence.range, roles = x.rules.roleWords
        guard
            let lead = r.first(where: { roles.messageTexts.match(s, at: $0, limit: r.upperBound) > 0 }),
            (r.lowerBound..<lead).contains(where: { roles.absentMarkers.match(s, at: $0, limit: lead) > 0 })
        else { return false }
        st.inQuotedMessage = true
        // (The text may follow the colon in the same sentence; a trigger before the announcement
        // may still tell who passed the message on: `…转达唁电，唁电全文如下`.)
        return !t.triggers.contains { $0.range.lowerBound < lead }
    }
}
