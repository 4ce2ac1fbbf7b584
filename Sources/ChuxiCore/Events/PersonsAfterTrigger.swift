/// Persons after the trigger, up to the clause's end: a meeting's guests (`会见X`, always added
/// to the names before it), or a list after a copula when no one stands before the trigger
/// (`列席会议的公众代表分别为A、B、C`, `…有A、B`, `包括A`).
enum PersonsAfterTrigger: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]
    static let copulas = ScalarSet("为有是括".unicodeScalars)

    static func resolve(_ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
                        _ x: EventExtractor, _ state: EventExtractor.State) -> Resolution {
        let t = sc.tagged, s = sc.text, meet = c.kind == .meet
        guard c.picks.isEmpty || meet else { return .next }
        let after = c.range.upperBound..<x.clauseOrSentenceEnd(t, s, from: c.range.upperBound, meet: meet)
        let found = x.subjects(t, s, in: after)
        if let first = found.first, meet || s[c.range.upperBound..<first.range.lowerBound].contains(where: { copulas.contains($0) }) {
            c.add(found, by: .personsAfterTrigger)
        }
        return .next
    }
}
