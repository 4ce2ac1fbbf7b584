/// An article of an issue: a run of paragraphs with its headline, bylines and dateline.
public struct Article: Sendable {
    /// 1-based number within the issue.
    public var number: Int
    /// Paragraph indices (into `NormalizedText.paragraphs`).
    public var paragraphs: Range<Int>
    /// Journalists named in bylines (`■记者 彭旭卉`, `（记者 樊国庆 通讯员 陈烨雯）`), with their ranges.
    public var journalists: [(name: String, range: Range<Int>)] = []
    /// Paragraphs that are headlines (short, no final punctuation), summaries above the
    /// dateline (`摘要：…`) or a web page's labels (`来源：…`): they give mentions but no records.
    public var headlines: Set<Int> = []
}

/// Splits an issue into articles. An article starts at a dateline paragraph (`本报讯`,
/// `新华社北京1月9日电`), a page jump (`（上接第1版）`) or a leading byline, and takes with it
/// the headline paragraphs just before it. Trailing bylines (`记者 王巧月` after the text)
/// stay with the article they close.
public enum ArticleSplitter {
    static let bylineRoles = ["本报记者", "特约记者", "见习记者", "记者", "通讯员", "撰稿", "摄影", "文/", "图/"]
    static let bylineRoleScalars = bylineRoles.map { Array($0.unicodeScalars) }
    static let markers: ScalarSet = ["■", "●", "▲", "◆", "★", "□", "○"]

    public static func split(_ text: NormalizedText, surnames: SurnameTable) -> [Article] {
        let paras = text.paragraphs.map { text.scalars[$0] }
        var kinds = paras.map { classify($0, surnames: surnames) }
        // A paragraph right before a dateline that ends no sentence or clause is its headline, however
        // long (a web page's title and subtitle run together: `…前往医院看望…表示深切慰问`).
        // (Not a paragraph holding a sentence's end: `…。A、B等参加了` is a body cut by a column break.)
        for i in kinds.indices.dropLast() where kinds[i] == .body && kinds[i + 1] == .dateline {
            if !Normalizer.endsSentence(paras[i]), !(paras[i].last.map { Self.clauseEnds.contains($0) } ?? false),
                !paras[i].contains(where: { Normalizer.sentenceFinal.contains($0) || $0 == "；" })
            {
                kinds[i] = .headline
            }
        }
        // A web page's labels and time stamps above the first body paragraph are chrome.
        for i in kinds.indices {
            if kinds[i] == .dateline { break }
            if isChrome(paras[i]) { kinds[i] = .chrome; continue }
            if kinds[i] == .body { break }
        }
        // A byline directly followed by body text or a dateline leads the next article.
        for i in kinds.indices where kinds[i] == .byline {
            if i + 1 < kinds.count, kinds[i + 1] == .dateline || kinds[i + 1] == .body { kinds[i] = .leadingByline }
        }
        var starts: [Int] = []
        var i = 0
        while i < kinds.count {
            if kinds[i] == .dateline || kinds[i] == .pageJump || kinds[i] == .leadingByline {
                var s = i
                // Take the leading byline and headlines just before the start.
                if kinds[i] != .leadingByline, s > 0, kinds[s - 1] == .leadingByline { s -= 1 }
                while s > 0,
                    kinds[s - 1] == .headline || kinds[s - 1] == .summary || kinds[s - 1] == .chrome
                        || isDeck(s - 1, paras, kinds),
                    !starts.contains(s - 1)
                { s -= 1 }
                if starts.last.map({ s > $0 }) ?? true { starts.append(s) }
                if kinds[i] == .leadingByline, i + 1 < kinds.count, kinds[i + 1] == .dateline { i += 1 }
            }
            i += 1
        }
        if starts.first != 0 { starts.insert(0, at: 0) }
        var articles: [Article] = []
        for (n, s) in starts.enumerated() {
            let e = n + 1 < starts.count ? starts[n + 1] : paras.count
            var a = Article(number: n + 1, paragraphs: s..<e)
            // (A page's labels and time stamps give no records either; their date is the page's.)
            a.headlines = Set((s..<e).filter { [.headline, .summary, .chrome].contains(kinds[$0]) })
            for p in s..<e { a.journalists += journalists(in: text, paragraph: p, surnames: surnames) }
            articles.append(a)
        }
        return articles
    }

    enum Kind { case headline, summary, body, byline, leadingByline, dateline, pageJump, chrome }

    /// `来源：某网 日期：2026-01-27 点击：751`, `分享：`, `2014-01-28 08:50`: a web page's labels
    /// and time stamps, read as such only above the first body paragraph (below it, `A强调：`
    /// opens a list of what was said).
    static func isChrome(_ p: ArraySlice<Unicode.Scalar>) -> Bool {
        guard p.count <= 60, !Normalizer.endsSentence(p) else { return false }
        if Normalizer.isDateStamp(p) { return true }
        guard let colon = p.prefix(6).firstIndex(where: { $0 == "：" || $0 == ":" }), colon > p.startIndex else {
            return false
        }
        return p[..<colon].allSatisfy(Normalizer.isHan)
    }

