/// `中新社香港5月4日电 5月10日至12日，某某将率团访问…`: under a wire dateline (a date right
/// before `电` or `讯`), a record dated after it tells what is to come, not attendance: the
/// story was filed before it happened. (Within half a year ahead, year or no year; a brief
/// page without a wire dateline is dated by its items and keeps them.)
enum AfterWireDateline: ArticlePass {
    static let horizon = 183
    /// (One or two days ahead is the date or a `今天` counted from it, not a plan.)
    static let soonest = 3

    static func apply(
        _ st: inout EventExtractor.State, _ sentences: [TaggedSentence], _ s: [Unicode.Scalar], _ x: EventExtractor
    ) {
        guard let filed = wireDateline(sentences, s) else { return }
        st.drafts.removeAll { d in
            guard let (m, day) = monthDay(d.date) else { return false }
            let ahead = (dayOfYear(m, day) - dayOfYear(filed.month, filed.day) + 372) % 372
            return ahead >= soonest && ahead <= horizon
        }
    }

    /// The first absolute date of the article's first two sentences when `电`/`讯` follows it.
    static func wireDateline(_ sentences: [TaggedSentence], _ s: [Unicode.Scalar]) -> DateValue? {
        for t in sentences.prefix(2) {
            for d in t.dates {
                guard case .absolute(let v) = d.value else { continue }
                let e = d.range.upperBound
                return e < s.count && (s[e] == "电" || s[e] == "讯") ? v : nil
            }
        }
        return nil
    }

    /// Month and day of a record's date (`1998-01-09`, `--05-10`, a range's start), or nil.
    static func monthDay(_ date: String) -> (Int, Int)? {
        let start = date.split(separator: "/").first.map(String.init) ?? ""
        let parts = start.split(separator: "-", omittingEmptySubsequences: true)
        guard parts.count >= 2, let m = Int(parts[parts.count - 2]), let d = Int(parts[parts.count - 1]) else {
            return nil
        }
        return (m, d)
    }

    /// A day on a year of twelve 31-day months (372 days): enough to tell ahead from behind.
    static func dayOfYear(_ m: Int, _ d: Int) -> Int { (m - 1) * 31 + d }
}
