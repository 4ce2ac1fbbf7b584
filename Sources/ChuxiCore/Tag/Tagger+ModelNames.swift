/// Names the name model reads (`NameModel`) where no rule put a person: untitled names in a
/// guest list, a name ICU holds as one dictionary word, a foreign name with no post. Runs
/// after the rule passes, so a name a title or a list introduced keeps the rules' span.
extension Tagger {
    /// The steps that veto a model name, in order; the first that applies wins. (`chuxi
    /// explain` lists the model's names beside the persons: a vetoed one shows as a model
    /// name with no person; the veto ids are not printed yet.)
    /// `everywhere`: the veto also keeps the name out of mentions.csv (it says the span is no
    /// name at all, not only no attendee).
    static let modelNameVetoes: [(id: String, everywhere: Bool, applies: (Tagger, Scan, Range<Int>) -> Bool)] = [
        // Something a rule already took (a title, a rule name, a list member).
        ("taken", false, { _, sc, r in r.contains { sc.consumed[$0 - sc.a] } }),
        // A role trigger inside the span (`张三出` of `张三出席`): the trigger wins.
        (
            "holds-trigger", true,
            { t, sc, r in r.contains { t.rules.triggerWords.match(sc.s, at: $0, limit: r.upperBound) > 0 } }
        ),
        // One character is no person's name (`江` alone is an abbreviation, not a name).
        ("single-character", false, { _, _, r in r.count < 2 }),
        // A name begins with no name stop that is neither a surname nor a transliteration
        // character (`部长级|嘉宾`: 级 ends words, it begins no name; `和某某`, `于某` may).
        (
            "begins-with-stop", true,
            { t, sc, r in
                let c = sc.s[r.lowerBound]
                return t.rules.nameStops.contains(c) && !t.rules.transliteration.contains(c)
                    && t.rules.surnames.surnameLength(sc.s, at: r.lowerBound) == 0
            }
        ),
        // A name the model reads only through its role transitions: on average each character's
        // chosen role weighs less than another (`吴某闯|警署`, margin below zero in `explain`).
        ("weak", true, { _, sc, r in sc.modelNames.contains { $0.range == r && $0.confidence < 0 } }),
        // ICU holds a dictionary word across the name's end (`彭浦四|季公园`: 四季) or start
        // (`健康惠民`: 健康), unless the word before is a post glued to a surname (`主任何`).
        (
            "crosses-word", false,
            { t, sc, r in
                guard t.clauseWasBroken(sc, r) else { return false }
                return !sc.isB(r.upperBound)
                    || (!sc.isB(r.lowerBound) && t.rules.posts.matchEnding(sc.s, at: r.lowerBound, floor: sc.a) == 0)
            }
        ),
        // An organization's name goes on after it (`欧莱雅（中国）有限公司`, `某某集团`).
        (
            "before-org-suffix", true,
            { t, sc, r in
                var j = r.upperBound
                if j < sc.b, sc.s[j] == "（", let close = sc.s[j..<sc.b].firstIndex(of: "）"), close - j <= 6 {
                    j = close + 1
                }
                return t.rules.orgSuffixes.match(sc.s, at: j, limit: sc.b) >= 2
                    || t.rules.stateWords.match(sc.s, at: r.upperBound, limit: sc.b) > 0
            }
        ),
        // A place named by the noun before it (`北部城市某某`, `首都某某`: names.rules `place-noun`).
        (
            "after-place-noun", true,
            { t, sc, r in t.rules.placeNouns.matchEnding(sc.s, at: r.lowerBound, floor: sc.a) > 0 }
        ),
        // A list of places (`岳阳、株洲、邵阳等地`): a 、-list that 等地 / 等市 … closes.
        ("place-list", true, { t, sc, r in t.closesAsPlaces(sc, after: r.upperBound) }),
        // A word that begins with a surname but is never a person (names.rules `not-name`: `张园`).
        (
            "not-name", true,
            { t, sc, r in t.rules.notNames.match(sc.s, at: r.lowerBound, limit: sc.b) >= min(r.count, 2) }
        )
    ]