    /// A long paragraph that ends no sentence right after a headline is the headline's deck
    /// (`某某是…第一个女拖拉机手，她的事迹…` before `本报记者某某`): it goes with the headline.
    static func isDeck(_ i: Int, _ paras: [ArraySlice<Unicode.Scalar>], _ kinds: [Kind]) -> Bool {
        kinds[i] == .body && i > 0 && kinds[i - 1] == .headline && !Normalizer.endsSentence(paras[i])
            && !(paras[i].last.map { Self.clauseEnds.contains($0) } ?? false)
    }

    static let clauseEnds: ScalarSet = ["，", "、", "；", "：", ",", ";"]
    static let summaryLeads = ["摘要", "内容摘要", "内容提要", "导读"].map { Array($0.unicodeScalars) }

    static func classify(_ p: ArraySlice<Unicode.Scalar>, surnames: SurnameTable) -> Kind {
        if let f = p.first, f == "（" || f == "本" || f == "新" || f == "中" || f == "据" {
            let s = String(scalars: p.prefix(32))  // markers are at the start
            if s.hasPrefix("（上接") { return .pageJump }
            if Normalizer.isDateline(p) { return .dateline }
        }
        if summaryLeads.contains(where: { p.starts(with: $0) && p.dropFirst($0.count).first == "：" }) {
            return .summary
        }
        if isByline(p, surnames: surnames) { return .byline }
        // A paragraph cut after a comma (`…工作方案》，` / `并安排部署…`) is body text, never a headline.
        if let last = p.last, Normalizer.sentenceFinal.contains(last) || Self.clauseEnds.contains(last) || p.count > 60
        {
            return .body
        }
        return Normalizer.endsSentence(p) ? .body : .headline
    }

    /// A paragraph that is only a byline: optional marker, a role word, and names.
    static func isByline(_ p: ArraySlice<Unicode.Scalar>, surnames: SurnameTable) -> Bool {
        guard p.count <= 48 else { return false }
        var body = p
        while let f = body.first, markers.contains(f) || f == " " { body = body.dropFirst() }
        if bylineRoleScalars.contains(where: { body.starts(with: $0) }) {
            return body.count <= 40 && !body.contains("，") && !body.contains("。")
        }
        // `● 宗河`: a marker and one name alone.
        if body.count < p.count, (2...4).contains(body.count), body.allSatisfy(Normalizer.isHan),
            surnames.surnameLength(body, at: body.startIndex) > 0
        {
            return true
        }
        return false
    }

    /// Names following byline role words in a paragraph's byline parts.
    static func journalists(in text: NormalizedText, paragraph: Int, surnames: SurnameTable) -> [(
        name: String, range: Range<Int>
    )] {
        let r = text.paragraphs[paragraph]
        let head = text.scalars[r].prefix(64)  // bylines sit at a paragraph's start
        let isWholeByline = isByline(head, surnames: surnames)
        // Most paragraphs: neither a byline nor a parenthesis near the start.
        guard isWholeByline || head.prefix(8).contains("（") else { return [] }
        let p = Array(head)
        var out: [(String, Range<Int>)] = []
        // Where bylines can be: a byline paragraph, or a parenthesis right after 本报讯.
        var zones: [Range<Int>] = []
        if isWholeByline {
            zones.append(0..<p.count)
        } else if let open = p.prefix(8).firstIndex(of: "（"), let close = p[open...].prefix(40).firstIndex(of: "）") {
            let inner = String(scalars: p[(open + 1)..<close])
            if bylineRoles.contains(where: { inner.hasPrefix($0) }) { zones.append((open + 1)..<close) }
        }
        for z in zones {
            var i = z.lowerBound
            while i < z.upperBound {
                // Skip markers, spaces and role words; a run of Han scalars is a name.
                if !Normalizer.isHan(p[i]) { i += 1; continue }
                var j = i
                while j < z.upperBound, Normalizer.isHan(p[j]) { j += 1 }
                var word = String(scalars: p[i..<j])
                var start = i
                for role in bylineRoles where word.hasPrefix(role) {
                    word.removeFirst(role.count); start += role.unicodeScalars.count; break
                }
                // `（本报记者某某摄）`: the photographer's credit is no part of the name.
                var end = j
                if word.count >= 3, word.hasSuffix("摄") { word.removeLast(); end -= 1 }
                if (2...4).contains(word.count), surnames.surnameLength(p[...], at: start) > 0 {
                    out.append((word, (r.lowerBound + start)..<(r.lowerBound + end)))
                }
                i = j
            }
        }
        return out
    }
}
