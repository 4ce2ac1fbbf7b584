/// Names: known and Japanese surnames, transliterations, what may follow a name, and names
/// the article already gave with a title.
extension Tagger {
    /// The name starting at `i`, if the rules and word boundaries allow one there.
    func nameAt(_ sc: Scan, _ i: Int, _ ctx: NameContext) -> Range<Int>? {
        let s = sc.s, b = sc.b
        guard i < b, isHan(s[i]), !sc.consumed[i - sc.a] else { return nil }
        let strong = ctx != .clauseStart
        if strong, let f = foreignNameAt(sc, i) { return f }
        let known = rules.surnames.surnameLength(s[..<b], at: i)
        // A known surname that yields no well-closed name may begin a transliteration
        // (`梅拉尼娅` after `和夫人`): read it again as one.
        guard known > 0 else { return strong ? nameAt(sc, i, ctx, surnameLength: 0) : nil }
        let n = nameAt(sc, i, ctx, surnameLength: known)
        if let n, !strong || followsName(sc, n.upperBound) { return n }
        if strong, let t = nameAt(sc, i, ctx, surnameLength: 0), t.count > (n?.count ?? 0),
            t.allSatisfy({ $0 == t.lowerBound || sc.isB($0) })
        {
            return t
        }  // all single-character words
        return n
    }

    /// The name starting at `i` with a surname of `known` characters (0: none known), as the
    /// rule name steps (`Tagger+RuleNameSteps.swift`) read it.
    func nameAt(_ sc: Scan, _ i: Int, _ ctx: NameContext, surnameLength known: Int) -> Range<Int>? {
        var steps = NameSteps()
        let name = ruleName(sc, i, ctx, surnameLength: known, &steps)
        if let log = sc.stepLog {
            log.trials.append(.init(start: i, context: "\(ctx)", surnameLength: known, name: name, steps: steps))
        }
        return name
    }

    /// The driver of the rule name steps: where the name ends (`ruleNameEnds`, or the run of
    /// an unknown surname), then `ruleNameVetoes` in order; `steps` says which steps decided.
    func ruleName(_ sc: Scan, _ i: Int, _ ctx: NameContext, surnameLength known: Int, _ steps: inout NameSteps)
        -> Range<Int>?
    {
        // A foreign name joined by `·` (`安东尼奥·古特雷斯`) is read whole, whatever its first character.
        let t = NameTrial(i: i, ctx: ctx, sl: dottedNameAt(sc, i, ctx) ? 0 : known)
        guard var name = t.sl == 0 ? unknownSurnameName(sc, t, &steps) : knownSurnameName(sc, t, &steps) else {
            return nil
        }
        for (id, step) in Self.ruleNameVetoes {
            switch step {
            case .veto(let applies):
                if applies(self, sc, t, name) { steps.veto = id; return nil }
            case .trim(let apply):
                guard let r = apply(self, sc, t, name) else { steps.veto = id; return nil }
                if r != name { steps.trims.append(id); name = r }
            }
        }
        return name
    }

    /// A name in Latin letters right after a post (`首席执行官John Smith`, `编剧CoreyMay`): words
    /// of letters, the later ones capitalized after a space, with a lowercase letter somewhere
    /// (`CEO`, `WCG2009` are none) and no digit or letter glued after it.
    func latinNameAt(_ sc: Scan, _ i: Int) -> Range<Int>? {
        let s = sc.s, b = sc.b
        func letter(_ k: Int) -> Bool { k < b && s[k].isASCII && s[k].properties.isAlphabetic }
        guard letter(i), s[i].properties.isUppercase else { return nil }
        var j = i
        while letter(j) { j += 1 }
        // `John Smith`: a space and a capitalized word go on with the name.
        while j + 1 < b, s[j] == " ", letter(j + 1), s[j + 1].properties.isUppercase {
            j += 1
            while letter(j) { j += 1 }
        }
        guard j - i >= 2, j - i <= 30, s[i..<j].contains(where: { $0.properties.isLowercase }),
            j == b || !(s[j].isASCII && (s[j].properties.isAlphabetic || s[j].properties.numericType != nil))
        else { return nil }
        return i..<j
    }

