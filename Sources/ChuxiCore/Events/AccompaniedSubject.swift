/// `A在B陪同下，到X调研`: A, left waiting by `Companions`, is the subject of the next verb that
/// finds none of its own.
enum AccompaniedSubject: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        if c.picks.isEmpty && !sc.waiting.isEmpty {
            c.take(sc.waiting, by: .accompaniedSubject)
            sc.waiting = []
        }
        return .next
    }
}
