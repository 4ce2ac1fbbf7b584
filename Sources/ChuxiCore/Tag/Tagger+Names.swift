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
           t.allSatisfy({ $0 == t.lowerBound || sc.isB($0) }) { return t }   // all single-character words
        return n
    }

    func nameAt(_ sc: Scan, _ i: Int, _ ctx: NameContext, surnameLength known: Int) -> Range<Int>? {
        let s = sc.s, b = sc.b
        let strong = ctx != .clauseStart
        var sl = known
        var name: Range<Int>
        // A foreign name joined by `·` (`安东尼奥·古特雷斯`) is read whole, whatever its first character.
        var dot = i
        while dot < b, isHan(s[dot]), dot - i < 8 { dot += 1 }
        if strong, dot < b, s[dot] == "·", dot + 1 < b, isHan(s[dot + 1]) { sl = 0 }
        if sl == 0 {
            guard strong, !rules.nameStops.contains(s[i]) else { return nil }
            // A foreign name (`马克龙`, `安东尼奥·古特雷斯`) or a rare surname: a short run of
            // Han characters that ends right at a delimiter, a trigger or a predicate.
            var j = i
            while j < b, isHan(s[j]) || (s[j] == "·" && j + 1 < b && isHan(s[j + 1])) { j += 1 }
            let hasDot = s[i..<j].contains("·")
            if hasDot, let lastDot = s[i..<j].lastIndex(of: "·") {
                // The part after the last dot ends before a trigger, predicate or stop (`…古特雷斯致辞`).
                // (`不`, `都`, `来` are stops in Chinese but common in transliterations: `阿不都热西提`.)
                // A predicate overlapping a trigger just after it is the name's end (`…热西提|出席`, not `提出`).
                var k = lastDot + 2
                while k < j, rules.triggerWords.match(s, at: k, limit: b) == 0,
                      rules.predicates.match(s, at: k, limit: b) == 0 || rules.triggerWords.match(s, at: k + 1, limit: b) > 0,
                      !rules.nameStops.contains(s[k]) || "不都来".unicodeScalars.contains(s[k]) { k += 1 }
                j = k
            }
            if !hasDot {
                var k = i
                while k < j && k - i < 6, !rules.nameStops.contains(s[k]) || k == i, rules.triggerWords.match(s, at: k, limit: b) == 0,
                      rules.predicates.match(s, at: k, limit: b) == 0 || k == i { k += 1 }
                j = k
            }
            // Without a known surname, only a name closed by punctuation, 等, a joiner, a trigger
            // or a predicate is believed; one of four to six characters (`嘎玛泽登`, `柯依舍巴耶夫`)
            // must read as a transliteration: ICU finds at most one dictionary word in it.
            let closed = j >= b || Self.delimiters.contains(s[j]) || Self.clausePunct.contains(s[j]) || s[j] == "等"
                || Self.listJoiners.contains(where: { s[j...].starts(with: $0) })
                || rules.triggerWords.match(s, at: j, limit: b) > 0 || rules.predicates.match(s, at: j, limit: b) > 0
                || triggerInClause(sc, after: j)   // `美国副总统拜登在洛杉矶共同会见…`
            guard (2...(hasDot ? 20 : 6)).contains(j - i), hasDot ? followsName(sc, j) : closed else { return nil }
            if !hasDot, j - i >= 4 {
                // At most one dictionary word, and only at the start (`热季|根|诺|夫`, not `层|履|职|清单`).
                var words = 0, w = i
                while w < j { let e = min(sc.tokenEnd(w), j); if e - w >= 2 { words += w == i ? 1 : 2 }; w = e }
                // Six characters: no dictionary word at all (`柯|依|舍|巴|耶|夫`, not `候选|人|李|检|华`).
                // (A run of transliteration characters may hold words by chance: `内塔|尼亚|胡`.)
                let foreign = s[i..<j].allSatisfy { rules.transliteration.contains($0) }
                guard foreign || words <= (j - i >= 6 ? 0 : 1), sc.isB(i), sc.isB(j) else { return nil }
            }
            // A two-character dictionary word (`分别`, `受邀`) is no name of an unknown surname.
            if !hasDot, j - i == 2, !sc.isB(i + 1), sc.isB(j) { return nil }
            if !hasDot, rules.nameStops.contains(s[j - 1]) { return nil }
            // A title and a word closing a quotation is a brand (`打造“院士智汇”品牌`).
            if !hasDot, j < b, s[j] == "”" { return nil }
            // An organization or a place is no name (`区人大` in `赵锋及区人大、政府各领导`, `佳木斯市`).
            if !hasDot, rules.orgSuffixes.matchEnding(s, at: j, floor: i + 1) > 0 || Self.placeEnds.contains(s[j - 1]) { return nil }
            name = i..<j
        } else {
            // After a title the surname may share an ICU word with the post's end (`主任|何` -> `任何`).
            guard sc.isB(i) || ctx == .afterTitle else { return nil }
            let g = i + sl
            guard g < b, isHan(s[g]) else { return nil }
            // Two given characters when the third scalar ends a word and is not a stop,
            // a post or part of a verb (`宋宗德等`, `沈金|龙`, `龙|婉丽`); else one (`翟磊主持`).
            var end: Int? = nil
            if g + 1 < b, isHan(s[g + 1]), sc.isB(g + 2), !rules.nameStops.contains(s[g + 1]),
               rules.posts.match(s, at: g + 1, limit: b) == 0,
               rules.triggerWords.match(s, at: g, limit: g + 2) == 0, rules.predicates.match(s, at: g, limit: g + 2) == 0,
               rules.posts.match(s, at: g, limit: g + 2) == 0,
               !(sl == 1 && !sc.isB(g) && !sc.isB(g + 1)) {   // one dictionary word of three (`高新区`)
                end = g + 2
            } else if strong, g + 2 < b, isHan(s[g + 1]), !rules.nameStops.contains(s[g + 1]), !sc.isB(g + 2),
                      Self.listJoiners.contains(where: { s[(g + 2)...].starts(with: $0) }), sc.isB(g + 1) || sc.isB(g),
                      rules.posts.match(s, at: g + 1, limit: b) == 0, rules.triggerWords.match(s, at: g, limit: g + 2) == 0 {
                // The last given character fused with a joiner after it (`习|近|平和|夫人`).
                end = g + 2
            } else if strong, g + 2 < b, isHan(s[g + 1]), Self.delimiters.contains(s[g + 2]) || Self.clausePunct.contains(s[g + 2]),
                      !"等们".unicodeScalars.contains(s[g + 1]), s[g + 2] == "、" || s[g + 2] == "，" || !"和与及".unicodeScalars.contains(s[g + 1]),
                      rules.posts.match(s, at: g + 1, limit: b) == 0, rules.predicates.match(s, at: g + 1, limit: g + 2) == 0 {
                // A name closed by punctuation in a list keeps a stop-like last character (`丁红都、`,
                // `孙铭和、`: no conjunction stands before 、); a one-character predicate there is
                // the name's verb (`主任王成说，`).
                end = g + 2
            } else if strong, g + 2 < b, rules.givenEnds.contains(s[g + 1]), rules.posts.match(s, at: g + 1, limit: b) == 0,
                      case let tl = rules.triggerWords.match(s, at: g + 2, limit: b), tl > 0,
                      let tr = rules.triggers[String(scalars: s[(g + 2)..<(g + 2 + tl)])],
                      tr.role != .inspect, tr.kind == .verb || tr.kind == .meet {
                // A stop-like last character that names end with (`张春来陪同`, `王建中主持`,
                // `石爱作主持`), before a verb; not before a visit (`张春来调研` is 张春 coming to
                // inspect) nor a speech (`王刚作报告`).
                end = g + 2
            } else if sc.isB(g + 1) {
                end = g + 1
            }
            guard let e = end else { return nil }
            // A surname that is also a stop character (`和`, `于`) before a dictionary word is
            // a conjunction or preposition (`领导和来宾`), not a name.
            if sl == 1, rules.nameStops.contains(s[i]), e == g + 2, sc.isB(g), !sc.isB(g + 1) { return nil }
            // A surname and one character forming a dictionary word (`高飞`, `金山`): only in strong context.
            if e == g + 1, !sc.isB(g), !strong { return nil }
            // A surname fused with the word before it (`主席台|前排`) is weak evidence: its given
            // name must not begin with a stop character.
            // So must one that forms a single word with its surname (`来到`, `于是`).
            if !strong || !sc.isB(i) || !sc.isB(g), rules.nameStops.contains(s[g]) { return nil }
            name = i..<e
        }
        // A state's name (`贝林|共和国`) is no person.
        if rules.stateWords.match(s, at: name.upperBound, limit: b) > 0 { return nil }
        // A name ends before a span already taken (a date: `李明二十三日` is 李明 on the 23rd).
        if let taken = name.dropFirst().first(where: { sc.consumed[$0 - sc.a] }) {
            guard taken - name.lowerBound >= 2 else { return nil }
            name = name.lowerBound..<taken
        }
        // The last given character that begins a word never ending a name (`刘洋|一行`) is not part of it.
        if name.count == 3, sl == 1, rules.notGiven.match(s, at: name.upperBound - 1, limit: b) >= 2 {
            name = name.lowerBound..<(name.upperBound - 1)
        }
        // A word that begins with a surname and ends in an organization's suffix (`管理|处`,
        // `交流|处` after `领事`): an office, not a name.
        if sl > 0, name.count == 3, !sc.isB(name.lowerBound + sl),
           rules.orgSuffixes.matchEnding(s, at: name.upperBound, floor: name.upperBound - 1) > 0 { return nil }
        // A place before its own post or organization (`杨集镇镇长王某`, `孟村镇人民政府`).
        if rules.orgSuffixes.matchEnding(s, at: name.upperBound, floor: name.lowerBound + 1) > 0 || Self.placeEnds.contains(s[name.upperBound - 1]),
           rules.posts.match(s, at: name.upperBound, limit: b) > 0 || !followsName(sc, name.upperBound) { return nil }
        // A surname that is also a conjunction or preposition (`和`, `于`) names a person only
        // when the name closes at a delimiter, a trigger, a predicate or `一行` (not `代表和商（协）会`).
        if rules.nameStops.contains(s[name.lowerBound]), name.upperBound < b {
            let c = s[name.upperBound]
            guard Self.delimiters.contains(c) || Self.clausePunct.contains(c) || rules.nameStops.contains(c)
                || rules.triggerWords.match(s, at: name.upperBound, limit: b) > 0
                || rules.predicates.match(s, at: name.upperBound, limit: b) > 0
                || rules.notGiven.match(s, at: name.upperBound, limit: b) > 0 else { return nil }   // `于法昌一行`
        }
        let word = Array(s[name])
        // A known non-name (`班子`) is none with a character after it either (`领导班子时`).
        if name.count == 3, sl > 0, rules.notNames.contains(word[..<2]) { return nil }
        if rules.notGiven.matchEnding(s, at: name.upperBound, floor: name.lowerBound + 1) > 0 { return nil }
        if rules.notNames.contains(word[...]) || rules.posts.contains(word[...]) || rules.triggerWords.contains(word[...]) { return nil }
        if name.count >= 2, rules.posts.match(s, at: name.lowerBound + 1, limit: b) >= 2 { return nil } // 王书记
        if name.dropFirst().contains(where: { !sc.consumed.indices.contains($0 - sc.a) || sc.consumed[$0 - sc.a] }) { return nil }
        return name
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
            if rules.orgSuffixes.matchEnding(s, at: e, floor: i + fl) > 0 { continue }   // a place (`大分市`)
            if followsName(sc, e) || rules.notGiven.match(s, at: e, limit: b) > 0,
               !s[(i + 1)..<e].indices.contains(where: { sc.consumed[$0 - sc.a] }) { return i..<e }
        }
        return nil
    }

    /// What may follow a name: a delimiter, a list joiner, a stop character, a trigger or a predicate.
    func followsName(_ sc: Scan, _ j: Int) -> Bool {
        if j >= sc.b { return true }
        let c = sc.s[j]
        return Self.delimiters.contains(c) || Self.clausePunct.contains(c) || rules.nameStops.contains(c) || c == "（" || Normalizer.isDigit(c)
            || rules.triggerWords.match(sc.s, at: j, limit: sc.b) > 0 || rules.predicates.match(sc.s, at: j, limit: sc.b) > 0
    }

    /// Adds, in sentences that hold a role trigger, the bare mentions of names the article
    /// gives elsewhere with a title (`国家主席习近平…` then `依次向习近平递交国书`).
    public func withKnownNames(_ tagged: [TaggedSentence], _ text: NormalizedText) -> [TaggedSentence] {
        let s = text.scalars
        var known: [[Unicode.Scalar]] = []
        for t in tagged { for p in t.persons where !p.titles.isEmpty && p.name.count >= 2 {
            let n = Array(s[p.name])
            if !known.contains(n) { known.append(n) }
        } }
        guard !known.isEmpty else { return tagged }
        let firsts = known.map { $0[0] }   // a few: an array, not an 8 KB bitmap per article
        return tagged.map { t in
            guard !t.triggers.isEmpty else { return t }
            let r = t.sentence.range
            var added: [PersonMention] = []
            var i = r.lowerBound
            while i < r.upperBound {
                guard firsts.contains(s[i]), let n = known.first(where: { i + $0.count <= r.upperBound && s[i..<(i + $0.count)].elementsEqual($0) }),
                      isBareName(s, i..<(i + n.count), in: r),
                      !t.persons.contains(where: { p in p.name.overlaps(i..<(i + n.count)) || p.titles.contains { $0.overlaps(i..<(i + n.count)) } }),
                      !t.orgs.contains(where: { $0.range.overlaps(i..<(i + n.count)) }),
                      !t.triggers.contains(where: { $0.range.overlaps(i..<(i + n.count)) }) else { i += 1; continue }
                added.append(PersonMention(name: i..<(i + n.count), titles: [], rule: "names.rules:known"))
                i += n.count
            }
            guard !added.isEmpty else { return t }
            return TaggedSentence(sentence: t.sentence, persons: (t.persons + added).sorted { $0.name.lowerBound < $1.name.lowerBound },
                                  orgs: t.orgs, dates: t.dates, triggers: t.triggers)
        }
    }

    /// A known name standing alone: nothing Han glued before it but a stop or 同, and after it
    /// a stop, trigger, predicate, post or `一行`.
    func isBareName(_ s: [Unicode.Scalar], _ n: Range<Int>, in r: Range<Int>) -> Bool {
        let i = n.lowerBound, e = n.upperBound
        guard i == r.lowerBound || !isHan(s[i - 1]) || rules.nameStops.contains(s[i - 1]) || s[i - 1] == "同" else { return false }
        if rules.stateWords.match(s, at: e, limit: r.upperBound) > 0 { return false }   // `贝林|共和国`
        return e == r.upperBound || !isHan(s[e]) || rules.nameStops.contains(s[e]) || rules.triggerWords.match(s, at: e, limit: r.upperBound) > 0
            || rules.predicates.match(s, at: e, limit: r.upperBound) > 0 || rules.notGiven.match(s, at: e, limit: r.upperBound) > 0
            || rules.posts.match(s, at: e, limit: r.upperBound) > 0
    }

    static let placeEnds = ScalarSet("市县区省州村镇乡街路巷".unicodeScalars)
}