    /// Does a `·` follow a short run of Han characters from `i` (a dotted foreign name)?
    func dottedNameAt(_ sc: Scan, _ i: Int, _ ctx: NameContext) -> Bool {
        let s = sc.s, b = sc.b
        var dot = i
        while dot < b, isHan(s[dot]), dot - i < 8 { dot += 1 }
        return ctx != .clauseStart && dot < b && s[dot] == "·" && dot + 1 < b && isHan(s[dot + 1])
    }

    /// A name with a known surname: the first of `ruleNameEnds` that applies says where it
    /// ends, then `ruleNameEndVetoes`.
    func knownSurnameName(_ sc: Scan, _ t: NameTrial, _ steps: inout NameSteps) -> Range<Int>? {
        // After a title the surname may share an ICU word with the post's end (`主任|何` -> `任何`),
        // not with the whole post (`主席|台` -> `主席台`: the noun, no name).
        guard sc.isB(t.i) || t.ctx == .afterTitle && (sc.isB(t.i - 1) || t.i - 1 <= sc.a) else {
            steps.veto = "surname-inside-word"; return nil
        }
        guard t.g < sc.b, isHan(sc.s[t.g]) else { steps.veto = "no-given-name"; return nil }
        guard let end = Self.ruleNameEnds.first(where: { $0.applies(self, sc, t) }) else {
            steps.veto = "no-end"; return nil
        }
        steps.end = end.id
        let name = t.i..<(t.g + end.given)
        if let v = Self.ruleNameEndVetoes.first(where: { $0.applies(self, sc, t, name) }) {
            steps.veto = v.id; return nil
        }
        return name
    }

    /// A foreign name (`马克龙`, `安东尼奥·古特雷斯`) or a rare surname: a short run of Han
    /// characters that ends right at a delimiter, a trigger or a predicate.
    func unknownSurnameName(_ sc: Scan, _ t: NameTrial, _ steps: inout NameSteps) -> Range<Int>? {
        guard t.strong else { steps.veto = "unknown-surname-at-clause-start"; return nil }
        guard !rules.nameStops.contains(sc.s[t.i]) else { steps.veto = "stop-first"; return nil }
        let (j, dotted) = unknownSurnameEnd(sc, t.i)
        let name = t.i..<j
        if dotted {
            guard (2...20).contains(name.count), followsName(sc, j) else { steps.veto = "dotted-unclosed"; return nil }
            steps.end = "dotted"
            return name
        }
        steps.end = "unknown-surname-run"
        if let v = Self.unknownSurnameVetoes.first(where: { $0.applies(self, sc, name) }) {
            steps.veto = v.id; return nil
        }
        return name
    }

    /// Where the run of an unknown surname's name ends, and whether it holds a `·`.
    func unknownSurnameEnd(_ sc: Scan, _ i: Int) -> (end: Int, dotted: Bool) {
        let s = sc.s, b = sc.b
        var j = i
        while j < b, isHan(s[j]) || (s[j] == "·" && j + 1 < b && isHan(s[j + 1])) { j += 1 }
        guard let lastDot = s[i..<j].lastIndex(of: "·") else {
            var k = i
            while k < j && k - i < 6, !rules.nameStops.contains(s[k]) || k == i,
                rules.triggerWords.match(s, at: k, limit: b) == 0,
                rules.predicates.match(s, at: k, limit: b) == 0 || k == i
            { k += 1 }
            return (k, false)
        }
        // The part after the last dot ends before a trigger, predicate or stop (`…古特雷斯致辞`).
        // (`不`, `都`, `来` are stops in Chinese but common in transliterations: `阿不都热西提`.)
        // A predicate overlapping a trigger just after it is the name's end (`…热西提|出席`, not `提出`).
        // A date or time word ends it too (`…福诺斯|今天`, `…哈马迪|日前`).
        var k = lastDot + 2
        while k < j, rules.triggerWords.match(s, at: k, limit: b) == 0,
            rules.dates.dateWords.match(s, at: k, limit: b) == 0, rules.dates.timeWords.match(s, at: k, limit: b) < 2,
            rules.predicates.match(s, at: k, limit: b) == 0 || rules.triggerWords.match(s, at: k + 1, limit: b) > 0,
            !rules.nameStops.contains(s[k]) || "不都来".unicodeScalars.contains(s[k])
        { k += 1 }
        return (k, true)
    }