    /// Does the 、-list that goes on after `i` end with a place list's closer (names.rules
    /// `place-list`: 等地, 等市 …)?
    func closesAsPlaces(_ sc: Scan, after i: Int) -> Bool {
        var j = i
        while j < sc.b, sc.s[j] == "、" || isHan(sc.s[j]) && sc.s[j] != "等" { j += 1 }
        let w = rules.placeLists.match(sc.s, at: j, limit: sc.b)
        guard w > 0 else { return false }
        // `A、B等区领导`, `A、B等市四套班子领导`: 区/市/县/省 opens the leaders' group, not places.
        var k = j + w
        while k < sc.b, k - j <= 8, isHan(sc.s[k]) {
            if sc.s[k...].starts(with: Self.leaders) { return false }
            k += 1
        }
        return true
    }
    static let leaders = Array("领导".unicodeScalars)

    /// The model's names that stand as names at all (for mentions.csv).
    func mentionable(_ sc: Scan) -> [NameModel.Found] {
        sc.modelNames.compactMap { n in
            guard n.kind == .person else { return n }
            var r = n.range.clamped(to: sc.a..<sc.b)
            for trim in Self.modelNameTrims { r = trim.apply(self, sc, r) }
            guard !r.isEmpty, !Self.modelNameVetoes.contains(where: { $0.everywhere && $0.applies(self, sc, r) }) else {
                return nil
            }
            return NameModel.Found(range: r, kind: n.kind, confidence: n.confidence)
        }
    }

    /// The model's person name starting at `i` (after a title the rules could not close a
    /// name for), as the vetoes and trims leave it.
    func modelName(_ sc: Scan, at i: Int) -> Range<Int>? {
        guard let n = sc.modelNames.first(where: { $0.kind == .person && $0.range.lowerBound == i }) else { return nil }
        return accepted(sc, n.range)
    }

    /// A model name as it stands in the sentence: trimmed (`modelNameTrims`), then vetoed.
    func accepted(_ sc: Scan, _ found: Range<Int>, ignoring skipped: String? = nil) -> Range<Int>? {
        var r = max(found.lowerBound, sc.a)..<min(found.upperBound, sc.b)
        for trim in Self.modelNameTrims { r = trim.apply(self, sc, r) }
        guard !r.isEmpty, !Self.modelNameVetoes.contains(where: { $0.id != skipped && $0.applies(self, sc, r) }) else {
            return nil
        }
        return r
    }

    /// Steps that shorten a model name, in order.
    static let modelNameTrims: [(id: String, apply: (Tagger, Scan, Range<Int>) -> Range<Int>)] = [
        // `马某·` before a line break, `·约翰`, `李某；`: a name neither begins nor ends with a dot,
        // a colon, a semicolon or a bracket (the dot joins the parts of a name). (Not `？`: in
        // some texts it stands for a character the encoding lost.)
        (
            "delimiter-at-edge",
            { _, sc, r in
                var r = r
                while !r.isEmpty, Self.notAtNameEdge.contains(sc.s[r.upperBound - 1]) {
                    r = r.lowerBound..<(r.upperBound - 1)
                }
                while !r.isEmpty, Self.notAtNameEdge.contains(sc.s[r.lowerBound]) {
                    r = (r.lowerBound + 1)..<r.upperBound
                }
                return r
            }
        ),
        // `崔老汉`: a surname and a word of address is the surname (`Tagger+AddressedSurnames`).
        ("address-after-surname", { t, sc, r in t.surnameOfAddressed(sc.s, r) }),
        // `张春来调研`: a name stop before a visit is the verb `来`, not the name's end
        // (names.rules `given-end` keeps it before other triggers: `张春来陪同`).
        (
            "stop-before-visit",
            { t, sc, r in
                guard r.count >= 3, t.rules.nameStops.contains(sc.s[r.upperBound - 1]) else { return r }
                guard let trig = t.trigger(sc.s, startingAt: r.upperBound, limit: sc.b),
                    trig.role == .inspect || !t.rules.givenEnds.contains(sc.s[r.upperBound - 1])
                else { return r }
                return r.lowerBound..<(r.upperBound - 1)
            }
        ),
        // `王某国务委员`, `孙某相继发言`, `郭某来我市调研`: a post, a distributive word (roles.rules)
        // or a word of coming that begins at the name's last character and goes on past it.
        (
            "word-from-last-character",
            { t, sc, r in
                guard r.count >= 3,
                    t.rules.posts.match(sc.s, at: r.upperBound - 1, limit: sc.b) >= 2
                        || t.rules.roleWords.distributives.match(sc.s, at: r.upperBound - 1, limit: sc.b) >= 2
                        || t.rules.comingWords.match(sc.s, at: r.upperBound - 1, limit: sc.b) >= 2
                else { return r }
                return r.lowerBound..<(r.upperBound - 1)
            }
        )
    ]

