/// Records before the article's first date (a summary above the dateline) take that date,
/// unless the article is vague about it (`近日`). Only close above it (a summary, a lead,
/// 400 scalars): a date far below belongs to another story.
enum DatesAboveDateline: ArticlePass {
    static let reach = 400

    static func apply(
        _ st: inout EventExtractor.State, _ sentences: [TaggedSentence], _ s: [Unicode.Scalar], _ x: EventExtractor
    ) {
        guard let first = st.firstDate, !first.isEmpty else { return }
        let at = x.firstDatePosition(sentences)
        for k in st.drafts.indices
        where st.drafts[k].date.isEmpty && st.drafts[k].trigger.lowerBound < at
            && at - st.drafts[k].trigger.lowerBound <= reach
        { st.drafts[k].date = first }
    }
}