    /// Is the run of an unknown surname's name closed at `j`: by punctuation, 等, a joiner, a
    /// trigger or a predicate (or a trigger later in the clause: `美国副总统拜登在洛杉矶共同会见…`)?
    func closesRareName(_ sc: Scan, at j: Int) -> Bool {
        let s = sc.s, b = sc.b
        return j >= b || Self.delimiters.contains(s[j]) || Self.clausePunct.contains(s[j]) || s[j] == "等"
            || Self.listJoiners.contains(where: { s[j...].starts(with: $0) })
            || rules.triggerWords.match(s, at: j, limit: b) > 0 || rules.predicates.match(s, at: j, limit: b) > 0
            || triggerInClause(sc, after: j)
    }

    /// Does a run of four to six characters read as a transliteration? At most one dictionary
    /// word, and only at the start (`热季|根|诺|夫`, not `层|履|职|清单`); six characters: no
    /// dictionary word at all (`柯|依|舍|巴|耶|夫`, not `候选|人|李|检|华`). A run of
    /// transliteration characters may hold words by chance (`内塔|尼亚|胡`).
    func readsAsTransliteration(_ sc: Scan, _ r: Range<Int>) -> Bool {
        let i = r.lowerBound, j = r.upperBound
        var words = 0, w = i
        while w < j { let e = min(sc.tokenEnd(w), j); if e - w >= 2 { words += w == i ? 1 : 2 }; w = e }
        let foreign = sc.s[i..<j].allSatisfy { rules.transliteration.contains($0) }
        return (foreign || words <= (j - i >= 6 ? 0 : 1)) && sc.isB(i) && sc.isB(j)
    }

    /// A Japanese name (`佐藤树一郎率…`, `高岛宗一郎等`): a family name from the rules and the
    /// longest given name of one to three Han characters that something a name may end at follows.
    func foreignNameAt(_ sc: Scan, _ i: Int) -> Range<Int>? {
        let s = sc.s, b = sc.b
        let fl = rules.foreignSurnames.match(s, at: i, limit: b)
        guard fl > 0 else { return nil }
        for given in stride(from: 3, through: 1, by: -1) {
            let e = i + fl + given
            guard e <= b, s[(i + fl)..<e].allSatisfy(isHan) else { continue }
            if s[(i + fl)..<e].contains(where: { rules.nameStops.contains($0) }) { continue }
            if rules.orgSuffixes.matchEnding(s, at: e, floor: i + fl) > 0 { continue }  // a place (`大分市`)
            if followsName(sc, e) || rules.notGiven.match(s, at: e, limit: b) > 0,
                !s[(i + 1)..<e].indices.contains(where: { sc.consumed[$0 - sc.a] })
            {
                return i..<e
            }
        }
        return nil
    }

    /// What may follow a name: a delimiter, a list joiner, a stop character, a trigger or a predicate.
    func followsName(_ sc: Scan, _ j: Int) -> Bool {
        if j >= sc.b { return true }
        let c = sc.s[j]
        return Self.delimiters.contains(c) || Self.clausePunct.contains(c) || rules.nameStops.contains(c) || c == "（"
            || Normalizer.isDigit(c)
            || rules.triggerWords.match(sc.s, at: j, limit: sc.b) > 0
            || rules.predicates.match(sc.s, at: j, limit: sc.b) > 0
            || rules.dates.dateWords.match(sc.s, at: j, limit: sc.b) > 0  // `和夫人某某今晚…`
    }

