/// The speakers of a speech trigger (`讲话`, `致辞`, `作报告`); the first shape that applies wins.
enum SpeechSubjects: SubjectResolver {
    static let kinds: [Trigger.Kind] = [.speech]

    static func resolve(
        _ c: inout EventExtractor.TriggerContext, _ sc: inout EventExtractor.SentenceContext,
        _ x: EventExtractor, _ state: EventExtractor.State
    ) -> Resolution {
        // (`A传达了B在某会上的讲话`: roles.rules `relayed` before B in the clause; B's speech is
        // relayed, B is not there.)
        let found = speakers(c, sc, x).filter { !relayed($0, c, sc, x) }
        c.take(found, by: .speechSubjects)
        // `A等也在座谈会上发表讲话`: speaking at an event the clause names is attending it too.
        if !found.isEmpty, !c.roles.contains(.attend),
            x.placeEvent(
                before: c.mention, sc.tagged, sc.text, clause: x.clause(sc.tagged, sc.text, around: c.range.lowerBound))
                != nil
        {
            c.roles.append(.attend)
        }
        return .next
    }

    static func relayed(
        _ p: Subject, _ c: EventExtractor.TriggerContext, _ sc: EventExtractor.SentenceContext, _ x: EventExtractor
    ) -> Bool {
        let s = sc.text
        var k = p.range.lowerBound
        while k > sc.tagged.sentence.range.lowerBound, !EventExtractor.clausePunct.contains(s[k - 1]) {
            if x.rules.roleWords.relayed.matchEnding(s, at: k, floor: sc.tagged.sentence.range.lowerBound) > 0 {
                return true
            }
            k -= 1
        }
        return false
    }

    static func speakers(_ c: EventExtractor.TriggerContext, _ sc: EventExtractor.SentenceContext, _ x: EventExtractor)
        -> [Subject]
    {
        let s = sc.text, at = c.range.lowerBound, before = c.before, previous = sc.previousSubjects
        let lead = x.leadWord(s, before: at, floor: sc.segmentStart)
        // `主持会议并讲话`, `主持开幕会并作常委会工作报告`: the same persons as the verb before.
        let gap = s[sc.segmentStart..<at]
        let joined =
            !previous.isEmpty && gap.contains("并") && gap.count <= 20
            && before.isEmpty && !gap.contains { EventExtractor.clausePunct.contains($0) }
        if joined { return previous }
        if lead == "并" || lead == "并作" || lead == "并发表" { return previous.isEmpty ? before : previous }
        // `A，B分别讲话`: one speech each.
        if let p = before.last, x.respectively(s, p.range.upperBound, c.range) { return before }
        // `A、B等代表各界，先后在座谈会上发言`: a list closed by 等, then, past a clause, its turns.
        if let p = before.last, x.closedListTakesTurns(s, p.range.upperBound, c.range) {
            return x.titledList(sc.tagged, s, endingWith: p, in: before)
        }
        // `A、B和C就X、Y等发言`: a list whose topic runs up to the speech speaks as a whole.
        if let p = before.last, x.nameEnds(s, p.range.upperBound, at).contains(where: { x.topicThenSpeech(s, $0, at) })
        {
            return x.titledList(sc.tagged, s, endingWith: p, in: before)
        }
        // `X到会致辞`: a speech right after the trigger that brought X there.
        if before.isEmpty, !previous.isEmpty, sc.segmentStart == at { return previous }
        if before.isEmpty, let p = previous.last, x.adjacent(s, p.range.upperBound, at) { return [p] }
        if let p = before.last,
            x.nameEnds(s, p.range.upperBound, at).contains(where: { i in
                x.adjacent(s, i, at) || x.inSpeech(s, i, c.range) || x.madeSpeech(s, i, c.range)
            })
        {
            // `A，B致辞`: a list of titled names before a speech speaks one by one.
            return x.adjacent(s, p.range.upperBound, at) ? x.titledList(sc.tagged, s, endingWith: p, in: before) : [p]
        }
        return []
    }
}
