/// Titles: a post and the organization and modifiers before it, and the persons it introduces.
extension Tagger {
    /// Start of the title whose post starts at `p`: back over organization and modifier
    /// characters to a delimiter, a stop word or something already tagged.
    func titleStart(_ sc: Scan, postStart p: Int) -> Int {
        let s = sc.s
        var k = p
        while k > sc.a {
            let c = s[k - 1]
            if sc.consumed[k - 1 - sc.a] || (Self.delimiters.contains(c) && c != "·") || Self.clausePunct.contains(c) {
                break
            }
            if !isHan(c) && !WidthFolding.isASCIIAlnum(c) && c != "（" && c != "）" { break }
            // `（` … `）` inside a title (`党校（行政学院）`), never a bracket that closes a byline.
            if c == "）", !opens(sc, before: k - 1) { break }
            // Never over a dateline or a byline (`…9日电`, `本报讯`, `电（记者某某）`) or a
            // headline's note (`（附图片1张）`): the title begins after them.
            if c == "电" || c == "讯", k - 2 >= sc.a,
                "日报".unicodeScalars.contains(s[k - 2]) || WidthFolding.isASCIIAlnum(s[k - 2])
            {
                break
            }
            if c == "）", let open = s[sc.a..<(k - 1)].lastIndex(of: "（"),
                Self.bylineMarks.contains(where: { m in s[open..<k].firstRange(of: m) != nil })
            {
                break
            }
            var stop = rules.titleStops.matchEnding(s, at: k, floor: sc.a)
            // A stop word inside a name that belongs to the title (`区人民代表大会常务委员会主任`).
            if stop > 0,
                ((k - stop - 6)...(k - stop)).contains(where: { j in
                    j >= sc.a && rules.titleInside.match(s, at: j, limit: p) >= k - j
                })
            {
                stop = 0
            }
            if stop > 0 {
                // `和`/`与` inside an organization (`人力资源和社会保障局`): go on when an
                // organization suffix lies between it and the post, and no person ends right
                // before it (`钱某和国务院总理李某`: the title begins after 和).
                let w = String(scalars: s[(k - stop)..<k]), before = k - stop
                // (Nor after a distributive: `某某先后与|某公司总经理`.)
                let inOrg =
                    (w == "和" || w == "与")
                    && !sc.modelNames.contains { $0.kind == .person && $0.range.upperBound == before }
                    && rules.roleWords.distributives.matchEnding(s, at: before, floor: sc.a) == 0
                    && (k..<p).contains { rules.orgSuffixes.matchEnding(s, at: $0 + 1, floor: k) > 0 }
                if !inOrg { break }
            }
            k -= 1
            if p - k >= 24 { break }
        }
        // A 和/与 kept for an organization that then ends the reach is none of it (`某某与|外交部副部长`).
        while k < p, s[k] == "和" || s[k] == "与" { k += 1 }
        return k
    }

    static let bylineMarks: [[Unicode.Scalar]] = ["记者", "附图", "摄", "通讯员"].map { Array($0.unicodeScalars) }

    /// `国务委员兼外长` holds two titles: split at 兼 when a post ends right before it.
    func splitConcurrent(_ sc: Scan, _ t: Range<Int>) -> [Range<Int>] {
        guard let k = t.dropFirst().firstIndex(where: { sc.s[$0] == "兼" }), k + 1 < t.upperBound,
            rules.posts.matchEnding(sc.s, at: k, floor: t.lowerBound) > 0
        else { return [t] }
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

    /// Persons introduced by a title: `TITLE NAME`, with titles chained by `、` before it.
    func tagTitledPersons(_ sc: inout Scan) -> [PersonMention] {
        var out: [PersonMention] = []
        var e = sc.a + 1
        while e < sc.b {
            let pl = rules.posts.matchEnding(sc.s, at: e, floor: sc.a)
            // `总理夫人某某`: the person after the kin word is the relative, who holds no post;
            // the name is read after it and the post is no title of hers.
            if pl > 0, case let kin = rules.kinWords.match(sc.s, at: e, limit: sc.b), kin > 0,
                !sc.consumed[e - 1 - sc.a],
                let name = nameAt(sc, e + kin, .afterTitle) ?? modelName(sc, at: e + kin)
            {
                mark(&sc, name)
                out.append(PersonMention(name: name, titles: [], rule: "names.rules:kin"))
                e = name.upperBound + 1
                continue
            }
            // A post that begins a longer post is none (`主席` in `主席团成员`).
            guard pl > 0, !sc.consumed[e - 1 - sc.a], rules.posts.match(sc.s, at: e - pl, limit: sc.b) <= pl,
                !postIsVerb(sc, postStart: e - pl),
                let name = nameAt(sc, e, .afterTitle) ?? modelName(sc, at: e) ?? latinNameAt(sc, e)
            else { e += 1; continue }
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

    /// `王建国代表双方签约`, `A、B分别代表主办单位致辞`, `李玮同志代表镇政府作报告`: a post
    /// (`代表`) right after a name, 同志 or 分别/共同/各自 is a verb, and what follows it no name.
    func postIsVerb(_ sc: Scan, postStart p: Int) -> Bool {
        if p > sc.a, sc.consumed[p - 1 - sc.a] { return true }
        if Self.verbalizers.contains(where: { u in p - u.count >= sc.a && sc.s[(p - u.count)..<p].elementsEqual(u) }) {
            return true
        }
        // `推介会上，姜强代表佳木斯市…`: a bare name opening the clause (not yet tagged: clause-initial
        // names come later) before the post.
        guard sc.s[p...].starts(with: "代表".unicodeScalars) else { return false }  // the post that is also a verb
        for n in 2...3 where p - n >= sc.a && (p - n == sc.a || Self.clausePunct.contains(sc.s[p - n - 1])) {
            return sc.s[(p - n)..<p].allSatisfy(isHan) && rules.surnames.surnameLength(sc.s, at: p - n) > 0
                && rules.orgSuffixes.matchEnding(sc.s, at: p, floor: p - n) == 0
        }
        return false
    }

    static let verbalizers: [[Unicode.Scalar]] = ["分别", "共同", "各自", "同志"].map { Array($0.unicodeScalars) }
}
