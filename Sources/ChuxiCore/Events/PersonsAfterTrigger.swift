/// Persons after the trigger, up to the clause's end: a meeting's guests (`会见X`, always added
/// to the names before it), or a list after a copula when no one stands before the trigger
/// (`列席会议的公众代表分别为A、B、C`, `…有A、B`, `包括A`).
enum PersonsAfterTrigger: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]
    static let copulas = ScalarSet("为有是括".unicodeScalars)

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let t = sc.tagged, s = sc.text, meet = c.kind == .meet
        // `同A一起到灾区慰问的有B、C，以及D`: a guest list (roles.rules `guest-list`) right after
        // the trigger names its attendees beside the subject before it, up to the sentence's end.
        let g = x.rules.roleWords.guestLists.match(s, at: c.range.upperBound, limit: t.sentence.range.upperBound)
        let from = c.range.upperBound
        var found = x.subjects(t, s, in: from..<x.clauseOrSentenceEnd(t, s, from: from, meet: meet))
        // (Only when the list begins right there, titles aside: not `A此次调研的是全市重点项目，负责人B…`.)
        let listed = g > 0 && found.first.map { covered(t, from: from + g, to: $0) } ?? false
        if listed, meet { found = x.subjects(t, s, in: from..<x.clauseOrSentenceEnd(t, s, from: from, meet: false)) }
        guard c.picks.isEmpty || meet || listed else { return .next }
        if let first = found.first,
            meet || listed || copula(s, in: from..<first.range.lowerBound) || listAfterRelative(s, t, x, from, first)
        {
            c.add(found, by: .personsAfterTrigger)
        } else if c.picks.isEmpty, let first = found.first, relativeHead(s, t, x, from, first),
            // (`未能出席会议的A`, `接受慰问的A`: roles.rules `undone`.)
            x.rules.roleWords.undone.matchEnding(s, at: c.range.lowerBound, floor: t.sentence.range.lowerBound) == 0
        {
            c.add([first], by: .personsAfterTrigger)
        }
        return .next
    }

    /// `与会的副部长A说`, `出席庆典的大使A`: the trigger's clause qualifies the person after its
    /// 的 (their titles aside): that person is who acts, when nothing or an event noun stands
    /// before the 的 (not `参加这项研究的A`, `参与查证的A`: what they took part in is no event).
    static func relativeHead(
        _ s: [Unicode.Scalar], _ t: TaggedSentence, _ x: EventExtractor, _ from: Int, _ head: Subject
    ) -> Bool {
        guard head.kind == .person, head.range.lowerBound - from <= 20,
            let de = (from..<head.range.lowerBound).last(where: { s[$0] == "的" }),
            qualifiesAfterEvent(s, x, from, de)
        else { return false }
        return covered(t, from: de + 1, to: head)
    }

    /// Between the trigger's end and its 的, one clause with nothing, or an event noun, in it
    /// (`出席庆典的`, `与会的`; not `参加这项研究的`).
    static func qualifiesAfterEvent(_ s: [Unicode.Scalar], _ x: EventExtractor, _ from: Int, _ de: Int) -> Bool {
        !s[from..<de].contains(where: { EventExtractor.clausePunct.contains($0) || $0 == "、" })
            && (de == from || (from..<de).contains(where: { x.rules.events.nouns.match(s, at: $0, limit: de) > 0 }))
    }

    /// `参加宴会的贵宾，除了A以外，还有B、C`, `出席开幕式的嘉宾，有A、B`: the trigger's clause
    /// qualifies a short noun (what stands before its 的 as in `relativeHead`), and the next clause
    /// opens with a word that lists them (roles.rules `guest-list-next`) right before the first
    /// person (titles aside, or a short stretch of the list): the persons up to the sentence's
    /// end are its attendees.
    static func listAfterRelative(
        _ s: [Unicode.Scalar], _ t: TaggedSentence, _ x: EventExtractor, _ from: Int, _ head: Subject
    ) -> Bool {
        guard let comma = (from..<head.range.lowerBound).first(where: { EventExtractor.clausePunct.contains(s[$0]) }),
            s[comma] == "，", comma - from <= 16,
            let de = (from..<comma).last(where: { s[$0] == "的" }), (2...5).contains(comma - de),
            !s[de..<comma].contains("、"), qualifiesAfterEvent(s, x, from, de)
        else { return false }
        var k = comma + 1 + x.rules.roleWords.guestListsNext.match(s, at: comma + 1, limit: head.range.lowerBound)
        guard k > comma + 1 else { return false }
        if k < head.range.lowerBound, s[k] == "：" { k += 1 }
        // (The list may open with a name the tagger missed: `除了某某夫妇、A以外`.)
        return covered(t, from: k, to: head)
            || head.range.lowerBound - k <= 12
                && !s[k..<head.range.lowerBound].contains(where: { EventExtractor.clausePunct.contains($0) })
    }

    /// Does only the person's own titles stand between `from` and the person?
    static func covered(_ t: TaggedSentence, from: Int, to head: Subject) -> Bool {
        guard head.range.lowerBound >= from else { return false }
        let titles = t.persons.first { $0.name == head.range }?.titles ?? []
        return (from..<head.range.lowerBound).allSatisfy { k in titles.contains { $0.contains(k) } }
    }

    /// A copula in the clause of the trigger (`…的代表分别为A`), not the 为 of a verb
    /// (`与会专家认为，由…所长A…`: what the attendees think names no attendee).
    static func copula(_ s: [Unicode.Scalar], in gap: Range<Int>) -> Bool {
        for k in gap {
            if EventExtractor.clausePunct.contains(s[k]) { return false }
            if copulas.contains(s[k]), !(s[k] == "为" && k > gap.lowerBound && verbsEndingInWei.contains(s[k - 1])) {
                return true
            }
        }
        return false
    }
    static let verbsEndingInWei = ScalarSet("认以作成因行称视".unicodeScalars)
}
