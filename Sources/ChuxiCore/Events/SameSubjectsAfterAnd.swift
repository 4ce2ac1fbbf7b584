/// `A主持会议并出席…`: a verb after `并` with no one before it has the subjects of the trigger before.
enum SameSubjectsAfterAnd: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        if c.picks.isEmpty, x.leadWord(sc.text, before: c.range.lowerBound, floor: sc.segmentStart) == "并" {
            c.take(sc.previousSubjects, by: .sameSubjectsAfterAnd)
        }
        return .next
    }
}
