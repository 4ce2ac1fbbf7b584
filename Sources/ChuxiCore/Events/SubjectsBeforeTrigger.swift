/// The persons and organizations before a verb or meeting trigger in its segment, except those
/// who only say it (`X表示，…要共同营造…`: a trigger inside what X says is not X's act), asked
/// someone else to act (`受A委托`), plan it (`将于2月3日`), did it before (`曾两次接见`) or are
/// the object of an appointment told before it (`免去A同志…职务，…颁发任命书`); before a
/// verb, nor a person whose own clause ends before the next subject (`职工A怎么也没想到，书记B…来到她家`);
/// nor those whose homes the subjects go to (`A到困难群众B、C家中走访`), nor a person spoken
/// to, of or for (`A对B表示慰问`, `代表国家主席B出席…的A`).
enum SubjectsBeforeTrigger: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let s = sc.text, at = c.range.lowerBound
        // A plan (`A将于…访问，赴某地主持…，同B举行会谈`): this trigger and the rest of the
        // sentence tell what is to come, not attendance.
        // So does a plan word in the trigger's own clause when every subject stands before it
        // (`A…的，他还将出席…`).
        let clause = (sc.segmentStart..<at).last(where: { EventExtractor.clausePunct.contains(s[$0]) }).map { $0 + 1 }
        let plannedInClause =
            clause.map { cs in
                !c.before.isEmpty && c.before.allSatisfy { $0.range.upperBound < cs }
                    && x.planned(s, from: cs, to: at, persons: sc.tagged.persons, oneCharacterPast: false)
            } ?? false
        if plannedInClause
            || c.before.contains(where: { x.planned(s, from: $0.range.upperBound, to: at, persons: sc.tagged.persons) })
        {
            sc.planned = true
            return .dropTrigger
        }
        let before = c.before
        let visited = x.destinationObjects(s, before)
        c.take(
            before.indices.filter { k in
                let p = before[k]
                return !visited.contains(k) && !x.says(s, p.range.upperBound, before: at)
                    && !x.entrusting(s, p.range, sc.tagged)
                    && !(c.kind == .verb && x.objectOfPreposition(p, sc.tagged, s))
                    && !x.appointed(s, p.range, floor: sc.segmentStart)
                    && !(c.kind == .verb && k + 1 < before.count
                        && x.hasOwnClause(s, p.range, before: before[k + 1].range.lowerBound))
            }.map { before[$0] }, by: .subjectsBeforeTrigger)
        return .next
    }
}
