/// `省政府新闻办将在某处召开两场新闻发布会：` then `一、2月28日上午…举行…发布会，请A介绍…。B主持。`:
/// a sentence that announces a plan (roles.rules `planned` before a hold verb, events.rules
/// `hold`) and ends with a colon introduces its items; every paragraph that opens with an item
/// number (`一、`, `（二）`, `3.`) tells what is to come, and its triggers give no records.
/// (A sentence step, like `GuestsAfterMeeting`.)
enum PlannedItems {
    /// Does this sentence announce planned items? Does it sit in one of them?
    static func note(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor, _ st: inout EventExtractor.State)
        -> Bool
    {
        let r = t.sentence.range
        let opensParagraph = r.lowerBound == 0 || s[r.lowerBound - 1] == "\n"
        if st.inNotice { return true }
        // `关于召开全市某某会议的通知`: a notice of a meeting to come (roles.rules `notice` ends it,
        // a hold verb in it); what follows is the notice, a plan.
        if opensParagraph, announcesMeeting(s, r, x) {
            st.inNotice = true
            return true
        }
        if opensParagraph { st.inPlannedItem = st.plannedItems && opensWithItemNumber(s, r) }
        // (The items may follow the colon in the same paragraph: `…发布会：一、…`.)
        if let colon = r.first(where: { s[$0] == "：" || s[$0] == ":" }), announcesPlan(s, r.lowerBound..<colon, x) {
            st.plannedItems = true
            if opensWithItemNumber(s, (colon + 1)..<r.upperBound) { st.inPlannedItem = true }
            return true
        }
        return st.inPlannedItem
    }

    /// A line that a notice's opening and ending frame (`关于` … `的通知`) and that holds a hold verb.
    static func announcesMeeting(_ s: [Unicode.Scalar], _ r: Range<Int>, _ x: EventExtractor) -> Bool {
        var e = r.upperBound
        while e > r.lowerBound, s[e - 1].properties.isWhitespace || EventExtractor.clausePunct.contains(s[e - 1]) {
            e -= 1
        }
        let line = s[r.lowerBound..<e]
        guard line.count <= 60,
            x.rules.roleWords.notices.contains(where: {
                line.starts(with: $0.before) && line.reversed().starts(with: $0.after.reversed())
            })
        else { return false }
        return (r.lowerBound..<e).contains { x.rules.events.holdVerbs.match(s, at: $0, limit: e) > 0 }
    }

    /// A plan word, then a hold verb within a dozen characters (`将在…召开`, `定于…举行`).
    static func announcesPlan(_ s: [Unicode.Scalar], _ r: Range<Int>, _ x: EventExtractor) -> Bool {
        r.contains { k in
            let p = x.rules.roleWords.plannedMarkers.match(s, at: k, limit: r.upperBound)
            guard p > 0 else { return false }
            return (k + p..<min(r.upperBound, k + p + 24)).contains {
                x.rules.events.holdVerbs.match(s, at: $0, limit: r.upperBound) > 0
            }
        }
    }

    /// `一、`, `十二、`, `（一）`, `(2)`, `3.`, `4、` at the paragraph's start.
    static func opensWithItemNumber(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        let bracket = k < r.upperBound && (s[k] == "（" || s[k] == "(")
        if bracket { k += 1 }
        guard let (_, end) = Numerals.read(s, k, r.upperBound), end - k <= 3 else { return false }
        k = end
        guard k < r.upperBound else { return false }
        return bracket ? s[k] == "）" || s[k] == ")" : s[k] == "、" || s[k] == "." || s[k] == "．"
    }
}
