/// `1992年，A来到某镇扶贫`, `早在1995年，A就…`: a year with no month, earlier than the issue's
/// (else the dateline's) year, before the sentence's first trigger: the sentence tells history,
/// and its triggers give no records. A full date (`1997年12月30日`) dates a record instead, and
/// a year with its month is left to the date steps. (A sentence step, like `PlannedItems`.)
enum HistoryYear {
    static func tells(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ st: EventExtractor.State) -> Bool {
        guard let first = t.triggers.first?.range.lowerBound,
            let now = st.issueDate?.year ?? st.dateline?.year
        else { return false }
        // The tagger's years that date nothing (`Tagger.yearAlone`: no month follows); `1997年的
        // 最后一天` is a day of one.
        return t.times.contains { r in
            r.count == 5 && r.upperBound < first && s[r.upperBound - 1] == "年" && s[r.upperBound] != "的"
                && Numerals.read(s, r.lowerBound, r.upperBound - 1).map { (1900..<now).contains($0.value) } == true
                && opensClause(at: r.lowerBound, t, s)
        }
    }

    /// The time of a clause: the year opens the sentence or a clause (after `早在`, `在`, `于`),
    /// or follows a person's name (`A1992年来到`); `获得1997年十佳的A` qualifies a noun.
    static func opensClause(at k: Int, _ t: TaggedSentence, _ s: [Unicode.Scalar]) -> Bool {
        let lo = t.sentence.range.lowerBound
        var p = k
        if p - 2 >= lo, s[p - 2] == "早", s[p - 1] == "在" {
            p -= 2
        } else if p - 1 >= lo, s[p - 1] == "在" || s[p - 1] == "于" {
            p -= 1
        }
        return p == lo || EventExtractor.clausePunct.contains(s[p - 1])
            || t.persons.contains { $0.name.upperBound == k }
    }
}