    static let notAtNameEdge: ScalarSet = ["·", "：", "；", "（", "）", "，", "。", "、"]

    /// Repairs of rule names where the rules and the model disagree in a known way, in order;
    /// each gives back the mention it leaves (the same where it does not apply) and is
    /// described where it is defined.
    static let ruleNameRepairs: [(id: String, apply: (Tagger, inout Scan, PersonMention) -> PersonMention)] = [
        ("title-in-dotted-name", { t, sc, p in t.titleInDottedName(sc, p) }),
        ("dotted-tail-the-model-cuts", { t, sc, p in t.dottedTailTheModelCuts(&sc, p) }),
        ("rank-after-name", { t, sc, p in t.rankAfterName(&sc, p) }),
        ("predicate-after-name", { t, sc, p in t.predicateAfterName(&sc, p) }),
        ("stop-the-model-keeps", { t, sc, p in t.stopTheModelKeeps(&sc, p) }),
        ("one-more-the-model-reads", { t, sc, p in t.oneMoreTheModelReads(&sc, p) }),
        ("surname-inside-unknown-run", { t, sc, p in t.surnameInsideUnknownRun(&sc, p) }),
        ("transliteration-the-model-reads", { t, sc, p in t.transliterationTheModelReads(&sc, p) }),
        ("longer-name-the-model-closes", { t, sc, p in t.longerNameTheModelCloses(&sc, p) })
    ]

    func repairRuleNames(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        for k in persons.indices where persons[k].rule != "names.model" {
            for repair in Self.ruleNameRepairs { persons[k] = repair.apply(self, &sc, persons[k]) }
        }
    }

    /// `…合作部长皮埃尔·某某`: the dotted name begins after the last post or 的 before the dot.
    func titleInDottedName(_ sc: Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s
        guard let dot = p.name.first(where: { s[$0] == "·" }) else { return p }
        var start = p.name.lowerBound
        for e in (p.name.lowerBound + 1)..<dot
        where rules.posts.matchEnding(s, at: e, floor: p.name.lowerBound) > 0 || s[e - 1] == "的" {
            start = e
        }
        guard start > p.name.lowerBound, dot - start >= 1 else { return p }
        var from = p.name.lowerBound
        if let de = (p.name.lowerBound..<start).last(where: { s[$0] == "的" }) { from = de + 1 }
        let title = from..<start
        return PersonMention(
            name: start..<p.name.upperBound,
            titles: p.titles + (title.isEmpty || s[start - 1] == "的" ? [] : [title]),
            rule: p.rule + "+title-in-dotted-name")
    }

    /// `卡洛斯·某某|结束`: a dotted name whose end the rules read past a verb (no trigger, no
    /// predicate) is the shorter name the model reads, when what it leaves out holds a
    /// character no transliteration uses.
    func dottedTailTheModelCuts(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s
        guard let lastDot = p.name.last(where: { s[$0] == "·" }),
            let m = sc.modelNames.first(where: {
                $0.kind == .person && $0.range.lowerBound == p.name.lowerBound
                    && $0.range.upperBound >= lastDot + 3 && $0.range.upperBound < p.name.upperBound
            }),
            (m.range.upperBound..<p.name.upperBound).contains(where: { !rules.transliteration.contains(s[$0]) })
        else { return p }
        for k in m.range.upperBound..<p.name.upperBound { sc.consumed[k - sc.a] = false }
        return PersonMention(name: m.range, titles: p.titles, rule: p.rule + "+dotted-tail-the-model-cuts")
    }

