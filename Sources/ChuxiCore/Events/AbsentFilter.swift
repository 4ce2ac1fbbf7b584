/// Persons tied to a message were not there (roles.rules `absent`): `在贺信中指出`, `的视频致辞`
/// (from the subject's name to a speech or said trigger), `致电A、B，对…表示慰问` (from the start
/// of the subject's clause to a verb: the persons a message goes to). A meeting held by video
/// (`举行视频会晤`) is one its sides attend.
enum AbsentFilter: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.verb, .meet, .speech, .said]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let s = sc.text, at = c.range.lowerBound, words = c.kind == .speech || c.kind == .said, meet = c.kind == .meet
        c.picks.removeAll { p in
            let from =
                words
                ? p.subject.range.upperBound : x.clause(sc.tagged, s, around: p.subject.range.lowerBound).lowerBound
            // (`举行视频会晤`: a marker right before a meeting is how it was held, no message.)
            return (from..<max(from, at)).contains { k in
                let l = x.rules.roleWords.absentMarkers.match(s, at: k, limit: at)
                return l > 0 && !(meet && k + l == at)
            }
        }
        return .next
    }
}
