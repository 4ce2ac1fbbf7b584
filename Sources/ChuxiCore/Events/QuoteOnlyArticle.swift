/// An article whose only records are words said at no named or dated event
/// (`钱正华总书记强调：…` quoted in a commentary) tells no attendance.
enum QuoteOnlyArticle: ArticlePass {
    static func apply(
        _ st: inout EventExtractor.State, _ sentences: [TaggedSentence], _ s: [Unicode.Scalar], _ x: EventExtractor
    ) {
        if st.drafts.allSatisfy({
            ($0.event.isEmpty || $0.date.isEmpty) && $0.role == .speak
                && x.rules.triggers[x.str(s, $0.trigger)]?.kind == .said
        }) {
            st.drafts = []
        }
    }
}