    /// `曹某川上将`: the character before a rank belongs to the name when the model reads it so,
    /// or the name has two characters (`曹某川中将` is no `曹某` with a rank `川中将`).
    func rankAfterName(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s, e = p.name.upperBound
        guard e + 1 < sc.b, isHan(s[e]), !sc.consumed[e - sc.a] || p.name.contains(e), !rules.nameStops.contains(s[e]),
            rules.ranks.match(s, at: e + 1, limit: sc.b) > 0,
            p.name.count == 2
                || sc.modelNames.contains(where: { $0.kind == .person && $0.range == p.name.lowerBound..<(e + 1) })
        else { return p }
        let q = PersonMention(name: p.name.lowerBound..<(e + 1), titles: p.titles, rule: p.rule + "+rank-after-name")
        mark(&sc, q.name)
        return q
    }

    /// `李某发|来了` for `李某|发来了`: a three-character name whose last character begins a
    /// predicate, trigger or distributive word (`相继`) of two or more is the two the model reads, when it reads them so;
    /// whatever the model reads, when that character begins a trigger of three or more (`赵某致|欢迎辞`).
    func predicateAfterName(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s, e = p.name.upperBound
        guard p.name.count == 3 else { return p }
        let trigger = rules.triggerWords.match(s, at: e - 1, limit: sc.b)
        guard
            trigger >= 3
                || (rules.predicates.match(s, at: e - 1, limit: sc.b) >= 2 || trigger >= 2
                    || rules.roleWords.distributives.match(s, at: e - 1, limit: sc.b) >= 2)
                    && sc.modelNames.contains(where: { $0.kind == .person && $0.range == p.name.lowerBound..<(e - 1) })
        else { return p }
        sc.consumed[e - 1 - sc.a] = false
        return PersonMention(
            name: p.name.lowerBound..<(e - 1), titles: p.titles, rule: p.rule + "+predicate-after-name")
    }

    /// `金大|中`: a `given-end` stop the rules cut off that the model reads as the name's end,
    /// unless it is the verb of a visit (`张春来调研`) or of coming (`郭某来我市`: names.rules `coming`).
    func stopTheModelKeeps(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s, e = p.name.upperBound
        guard e < sc.b, p.name.count == 2, rules.givenEnds.contains(s[e]), !sc.consumed[e - sc.a],
            rules.comingWords.match(s, at: e, limit: sc.b) == 0,
            let m = sc.modelNames.first(where: { $0.kind == .person && $0.range == p.name.lowerBound..<(e + 1) }),
            accepted(sc, m.range, ignoring: "taken") == m.range
        else { return p }
        let q = PersonMention(name: m.range, titles: p.titles, rule: p.rule + "+stop-the-model-keeps")
        mark(&sc, q.name)
        return q
    }

    /// Stops that end a noun of place before them (`门前`, `会上`), no name.
    static let locatives: ScalarSet = ["前", "后", "上", "下", "中", "里", "内", "外"]

    /// `校长鞠某新|作报告`: a two-character name after a title that the model reads one character
    /// longer, up to a name stop (`作`), is the model's (ICU's `新作` made the rules stop early).
    func oneMoreTheModelReads(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s, e = p.name.upperBound
        guard !p.titles.isEmpty, p.name.count == 2, e + 1 < sc.b, !rules.nameStops.contains(s[e]),
            !sc.consumed[e - sc.a], rules.nameStops.contains(s[e + 1]), !Self.locatives.contains(s[e + 1]),
            // (`林某陪同`, `孙某先后`: the character begins a trigger or a distributive word.)
            rules.triggerWords.match(s, at: e, limit: sc.b) == 0,
            rules.roleWords.distributives.match(s, at: e, limit: sc.b) == 0,
            rules.predicates.match(s, at: e, limit: sc.b) == 0,
            rules.surnames.surnameLength(s[..<e], at: p.name.lowerBound) == 1,
            let m = sc.modelNames.first(where: { $0.kind == .person && $0.range == p.name.lowerBound..<(e + 1) }),
            // (Not `taken`: the rules' name is there; not `crosses-word`: `新作` is why they stopped.)
            !Self.modelNameVetoes.contains(where: {
                $0.id != "taken" && $0.id != "crosses-word" && $0.applies(self, sc, m.range)
            })
        else { return p }
        let q = PersonMention(name: m.range, titles: p.titles, rule: p.rule + "+one-more-the-model-reads")
        mark(&sc, q.name)
        return q
    }

