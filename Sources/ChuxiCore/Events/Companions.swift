/// `A在B陪同下，到X调研`: B accompanies (the trigger `陪同` before `下`, role attend); A, named
/// before `在`, waits for the trigger that follows (`AccompaniedSubject`).
enum Companions: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let s = sc.text
        guard c.range.upperBound < s.count, s[c.range.upperBound] == "下",
            let zai = (sc.segmentStart..<c.range.lowerBound).last(where: { s[$0] == "在" })
        else { return .next }
        c.accompanies = true
        // `在B陪同下，我们参观了…`: B showed the writer round; no one attended anything.
        var k = c.range.upperBound + 1
        while k < s.count, s[k] == "，" || s[k] == "," { k += 1 }
        let narrator = x.rules.roleWords.narrators.match(s, at: k, limit: s.count)
        if narrator > 0 {
            // (B is no subject of the writer's verbs either: `我们参观了`.)
            sc.waiting = []
            sc.segmentStart = k + narrator
            return .dropTrigger
        }
        sc.waiting = c.before.filter { $0.range.upperBound <= zai }
        c.take(c.before.filter { $0.range.lowerBound > zai }, by: .companions)
        return .next
    }
}
