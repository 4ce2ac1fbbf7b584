/// An article whose only records are words said at no named or dated event
/// (`钱正华总书记强调：…` quoted in a commentary), or words cited from a text at no event the
/// article names (`钱正华同志在十五大报告中指出`: the report, not a meeting; the event is no more
/// than a headline that names no event), tells no attendance.
enum QuoteOnlyArticle: ArticlePass {
    static func apply(
        _ st: inout EventExtractor.State, _ sentences: [TaggedSentence], _ s: [Unicode.Scalar], _ x: EventExtractor
    ) {
        let headline = st.headline
        // (A headline that holds an event noun names a meeting the report was given at:
        // `某某为船舶工业工作会议题词`.)
        let u = Array((headline ?? "").unicodeScalars)
        let headlineNamesEvent = u.indices.contains { x.rules.events.nouns.match(u, at: $0, limit: u.count) > 0 }
        if st.drafts.allSatisfy({ d in
            guard d.role == .speak else { return false }
            let cited =
                (d.event.isEmpty || d.event == headline) && !headlineNamesEvent && citesText(d.trigger, s, x)
            if d.event.isEmpty || d.date.isEmpty {
                return cited || x.rules.triggers[x.str(s, d.trigger)]?.kind == .said
            }
            return cited
        }) {
            st.drafts = []
        }
    }

    /// `在…报告中指出`: a cited text (roles.rules `cited`) between `在` and `中` in the trigger's
    /// clause, up to the trigger's end.
    static func citesText(_ trigger: Range<Int>, _ s: [Unicode.Scalar], _ x: EventExtractor) -> Bool {
        var lo = trigger.lowerBound
        while lo > 0, !EventExtractor.clausePunct.contains(s[lo - 1]) { lo -= 1 }
        for zhong in lo..<min(s.count, trigger.upperBound + 1) where s[zhong] == "中" {
            let l = x.rules.roleWords.citedTexts.matchEnding(s, at: zhong, floor: lo)
            if l > 0, (lo..<(zhong - l)).contains(where: { s[$0] == "在" }) { return true }
        }
        return false
    }
}
