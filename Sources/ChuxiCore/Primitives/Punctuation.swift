/// The punctuation every stage reads, defined once (the tagger and the events stage both end
/// clauses and names at these).
public enum Punctuation {
    /// What ends a clause.
    public static let clause: ScalarSet = ["，", "。", "；", "：", "！", "？", "\n", "…"]
    /// What no word runs across: clause punctuation, the list comma, quotes, brackets of titles, dashes.
    public static let delimiters: ScalarSet = [
        "，", "。", "；", "：", "！", "？", "、", " ", "“", "”", "‘", "’", "《", "》", "\n", "…", "—", "\"", "「", "」", "·", "/"
    ]
    /// What joins the names of a list (`A、B和C`, `A以及B`): the list comma and the conjunctions.
    public static let listJoiners = ["以及", "、", "和", "及", "与"].map { Array($0.unicodeScalars) }
    /// The one-character conjunctions of a list, which are also surnames or prepositions (`和`, `同`).
    public static let conjunctions: ScalarSet = ["和", "及", "与", "同"]
    /// What joins two nouns: the conjunctions and the list comma (`慰问和祝愿`, `看望与`).
    public static let joiners: ScalarSet = {
        var s = conjunctions
        s.formUnion(["、"])
        return s
    }()
}
