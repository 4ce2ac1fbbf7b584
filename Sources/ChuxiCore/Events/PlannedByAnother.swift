/// `开幕式拟由区长A主持`, `拟邀请A副市长出席`: a plan word (roles.rules `planned`) and a word
/// naming who is to act (roles.rules `planned-by`: 由, 邀请) right before the first subject's
/// titles: the trigger and the rest of its sentence tell a plan, not attendance. (The plan
/// words between a subject and its trigger are `SubjectsBeforeTrigger`'s.)
enum PlannedByAnother: SubjectResolver {
    static let kinds: [Trigger.Kind] = Trigger.Kind.allCases

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        guard let first = c.before.first else { return .next }
        let s = sc.text
        let start = sc.tagged.start(of: first.range)
        let by = x.rules.roleWords.plannedBy.matchEnding(s, at: start, floor: sc.segmentStart)
        guard by > 0, x.rules.roleWords.plannedMarkers.matchEnding(s, at: start - by, floor: sc.segmentStart) > 0
        else { return .next }
        sc.planned = true
        return .dropTrigger
    }
}
