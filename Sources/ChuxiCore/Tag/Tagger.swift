/// Rule-based tagging of one sentence: dates, titles and the persons they introduce,
/// lists of names, clause-initial speakers, organizations and role triggers.
/// Works on scalars with ICU word boundaries as evidence (see `Sentence`).
public struct Tagger: Sendable {
    public let rules: RuleSet
    public init(rules: RuleSet) { self.rules = rules }

    static let clausePunct: ScalarSet = ["，", "。", "；", "：", "！", "？", "\n", "…"]
    static let delimiters: ScalarSet = ["，", "。", "；", "：", "！", "？", "、", " ", "“", "”", "‘", "’", "《", "》", "\n", "…", "—", "\"", "「", "」", "·", "/"]
    static let listJoiners = ["以及", "、", "和", "及", "与"].map { Array($0.unicodeScalars) }
    /// `习近平和夫人彭丽媛`: a spouse continues the list without the title.
    static let spouseJoiners = ["和夫人", "及夫人", "偕夫人", "与夫人"].map { Array($0.unicodeScalars) }

    /// Context in which a name is looked for: after a title or in a list the evidence is
    /// strong; at the start of a clause it must be confirmed by a predicate.
    enum NameContext { case afterTitle, list, clauseStart }

    struct Scan {
        let s: [Unicode.Scalar]
        let a: Int, b: Int
        let sentence: Sentence
        var consumed: [Bool]
        func isB(_ i: Int) -> Bool { sentence.boundary(i - a) }
        func tokenEnd(_ i: Int) -> Int { var j = i + 1; while j < b && !isB(j) { j += 1 }; return j }
    }

    /// Does this sentence hold any word a person, a trigger, an attending organization or a
    /// held event could hang on? If not, tagging it needs no word boundaries.
    public func needsWords(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        let first = rules.candidateFirst, candidates = rules.candidates
        return s.withUnsafeBufferPointer { p in
            for i in r where first.contains(p[i]) {
                if candidates.match(s, at: i, limit: r.upperBound) > 0 { return true }
            }
            return false
        }
    }

    public func tag(_ sentence: Sentence, in text: NormalizedText) -> TaggedSentence {
        // Only persons, organizations and triggers look at what is taken: a sentence without a
        // candidate word (most of them) is scanned for dates alone and needs no such array.
        var sc = Scan(s: text.scalars, a: sentence.range.lowerBound, b: sentence.range.upperBound, sentence: sentence,
                      consumed: sentence.mayHoldPersons ? [Bool](repeating: false, count: sentence.range.count) : [])
        let dates = tagDates(&sc)
        var persons: [PersonMention] = []
        // Every person and trigger hangs on a candidate word (`FastPathTests` compares this with a full pass).
        if sentence.mayHoldPersons {
            persons = tagTitledPersons(&sc)
            tagLists(&sc, &persons)
            tagClauseInitialNames(&sc, &persons)
            persons.sort { $0.name.lowerBound < $1.name.lowerBound }
        }
        // Attend-markers (`有关负责人`) are candidate words too: no organization attends elsewhere.
        let orgs = sentence.mayHoldPersons ? tagOrganizations(&sc, persons) : []
        let triggers = sentence.mayHoldPersons ? tagTriggers(sc) : []
        return TaggedSentence(sentence: sentence, persons: persons, orgs: orgs, dates: dates, triggers: triggers)
    }

    // MARK: names

