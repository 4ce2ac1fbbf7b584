/// `向全体教师表示亲切慰问`, `致以诚挚的慰问`: a verb of expressing (roles.rules `expressed`) at
/// most ten characters before the trigger, in its clause, the trigger ending it or paired with
/// another noun: the (verb) trigger's word is what is expressed, a message, not an act; at a
/// gathering told before, it is said there. Runs first: nobody acts, whoever stands before it.
enum ExpressedNotDone: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb]
    static let reach = 10

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let s = sc.text, at = c.mention.range.lowerBound, after = c.mention.range.upperBound
        // What is expressed is a noun that ends its clause or a pair (`慰问和良好祝愿`); a
        // trigger with an object is an act told (`表示对能在某地会见A感到高兴`).
        guard
            after >= s.count || EventExtractor.clausePunct.contains(s[after]) || Punctuation.joiners.contains(s[after])
        else { return .next }
        let floor = max(sc.segmentStart, at - reach - 2)
        for end in stride(from: at, through: max(floor, at - reach), by: -1) {
            if end < at, EventExtractor.clausePunct.contains(s[end]) { break }
            if x.rules.roleWords.expressed.matchEnding(s, at: end, floor: floor) > 0 { return expressed(&c, state) }
        }
        return .next
    }

    /// At a gathering told before (`…举行团拜会。A…表示亲切慰问`), the word is said there: the
    /// subjects speak at it. Elsewhere (a letter, a telephone call) nobody acts.
    static func expressed(_ c: inout EventExtractor.TriggerContext, _ state: EventExtractor.State) -> Resolution {
        guard let g = state.gathering ?? state.event, !state.date.isEmpty else { return .dropTrigger }
        c.roles = [.speak]
        c.event = g
        return .next
    }
}