    /// `省领导有|孙某`: a rule name of no known surname (a foreign-name run) whose tail the model
    /// reads as a name with a known surname is that name; what comes before it is no name.
    func surnameInsideUnknownRun(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s, i = p.name.lowerBound
        // (`领导和谢某、滕某`: a conjunction that is also a rare surname, before the name the model reads.)
        let conjunction = Punctuation.conjunctions.contains(s[i])
        guard p.name.count >= 3, conjunction || rules.surnames.surnameLength(s[..<p.name.upperBound], at: i) == 0,
            rules.foreignSurnames.match(s, at: i, limit: p.name.upperBound) == 0,  // `后藤田某某`
            !p.name.contains(where: { s[$0] == "·" }),
            let m = sc.modelNames.first(where: {
                $0.kind == .person && $0.range.upperBound == p.name.upperBound && $0.range.lowerBound > i
                    && (!conjunction || $0.range.lowerBound == i + 1) && $0.range.count >= 2
                    && rules.surnames.surnameLength(s[..<p.name.upperBound], at: $0.range.lowerBound) > 0
            })
        else { return p }
        for k in i..<m.range.lowerBound { sc.consumed[k - sc.a] = false }
        return PersonMention(name: m.range, titles: p.titles, rule: p.rule + "+surname-inside-unknown-run")
    }

    /// `穆巴拉|克`: a foreign name the rules cut after three characters that the model reads
    /// whole, all transliteration characters.
    func transliterationTheModelReads(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s
        guard p.name.count >= 3,
            let m = sc.modelNames.first(where: {
                $0.kind == .person && $0.range.lowerBound == p.name.lowerBound
                    && $0.range.upperBound > p.name.upperBound && $0.range.upperBound <= sc.b
            }),
            m.range.allSatisfy({ rules.transliteration.contains(s[$0]) }),
            !(p.name.upperBound..<m.range.upperBound).contains(where: { sc.consumed[$0 - sc.a] }),
            accepted(sc, m.range, ignoring: "taken") == m.range
        else { return p }
        let q = PersonMention(name: m.range, titles: p.titles, rule: p.rule + "+transliteration-the-model-reads")
        mark(&sc, q.name)
        return q
    }

    /// `部长谢尔久|科夫此前…`: a rule name that nothing a name may end at follows is the longer
    /// name the model reads (one to three more characters, no stop among them), when
    /// something a name may end at follows that one.
    func longerNameTheModelCloses(_ sc: inout Scan, _ p: PersonMention) -> PersonMention {
        let s = sc.s, e = p.name.upperBound
        guard e < sc.b, isHan(s[e]), !followsName(sc, e),
            let m = sc.modelNames.first(where: {
                $0.kind == .person && $0.range.lowerBound == p.name.lowerBound && $0.range.upperBound > e
                    && $0.range.upperBound - e <= 3
            }),
            !(e..<m.range.upperBound).contains(where: { sc.consumed[$0 - sc.a] || rules.nameStops.contains(s[$0]) }),
            followsName(sc, m.range.upperBound), accepted(sc, m.range, ignoring: "taken") == m.range
        else { return p }
        let q = PersonMention(name: m.range, titles: p.titles, rule: p.rule + "+longer-name-the-model-closes")
        mark(&sc, q.name)
        return q
    }