    func isHan(_ c: Unicode.Scalar) -> Bool { Normalizer.isHan(c) }

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
                guard words <= (j - i >= 6 ? 0 : 1), sc.isB(i), sc.isB(j) else { return nil }
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
                      rules.posts.match(s, at: g + 1, limit: b) == 0 {
                // A name closed by punctuation in a list keeps a stop-like last character (`丁红都、`,
                // `孙铭和、`: no conjunction stands before 、).
                end = g + 2
            } else if strong, g + 2 < b, rules.givenEnds.contains(s[g + 1]), rules.posts.match(s, at: g + 1, limit: b) == 0,
                      case let tl = rules.triggerWords.match(s, at: g + 2, limit: b), tl > 0,
                      rules.triggers[String(scalars: s[(g + 2)..<(g + 2 + tl)])]?.role != .inspect {
                // A stop-like last character that names end with (`张春来陪同`, `王建中主持`), before
                // a role trigger; not before a visit (`张春来调研` is 张春 coming to inspect).
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
        // The last given character that begins a word never ending a name (`刘洋|一行`) is not part of it.
        if name.count == 3, sl == 1, rules.notGiven.match(s, at: name.upperBound - 1, limit: b) >= 2 {
            name = name.lowerBound..<(name.upperBound - 1)
        }
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

    /// Start of the title whose post starts at `p`: back over organization and modifier
    /// characters to a delimiter, a stop word or something already tagged.
    func titleStart(_ sc: Scan, postStart p: Int) -> Int {
        let s = sc.s
        var k = p
        while k > sc.a {
            let c = s[k - 1]
            if sc.consumed[k - 1 - sc.a] || (Self.delimiters.contains(c) && c != "·") || Self.clausePunct.contains(c) { break }
            if !isHan(c) && !WidthFolding.isASCIIAlnum(c) && c != "（" && c != "）" { break }
            // `（` … `）` inside a title (`党校（行政学院）`), never a bracket that closes a byline.
            if c == "）", !opens(sc, before: k - 1) { break }
            var stop = rules.titleStops.matchEnding(s, at: k, floor: sc.a)
            // A stop word inside a name that belongs to the title (`区人民代表大会常务委员会主任`).
            if stop > 0, ((k - stop - 6)...(k - stop)).contains(where: { j in
                j >= sc.a && rules.titleInside.match(s, at: j, limit: p) >= k - j }) { stop = 0 }
            if stop > 0 {
                // `和`/`与` inside an organization (`人力资源和社会保障局`): go on when an
                // organization suffix lies between it and the post.
                let w = String(scalars: s[(k - stop)..<k])
                let inOrg = (w == "和" || w == "与") && (k..<p).contains { rules.orgSuffixes.matchEnding(s, at: $0 + 1, floor: k) > 0 }
                if !inOrg { break }
            }
            k -= 1
            if p - k >= 24 { break }
        }
        return k
    }

    /// `国务委员兼外长` holds two titles: split at 兼 when a post ends right before it.
    func splitConcurrent(_ sc: Scan, _ t: Range<Int>) -> [Range<Int>] {
        guard let k = t.dropFirst().firstIndex(where: { sc.s[$0] == "兼" }), k + 1 < t.upperBound,
              rules.posts.matchEnding(sc.s, at: k, floor: t.lowerBound) > 0 else { return [t] }
        return [t.lowerBound..<k] + splitConcurrent(sc, (k + 1)..<t.upperBound)
    }

    /// Is the bracket closed at `i` opened within the same phrase (no delimiter between)?
    func opens(_ sc: Scan, before i: Int) -> Bool {
        var k = i - 1
        while k >= sc.a, i - k <= 12 {
            let c = sc.s[k]
            if c == "（" { return true }
            if Self.delimiters.contains(c) || Self.clausePunct.contains(c) { return false }
            k -= 1
        }
        return false
    }

    func mark(_ sc: inout Scan, _ r: Range<Int>) {
        guard !sc.consumed.isEmpty else { return }
        for i in r { sc.consumed[i - sc.a] = true }
    }

    /// Persons introduced by a title: `TITLE NAME`, with titles chained by `、` before it.
    func tagTitledPersons(_ sc: inout Scan) -> [PersonMention] {
        var out: [PersonMention] = []
        var e = sc.a + 1
        while e < sc.b {
            let pl = rules.posts.matchEnding(sc.s, at: e, floor: sc.a)
            // A post that begins a longer post is none (`主席` in `主席团成员`).
            guard pl > 0, !sc.consumed[e - 1 - sc.a], rules.posts.match(sc.s, at: e - pl, limit: sc.b) <= pl,
                  !postIsVerb(sc, postStart: e - pl), let name = nameAt(sc, e, .afterTitle) else { e += 1; continue }
            var ts = titleStart(sc, postStart: e - pl)
            var titles = splitConcurrent(sc, ts..<e)
            // Chained titles: `区委常委、常务副区长傅俊`.
            while ts - 1 > sc.a, sc.s[ts - 1] == "、" {
                let pl2 = rules.posts.matchEnding(sc.s, at: ts - 1, floor: sc.a)
                guard pl2 > 0, !sc.consumed[ts - 2 - sc.a] else { break }
                let ts2 = titleStart(sc, postStart: ts - 1 - pl2)
                titles.insert(contentsOf: splitConcurrent(sc, ts2..<(ts - 1)), at: 0)
                ts = ts2
            }
            for t in titles { mark(&sc, t) }
            mark(&sc, name)
            out.append(PersonMention(name: name, titles: titles, rule: "titles.rules:post"))
            e = name.upperBound + 1
        }
        return out
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
        let firsts = ScalarSet(known.map { $0[0] })
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
        return e == r.upperBound || !isHan(s[e]) || rules.nameStops.contains(s[e]) || rules.triggerWords.match(s, at: e, limit: r.upperBound) > 0
            || rules.predicates.match(s, at: e, limit: r.upperBound) > 0 || rules.notGiven.match(s, at: e, limit: r.upperBound) > 0
            || rules.posts.match(s, at: e, limit: r.upperBound) > 0
    }

    /// `王建国代表双方签约`, `A、B分别代表主办单位致辞`, `李玮同志代表镇政府作报告`: a post
    /// (`代表`) right after a name, 同志 or 分别/共同/各自 is a verb, and what follows it no name.
    func postIsVerb(_ sc: Scan, postStart p: Int) -> Bool {
        if p > sc.a, sc.consumed[p - 1 - sc.a] { return true }
        if Self.verbalizers.contains(where: { u in p - u.count >= sc.a && sc.s[(p - u.count)..<p].elementsEqual(u) }) { return true }
        // `推介会上，姜强代表佳木斯市…`: a bare name opening the clause (not yet tagged: clause-initial
        // names come later) before the post.
        guard sc.s[p...].starts(with: "代表".unicodeScalars) else { return false }   // the post that is also a verb
        for n in 2...3 where p - n >= sc.a && (p - n == sc.a || Self.clausePunct.contains(sc.s[p - n - 1])) {
            return sc.s[(p - n)..<p].allSatisfy(isHan) && rules.surnames.surnameLength(sc.s, at: p - n) > 0
                && rules.orgSuffixes.matchEnding(sc.s, at: p, floor: p - n) == 0
        }
        return false
    }
    static let placeEnds = ScalarSet("市县区省州村镇乡".unicodeScalars)
    static let verbalizers: [[Unicode.Scalar]] = ["分别", "共同", "各自", "同志"].map { Array($0.unicodeScalars) }

    /// Names that continue a list after a person: `副区长龙婉丽、姜坚、李震和张军` share the title.
    func tagLists(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        var k = 0
        while k < persons.count {
            var p = persons[k]
            var n = p.name.upperBound
            var added: [PersonMention] = []
            while n < sc.b {
                let spouse = Self.spouseJoiners.first(where: { u in n + u.count <= sc.b && sc.s[n...].starts(with: u) })
                var joiner = spouse ?? Self.listJoiners.first(where: { u in n + u.count <= sc.b && sc.s[n...].starts(with: u) })
                // `省领导A、B，C，D、E`: a list of two names or more goes on over a comma to a bare
                // name that itself ends at list punctuation.
                if joiner == nil, !added.isEmpty, sc.s[n] == "，", n + 1 < sc.b, let next = nameAt(sc, n + 1, .list),
                   next.upperBound >= sc.b || "、，。；".unicodeScalars.contains(sc.s[next.upperBound]) { joiner = [sc.s[n]] }
                guard let joiner else { break }
                let j = n + joiner.count
                if persons.contains(where: { $0.name.lowerBound == j }) { break }
                guard let name = nameAt(sc, j, .list), followsName(sc, name.upperBound) else { break }
                mark(&sc, name)
                let m = PersonMention(name: name, titles: spouse == nil ? p.titles : [], rule: "names.rules:list")
                added.append(m); p = m
                n = name.upperBound
            }
            persons.insert(contentsOf: added, at: k + 1)
            k += 1 + added.count
        }
    }

    /// Untitled names at the start of a clause, confirmed by what follows (`刘健要求`,
    /// `会议由李新华主持`, `于勇在讲话中强调`).
    func tagClauseInitialNames(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        var i = sc.a
        while i < sc.b {
            // Also after `向` (`向A、B等6位专家颁发`) and right after an organization
            // (`由省政府新闻办公室张某主持`): what follows must still confirm a person.
            let plain = i == sc.a || Self.clausePunct.contains(sc.s[i - 1]) || sc.s[i - 1] == "由" || sc.s[i - 1] == "”" || sc.s[i - 1] == " "
            let extended = !plain && (sc.s[i - 1] == "向"
                || (rules.orgLongSuffixLasts.contains(sc.s[i - 1]) && !rules.nameStops.contains(sc.s[i])
                    && rules.surnames.surnameLength(sc.s, at: i) > 0 && rules.orgSuffixes.matchEnding(sc.s, at: i, floor: max(sc.a, i - 3)) >= 2))
                && listOrTriggerAfterName(sc, i)
            if plain || extended, !sc.consumed[i - sc.a], let name = nameAt(sc, i, .clauseStart) {
                let j = name.upperBound
                // In those contexts only a list or a trigger right after the name is worth a trial.
                if extended, !(j < sc.b && (sc.s[j] == "、" || rules.triggerWords.match(sc.s, at: j, limit: sc.b) > 0)) { i += 1; continue }
                // A list of untitled names (`习近平、赵乐际、王沪宁等出席`) is confirmed by what follows its end.
                var tail = [PersonMention(name: name, titles: [], rule: "names.rules:predicate")]
                var trial = sc
                mark(&trial, name)
                tagLists(&trial, &tail)
                var end = tail.last!.name.upperBound
                var confirmed = false
                let counted = countWord(sc, at: end)   // `A、B、C 6位院士专家`
                if end < sc.b, sc.s[end] == "等" || (counted > 0 && tail.count >= 2) {
                    // `A、B等区领导出席`: a short group noun may stand between 等 and the trigger;
                    // `A、B等区四套班子领导，…参加`: a group of posts says they are persons.
                    end += sc.s[end] == "等" ? 1 : counted
                    var k = end
                    while k < sc.b, k - end <= 8, !confirmed {
                        confirmed = (k - end <= 6 && rules.triggerWords.match(sc.s, at: k, limit: sc.b) > 0)
                            || (tail.count >= 2 && rules.posts.matchEnding(sc.s, at: k, floor: end) > 0
                                && (k == sc.b || Self.clausePunct.contains(sc.s[k])))
                        if k < sc.b, !isHan(sc.s[k]) { break }
                        if !confirmed { k += 1 }
                    }
                }
                // `李玮同志代表…`: 同志 after the name.
                let afterComrade = sc.s[end...].starts(with: "同志".unicodeScalars) && tail.count == 1 ? end + 2 : end
                confirmed = confirmed || rules.predicates.match(sc.s, at: afterComrade, limit: sc.b) > 0 || rules.triggerWords.match(sc.s, at: afterComrade, limit: sc.b) > 0
                    || triggerInClause(sc, after: afterComrade)
                // `罗军部长发表了讲话`, `赵惠琴副区长首先致辞`: a post written after the name.
                let pl = rules.posts.match(sc.s, at: end, limit: sc.b)
                if !confirmed, pl > 0, tail.count == 1 {
                    let e2 = end + pl
                    confirmed = rules.predicates.match(sc.s, at: e2, limit: sc.b) > 0 || rules.triggerWords.match(sc.s, at: e2, limit: sc.b) > 0
                        || triggerInClause(sc, after: e2)
                }
                if confirmed {
                    sc = trial
                    persons += tail
                    i = end
                    continue
                }
            }
            i += 1
        }
    }

    /// `王南在主席台就座`, `李强在北京出席`, `于勇在座谈会上表示`: a place phrase with 在
    /// between a name and its trigger (or, after `上`/`中`, its predicate), within the clause.
    /// Is there a `、` or a trigger where a name of two to four characters from `i` would end?
    /// (A cheap test before trying a name in the wider clause-start contexts.)
    func listOrTriggerAfterName(_ sc: Scan, _ i: Int) -> Bool {
        for j in (i + 2)...(i + 4) where j < sc.b {
            if sc.s[j] == "、" || rules.triggerWords.match(sc.s, at: j, limit: sc.b) > 0 { return true }
        }
        return false
    }

    /// Length of a count of persons at `i` (`6位`, `三名`), or 0.
    func countWord(_ sc: Scan, at i: Int) -> Int {
        guard i < sc.b, let (_, e) = number(sc.s, i, sc.b), e < sc.b, sc.s[e] == "位" || sc.s[e] == "名" else { return 0 }
        return e + 1 - i
    }

    func triggerInClause(_ sc: Scan, after end: Int) -> Bool {
        guard end < sc.b else { return false }
        // `X又做了重点强调`, `X还作了讲话`: a speech made, after 也/还/又.
        if "也还又".unicodeScalars.contains(sc.s[end]), end + 1 < sc.b, sc.s[end + 1] == "作" || sc.s[end + 1] == "做" {
            var k = end + 2
            while k < sc.b, k - end <= 10, !Self.clausePunct.contains(sc.s[k]) {
                if triggerLength(sc, at: k) > 0 { return true }
                k += 1
            }
            return false
        }
        guard sc.s[end] == "在" else { return false }
        var k = end + 1
        while k < sc.b, k - end <= 16, !Self.clausePunct.contains(sc.s[k]) {
            if triggerLength(sc, at: k) > 0 { return true }
            if sc.s[k - 1] == "上" || sc.s[k - 1] == "中", rules.predicates.match(sc.s, at: k, limit: sc.b) > 0 || sc.s[k] == "作" { return true }
            k += 1
        }
        return false
    }

    // MARK: organizations

    /// Organizations that attend through their representatives: `A、B和C有关负责人出席`.
    func tagOrganizations(_ sc: inout Scan, _ persons: [PersonMention]) -> [OrgMention] {
        var out: [OrgMention] = []
        var m = sc.a
        while m < sc.b {
            let ml = rules.orgAttendMarkers.match(sc.s, at: m, limit: sc.b)
            guard ml > 0, m > sc.a else { m += 1; continue }
            // A marker followed by a name is a title (`必博人力负责人陈云海`), not a group.
            if persons.contains(where: { $0.name.lowerBound == m + ml }) { m += ml; continue }
            var end = m
            // `A、B等部门负责人`: the group noun after 等 is no organization.
            if let deng = (max(sc.a, m - 6)..<m).last(where: { sc.s[$0] == "等" }), deng > sc.a,
               !(deng..<m).contains(where: { sc.consumed[$0 - sc.a] || !isHan(sc.s[$0]) }) { end = deng }
            var found: [OrgMention] = []
            while end > sc.a {
                var st = end
                while st > sc.a, isHan(sc.s[st - 1]) || sc.s[st - 1] == "（" || sc.s[st - 1] == "）",
                      !sc.consumed[st - 1 - sc.a], !["和", "及", "与"].contains(sc.s[st - 1]) || end - st < 2 { st -= 1 }
                st += rules.orgLeads.match(sc.s, at: st, limit: end)
                let item = st..<end
                let generic = (st..<end).contains { rules.orgGeneric.match(sc.s, at: $0, limit: end) > 0 }
                if item.count >= 2, !generic,
                   rules.orgSuffixes.matchEnding(sc.s, at: end, floor: st) > 0 || rules.orgLexicon.contains(sc.s[item]) {
                    found.insert(OrgMention(range: item, attends: true, rule: "organizations.rules:attend-marker"), at: 0)
                }
                guard st > sc.a, ["、", "和", "及"].contains(sc.s[st - 1]) else { break }
                end = st - 1
            }
            for o in found { mark(&sc, o.range) }
            out += found
            m += ml
        }
        return out
    }

    /// Organizations named inside a title: `市人力资源和社会保障局` in `市人力资源和社会保障局副局长`.
    public func organization(inTitle t: Range<Int>, _ s: [Unicode.Scalar]) -> Range<Int>? {
        let pl = rules.posts.matchEnding(s, at: t.upperBound, floor: t.lowerBound)
        var e = t.upperBound - pl
        while e - t.lowerBound >= 2 {
            if rules.orgSuffixes.matchEnding(s, at: e, floor: t.lowerBound) > 0 { return t.lowerBound..<e }
            e -= 1
        }
        return nil
    }

    // MARK: triggers

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
            let l = triggerLength(sc, at: i)
            if l > 0, !sc.consumed[i - sc.a] {
                let w = String(scalars: sc.s[i..<(i + l)])
                out.append(TriggerMention(range: i..<(i + l), trigger: rules.triggers[w]!))
                i += l
            } else { i += 1 }
        }
        return out
    }

    // MARK: dates

    static let chineseDigits: [Unicode.Scalar: Int] = ["〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    static let numeralStart = ScalarSet("0123456789〇零一二两三四五六七八九十".unicodeScalars)

    /// A number at `i`: ASCII digits, or Chinese numerals (`十二`, `三十一`, `二〇二〇`).
    func number(_ s: [Unicode.Scalar], _ i: Int, _ b: Int) -> (value: Int, end: Int)? {
        var j = i, v = 0
        while j < b, Normalizer.isDigit(s[j]), j - i < 4 { v = v * 10 + Int(s[j].value - 48); j += 1 }
        if j > i { return (v, j) }
        // Chinese numerals: digit sequences (年份 二〇二〇) or tens (三十一).
        var digits: [Int] = [], sawTen = false, total = 0
        while j < b, j - i < 4 {
            if let d = Self.chineseDigits[s[j]] { digits.append(d) }
            else if s[j] == "十" {
                sawTen = true; total += (digits.last ?? 1) * 10; digits = []
            } else { break }
            j += 1
        }
        guard j > i else { return nil }
        if sawTen { return (total + (digits.last ?? 0), j) }
        return (digits.reduce(0) { $0 * 10 + $1 }, j)
    }

    func tagDates(_ sc: inout Scan) -> [DateMention] {
        let s = sc.s, b = sc.b
        var out: [DateMention] = []
        var i = sc.a
        while i < b {
            let wl = rules.dateWords.match(s, at: i, limit: b)
            if wl > 0 {
                let w = String(scalars: s[i..<(i + wl)])
                out.append(DateMention(range: i..<(i + wl), value: rules.relativeDays[w].map { .relative($0) } ?? .vague))
                i += wl; continue
            }
            if let d = dayOfMonth(s, i, sc.a, b) {
                out.append(DateMention(range: i..<d.end, value: .dayOfMonth(d.day)))
                mark(&sc, i..<d.end)
                i = d.end; continue
            }
            guard Self.numeralStart.contains(s[i]), i == sc.a || !Self.numeralStart.contains(s[i - 1]),
                  let d = parseDate(s, i, b) else { i += 1; continue }
            out.append(DateMention(range: i..<d.end, value: .absolute(d.value)))
            mark(&sc, i..<d.end)
            i = d.end
        }
        return out
    }

    static let afterDay = ["上午", "下午", "中午", "晚", "早", "凌晨", "在", "至", "，", "召开", "举行", "出席", "会见", "会谈", "开幕", "闭幕", "到", "赴", "前往", "来到", "同", "与", "分别", "主持", "率", "带队", "深入", "考察", "调研", "视察", "看望", "晚间", "起"].map { Array($0.unicodeScalars) }

    /// A day without a month (`习近平11日在…`): Arabic digits + 日, not after 月 or a
    /// number, and followed by a time of day, a comma or a verb, so that `3日内`, `30日前`
    /// are not read as dates.
    func dayOfMonth(_ s: [Unicode.Scalar], _ i: Int, _ a: Int, _ b: Int) -> (day: Int, end: Int)? {
        guard Normalizer.isDigit(s[i]), i == a || !(Self.numeralStart.contains(s[i - 1]) || s[i - 1] == "月" || s[i - 1] == "第" || s[i - 1] == "每") else { return nil }
        var j = i, v = 0
        while j < b, Normalizer.isDigit(s[j]), j - i < 2 { v = v * 10 + Int(s[j].value - 48); j += 1 }
        guard j < b, s[j] == "日", (1...31).contains(v), j + 1 < b else { return nil }
        guard Self.afterDay.contains(where: { s[(j + 1)...].starts(with: $0) }) || rules.triggerWords.match(s, at: j + 1, limit: b) > 0 else { return nil }
        return (v, j + 1)
    }

    /// `(Y年)? M月 D日 ((至|到|-|—) (M月)? D日)?`, in Arabic or Chinese numerals.
    func parseDate(_ s: [Unicode.Scalar], _ i: Int, _ b: Int) -> (value: DateValue, end: Int)? {
        var j = i
        var year: Int? = nil
        guard var n = number(s, j, b) else { return nil }
        if n.end < b, s[n.end] == "年" {
            guard n.value >= 1900 && n.value <= 2100 else { return nil }
            year = n.value; j = n.end + 1
            guard let m = number(s, j, b) else { return nil }
            n = m
        }
        guard n.end < b, s[n.end] == "月", (1...12).contains(n.value) else { return nil }
        let month = n.value
        j = n.end + 1
        guard let dn = number(s, j, b), dn.end < b, (1...31).contains(dn.value) else { return nil }
        // `7月28上午`: a day whose 日 was dropped before a time of day.
        let dropped = ["上午", "下午", "晚上", "中午"].contains { s[dn.end...].starts(with: $0.unicodeScalars) }
        // `4月22至24日`: a range whose first 日 is left to the second.
        let rangeFirst = ["至", "到", "-", "—", "~", "－"].contains(s[dn.end])
        guard s[dn.end] == "日" || s[dn.end] == "号" || dropped || rangeFirst else { return nil }
        var v = DateValue(year: year, month: month, day: dn.value)
        j = dropped || rangeFirst ? dn.end : dn.end + 1
        if j < b, ["至", "到", "-", "—", "~", "－"].contains(s[j]), let e1 = number(s, j + 1, b) {
            if e1.end < b, s[e1.end] == "日" || s[e1.end] == "号", (1...31).contains(e1.value), e1.value > v.day {
                v.end = (nil, month, e1.value); j = e1.end + 1
            } else if e1.end < b, s[e1.end] == "月", let e2 = number(s, e1.end + 1, b), e2.end < b, s[e2.end] == "日" || s[e2.end] == "号",
                      (1...12).contains(e1.value), (1...31).contains(e2.value) {
                v.end = (nil, e1.value, e2.value); j = e2.end + 1
            }
        }
        if rangeFirst && v.end == nil { return nil }
        return (v, j)
    }
}
