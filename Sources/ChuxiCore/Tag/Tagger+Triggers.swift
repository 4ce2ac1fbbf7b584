/// Role triggers (`主持`, `出席`, `讲话`…) from roles.rules.
extension Tagger {
    /// Length of the role trigger at `i`, 0 if none: it starts a word (`作报告` in `工作报告`
    /// is none) and is no part of a noun (`座谈` in `座谈会`: roles.rules `noun-suffix`).
    func triggerLength(_ sc: Scan, at i: Int) -> Int {
        // Right after a tagged name a trigger may share an ICU word with the name's end (`热西提|出席` -> `提出|席`).
        let afterName = i > sc.a && sc.consumed[i - 1 - sc.a] && !sc.consumed[i - sc.a]
        var l = sc.isB(i) || afterName ? rules.triggerWords.match(sc.s, at: i, limit: sc.b) : 0
        // (Also where ICU gives the suffix a word of its own before a post: `陪同|团|团长`.)
        while l > 0, i + l < sc.b, rules.triggerNounSuffixes.contains(sc.s[i + l]),
            !sc.isB(i + l) || sc.isB(i + l + 1) && rules.posts.match(sc.s, at: i + l + 1, limit: sc.b) > 0
        {
            l = rules.triggerWords.match(sc.s, at: i, limit: i + l - 1)
        }
        // `讲话精神`, `签约仪式`: a phrase that makes the trigger a noun.
        if l > 0, rules.triggerNounPhrases.match(sc.s, at: i, limit: sc.b) > l { return 0 }
        if l > 0, beginsNoun(sc, trigger: i..<(i + l)) { return 0 }
        // `座谈|会` however ICU breaks it: a trigger that begins an event noun is that noun's.
        if l > 0, rules.events.nouns.match(sc.s, at: i, limit: sc.b) > l { return 0 }
        // `在座|谈会` (`在|座谈|会`): an event noun begins inside the trigger and runs past it, and
        // ICU joins the trigger's end to what follows: the noun's, no trigger.
        if l > 1, !sc.isB(i + l),
            (i + 1..<(i + l)).contains(where: { rules.events.nouns.match(sc.s, at: $0, limit: sc.b) > i + l - $0 })
        {
            return 0
        }
        return l
    }

    /// The role trigger whose word starts at `i` (matched up to `limit`), if any.
    func trigger(_ s: [Unicode.Scalar], startingAt i: Int, limit: Int) -> Trigger? {
        let l = rules.triggerWords.match(s, at: i, limit: limit)
        return l > 0 ? rules.triggers[String(scalars: s[i..<(i + l)])] : nil
    }

    /// A trigger that qualifies a noun, no role: one ICU word with the event noun after it
    /// (`颁奖仪式`), or a `meet` trigger opening a relative clause (`陪同的干部`, `会谈的议题`;
    /// roles.rules `relative`) that lists no attendees (`会见的有`: roles.rules `guest-list`).
    func beginsNoun(_ sc: Scan, trigger r: Range<Int>) -> Bool {
        let e = r.upperBound
        guard e < sc.b else { return false }
        if !sc.isB(e) {
            let n = rules.events.nouns.match(sc.s, at: e, limit: sc.b)
            if n > 0, sc.isB(e + n) { return true }
        }
        let w = String(scalars: sc.s[r])
        return rules.triggers[w]?.kind == .meet && rules.roleWords.relativeMarkers.contains(sc.s[e])
            && rules.roleWords.guestLists.match(sc.s, at: e, limit: sc.b) == 0
    }

    /// (A trigger inside a title in 《》 names a work, not an act: `《视察南方发表重要谈话》`;
    /// one that ends the title is the speech it names: `作了《关于…的报告》`.)
    func tagTriggers(_ sc: Scan) -> [TriggerMention] {
        var out: [TriggerMention] = []
        var i = sc.a, inTitle = false
        while i < sc.b {
            if sc.s[i] == "《" { inTitle = true } else if sc.s[i] == "》" { inTitle = false }
            let l = rules.triggerWords.mayStart(with: sc.s[i]) ? triggerLength(sc, at: i) : 0
            if l > 0, !sc.consumed[i - sc.a], !inTitle || i + l < sc.b && sc.s[i + l] == "》" {
                let w = String(scalars: sc.s[i..<(i + l)])
                out.append(TriggerMention(range: i..<(i + l), trigger: rules.triggers[w]!))
                i += l
            } else {
                i += 1
            }
        }
        return out
    }
}
