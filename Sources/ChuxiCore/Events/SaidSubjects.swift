/// The speaker of a said trigger (`指出`, `强调`): the person just before it, or the last subject
/// of the trigger before when adjacent (`刘光明在主持会议时指出`: the chair's words).
/// `在会上指出`, `在会上表示` (one trigger): speaking at the meeting is attending it too. A date between the name and the
/// words is no gap (`A今天在会上指出`).
enum SaidSubjects: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.said]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        let s = sc.text, at = c.range.lowerBound
        // (`吴某代表区工委就…作出部署`: the body spoken for is not the speaker.)
        let before = c.before.filter { b in
            !(b.kind == .organization && b.range.lowerBound >= 2
                && s[(b.range.lowerBound - 2)..<b.range.lowerBound].elementsEqual(EventExtractor.onBehalf))
        }
        let speaker =
            before.last ?? sc.previousSubjects.last.flatMap { p in x.adjacent(s, p.range.upperBound, at) ? p : nil }
        // (`A向B通报`: B is spoken to, roles.rules `addressee`, counted from B's title:
        // `向国家主席钱明`; A speaks, or no one named does.)
        if let b = speaker,
            case let from = sc.tagged.start(of: b.range),
            from > 0, x.rules.roleWords.addressees.contains(s[from - 1])
        {
            if let a = before.last(where: { $0.range.upperBound < from && x.adjacent(s, $0.range.upperBound, from - 1) }
            ),
                a.kind == .person
            {
                c.take([a], by: .saidSubjects)
            }
            return .next
        }
        guard let p = speaker, p.kind == .person,
            x.nameEnds(s, p.range.upperBound, at).map({ sc.tagged.pastDate(at: $0) }).contains(where: { i in
                // (`A围绕“…”作报告`, `A就此指出`: a topic between the name and the words.)
                x.adjacent(s, i, at) || x.madeSpeech(s, i, c.range)
                    || at - i >= 4 && x.topicThenSpeech(s, i, at)
                    || c.roles.contains(.attend) && x.shortPlace(s, i, at)  // (`在中南海听取`: hearing is attending)
            })
        else { return .next }
        // (`A，B在中南海听取了汇报`: those who hear a report are a list; words are one speaker's.)
        c.take(
            c.roles.contains(.attend) ? x.titledList(sc.tagged, s, endingWith: p, in: before) : [p], by: .saidSubjects)
        let gap = String(scalars: s[sc.tagged.pastDate(at: p.range.upperBound)..<at])
        // (The place may open the trigger itself: roles.rules `在会上表示`.)
        let word = x.str(s, c.range)
        if gap.hasPrefix("在") && gap.hasSuffix("上") || word.hasPrefix("在") && word.contains("上") {
            c.roles.append(.attend)
        }
        return .next
    }
}