    /// Adds, in sentences that hold a role trigger, the bare mentions of names the article
    /// gives elsewhere with a title (`国家主席钱正华…` then `依次向钱正华递交国书`).
    public func withKnownNames(_ tagged: [TaggedSentence], _ text: NormalizedText) -> [TaggedSentence] {
        let s = text.scalars
        var known: [[Unicode.Scalar]] = []
        for t in tagged {
            for p in t.persons where !p.titles.isEmpty && p.name.count >= 2 {
                let n = Array(s[p.name])
                if !known.contains(n) { known.append(n) }
            }
        }
        guard !known.isEmpty else { return tagged }
        let firsts = known.map { $0[0] }  // a few: an array, not an 8 KB bitmap per article
        return tagged.map { t in
            let t = withKnownLonger(t, s, known)
            guard !t.triggers.isEmpty else { return t }
            let r = t.sentence.range
            var added: [PersonMention] = []
            var i = r.lowerBound
            while i < r.upperBound {
                guard firsts.contains(s[i]),
                    let n = known.first(where: {
                        i + $0.count <= r.upperBound && s[i..<(i + $0.count)].elementsEqual($0)
                    }),
                    isBareName(s, i..<(i + n.count), in: r),
                    !t.persons.contains(where: { p in
                        p.name.overlaps(i..<(i + n.count)) || p.titles.contains { $0.overlaps(i..<(i + n.count)) }
                    }),
                    !t.orgs.contains(where: { $0.range.overlaps(i..<(i + n.count)) }),
                    !t.triggers.contains(where: { $0.range.overlaps(i..<(i + n.count)) })
                else { i += 1; continue }
                added.append(PersonMention(name: i..<(i + n.count), titles: [], rule: "names.rules:known"))
                i += n.count
            }
            guard !added.isEmpty else { return t }
            return TaggedSentence(
                sentence: t.sentence, persons: (t.persons + added).sorted { $0.name.lowerBound < $1.name.lowerBound },
                orgs: t.orgs, dates: t.dates, triggers: t.triggers, times: t.times)
        }
    }

    /// `江某所为两名同志颁发…` after `主任江某所`: a name that begins a longer name the article gave
    /// with a title, with nothing else tagged over the rest, is that name (the rules cut it at a
    /// stop: `所`).
    func withKnownLonger(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ known: [[Unicode.Scalar]]) -> TaggedSentence {
        var changed = false
        let persons = t.persons.map { p -> PersonMention in
            let i = p.name.lowerBound, r = t.sentence.range
            guard
                let n = known.first(where: {
                    $0.count > p.name.count && i + $0.count <= r.upperBound && s[i..<(i + $0.count)].elementsEqual($0)
                })
            else { return p }
            let rest = p.name.upperBound..<(i + n.count)
            guard !t.persons.contains(where: { $0.name.overlaps(rest) || $0.titles.contains { $0.overlaps(rest) } }),
                !t.orgs.contains(where: { $0.range.overlaps(rest) }),
                !t.triggers.contains(where: { $0.range.overlaps(rest) }),
                !t.dates.contains(where: { $0.range.overlaps(rest) })
            else { return p }
            changed = true
            return PersonMention(name: i..<(i + n.count), titles: p.titles, rule: p.rule + "+known-longer")
        }
        guard changed else { return t }
        return TaggedSentence(
            sentence: t.sentence, persons: persons, orgs: t.orgs, dates: t.dates, triggers: t.triggers, times: t.times)
    }

    /// A known name standing alone: nothing Han glued before it but a stop or 同, and after it
    /// a stop, trigger, predicate, post or `一行`.
    func isBareName(_ s: [Unicode.Scalar], _ n: Range<Int>, in r: Range<Int>) -> Bool {
        let i = n.lowerBound, e = n.upperBound
        guard i == r.lowerBound || !isHan(s[i - 1]) || rules.nameStops.contains(s[i - 1]) || s[i - 1] == "同" else {
            return false
        }
        if rules.stateWords.match(s, at: e, limit: r.upperBound) > 0 { return false }  // `贝林|共和国`
        return e == r.upperBound || !isHan(s[e]) || rules.nameStops.contains(s[e])
            || rules.triggerWords.match(s, at: e, limit: r.upperBound) > 0
            || rules.predicates.match(s, at: e, limit: r.upperBound) > 0
            || rules.notGiven.match(s, at: e, limit: r.upperBound) > 0
            || rules.posts.match(s, at: e, limit: r.upperBound) > 0
    }

    static let placeEnds = ScalarSet("市县区省州村镇乡街路巷".unicodeScalars)
}