    /// `，焦|占锋，`: a two-character model name right after a known one-character surname that
    /// opens the list item (a delimiter or the sentence's start before it) is the three-character
    /// name (the model took the surname for the item's edge).
    func surnameBeforeModelName(_ sc: Scan, _ r: Range<Int>) -> Range<Int> {
        let i = r.lowerBound - 1, s = sc.s
        // (Not `》和|金某《`: the conjunction, though 和 is a surname too.)
        guard r.count == 2, i >= sc.a, !sc.consumed[i - sc.a], !Self.listJoiners.contains([s[i]]),
            rules.surnames.surnameLength(s[..<r.upperBound], at: i) == 1,
            i == sc.a || Self.delimiters.contains(s[i - 1]) || Self.clausePunct.contains(s[i - 1]),
            r.upperBound >= sc.b || Self.delimiters.contains(s[r.upperBound])
                || Self.clausePunct.contains(s[r.upperBound])
        else { return r }
        return i..<r.upperBound
    }

    /// Below this lean (hundredths) the model contradicts a rule name with no known surname.
    static let rareNameLean = -600
    /// Below this lean the model contradicts a two-character rule name with no known surname
    /// that is no transliteration either (`领导|驱车`): such a pair is more often a word ICU split.
    static let rareWordLean = -300
    /// Below this lean the model contradicts a two-character rule name that has a surname.
    static let wordNotNameLean = -1000

    /// A rule name that holds a trigger is dropped (see below). A rule name that begins with no known surname (a transliteration, a rare surname, or a
    /// word after a post: `领导同志有`) stands only where the name model reads a person too.
    /// Runs before `tagModelNames`, which may then put the model's name there.
    func confirmRareNames(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        guard !rules.nameModel.isEmpty else { return }
        let s = sc.s, names = sc.modelNames, model = sc.model
        persons.removeAll { p in
            let i = p.name.lowerBound
            // A rule name that holds a role trigger of two characters or more (`时强调` after
            // the post `代表`) is the trigger, not a name.
            if p.rule != "names.model",
                (i + 1..<p.name.upperBound).contains(where: { k in
                    rules.triggerWords.match(s, at: k, limit: p.name.upperBound) >= 2
                })
            {
                for k in p.name where !p.titles.contains(where: { $0.contains(k) }) { sc.consumed[k - sc.a] = false }
                return true
            }
            // A two-character word after a post that begins with a surname (`干部|管理`, `党员`)
            // stands only where the model does not read it as clearly no name.
            let lean = model?.personLean(p.name) ?? 0
            if p.rule != "names.model", p.name.count == 2,
                !names.contains(where: { $0.kind == .person && $0.range.overlaps(p.name) }),
                lean < Self.wordNotNameLean
            {
                for k in p.name where !p.titles.contains(where: { $0.contains(k) }) { sc.consumed[k - sc.a] = false }
                return true
            }
            // (A name in Latin letters is no Chinese name the model could read: `总监John Smith`.)
            guard !s[i].isASCII, rules.surnames.surnameLength(s[..<p.name.upperBound], at: i) == 0,
                rules.foreignSurnames.match(s, at: i, limit: p.name.upperBound) == 0,
                !names.contains(where: { $0.kind == .person && $0.range.overlaps(p.name) }),
                // (A run of transliteration characters is a foreign name whatever the model reads: `内塔尼亚胡`.)
                !(p.name.count >= 3 && p.name.allSatisfy { rules.transliteration.contains(s[$0]) }),
                lean
                    < (p.name.count == 2 && !p.name.allSatisfy { rules.transliteration.contains(s[$0]) }
                        ? Self.rareWordLean : Self.rareNameLean)
            else { return false }
            for k in p.name where !p.titles.contains(where: { $0.contains(k) }) { sc.consumed[k - sc.a] = false }
            return true
        }
    }

    func tagModelNames(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        for n in sc.modelNames where n.kind == .person {
            guard let r = accepted(sc, surnameBeforeModelName(sc, n.range)) ?? accepted(sc, n.range) else { continue }
            persons.append(PersonMention(name: r, titles: [], rule: "names.model"))
            mark(&sc, r)
        }
    }
}
