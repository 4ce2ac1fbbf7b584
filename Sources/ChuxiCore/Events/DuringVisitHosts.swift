/// `考察中，县委书记A、县长B详细介绍了…`: a trigger opening its sentence as the time of what
/// follows; the hosts named in the rest of the sentence attend the visit told before (the
/// visitors already hold their own records). Without such hosts, or without a visit before,
/// the trigger gives no record.
enum DuringVisitHosts: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let t = sc.tagged, s = sc.text
        guard c.picks.isEmpty, let during = x.duringPrefix(t, s, c.mention) else { return .next }
        let named = Set(state.drafts.map { x.str(s, $0.attendee) })
        c.take(
            x.subjects(t, s, in: during..<t.sentence.range.upperBound).filter { !named.contains(x.str(s, $0.range)) },
            by: .duringVisitHosts)
        c.roles = [.attend]
        return c.picks.isEmpty || state.drafts.isEmpty ? .dropTrigger : .next
    }
}
