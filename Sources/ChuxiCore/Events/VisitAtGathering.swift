/// `晚会上，A、B来到群众中间`, `在茶话会上，A来到在座各界人士中间`: a visit verb in a sentence
/// that opens at a gathering is a move within it; its subjects attend the gathering (the event
/// name is the gathering's: `EventExtractor.gatheringOpening`), they visit nothing. So is a visit
/// to those present (`看望了在场的大学生`, events.rules `present`) after a gathering was told.
enum VisitAtGathering: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        if c.roles == [.inspect],
            x.gatheringOpening(sc.tagged, sc.text) != nil
                || state.gathering != nil
                    && x.visitsThosePresent(
                        c.mention, sc.text, clause: x.clause(sc.tagged, sc.text, around: c.range.lowerBound))
        {
            c.roles = [.attend]
        }
        return .next
    }
}
