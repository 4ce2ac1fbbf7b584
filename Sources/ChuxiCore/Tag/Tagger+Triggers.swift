/// Role triggers (`主持`, `出席`, `讲话`…) from roles.rules.
extension Tagger {
    /// Length of the role trigger at `i`, 0 if none: it starts a word (`作报告` in `工作报告`
    /// is none) and is no part of a noun (`座谈` in `座谈会`: roles.rules `noun-suffix`).
    func triggerLength(_ sc: Scan, at i: Int) -> Int {
        // Right after a tagged name a trigger may share an ICU word with the name's end (`热西提|出席` -> `提出|席`).
        let afterName = i > sc.a && sc.consumed[i - 1 - sc.a] && !sc.consumed[i - sc.a]
        var l = sc.isB(i) || afterName ? rules.triggerWords.match(sc.s, at: i, limit: sc.b) : 0
        while l > 0, !sc.isB(i + l), i + l < sc.b, rules.triggerNounSuffixes.contains(sc.s[i + l]) {
            l = rules.triggerWords.match(sc.s, at: i, limit: i + l - 1)
        }
        // `讲话精神`, `签约仪式`: a phrase that makes the trigger a noun.
        if l > 0, rules.triggerNounPhrases.match(sc.s, at: i, limit: sc.b) > l { return 0 }
        return l
    }

    func tagTriggers(_ sc: Scan) -> [TriggerMention] {
        var out: [TriggerMention] = []
        var i = sc.a
        while i < sc.b {
            let l = rules.triggerWords.mayStart(with: sc.s[i]) ? triggerLength(sc, at: i) : 0
            if l > 0, !sc.consumed[i - sc.a] {
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
