import Foundation

/// What the pipeline extracts from one issue.
public struct IssueResult: Sendable {
    public var issue: String
    public var records: [AttendanceRecord] = []
    /// Articles found (a large file's pieces number theirs on from the pieces before).
    public var articles = 0
    public var mentions: [MentionRecord] = []
    /// Tagged sentences and the normalized text, kept for `chuxi explain`.
    public var sentences: [TaggedSentence] = []
    public var normalized: NormalizedText
    public var source: SourceText
}

/// The pipeline over one issue, its stages in order (`Stage.allCases`: input, normalize,
/// articles, segment, tag, events, records, export; `chuxi explain --stages`).
/// Each stage only reads what the stages before it produced. One instance per thread
/// (ICU break iterators are not thread-safe).
public final class Pipeline {
    public let rules: RuleSet
    let segmenter: Segmenter
    let tagger: Tagger
    let extractor: EventExtractor
    /// Opened on the first issue that looks traditional: opening ICU's transform costs about
    /// as much as running 1 MB of text, and most archives never need it. (It ships with ICU's
    /// data; `BadInputTests` checks that traditional text is folded.)
    lazy var script: ScriptFolding? = try? ScriptFolding()
    /// Attached by `chuxi bench` to time each stage.
    public var clock: StageClock? { didSet { segmenter.clock = clock } }
    /// Word-break every sentence whole: the reference pass that the fast path (word breaking
    /// only clauses with candidate words) must equal (`chuxi extract --full-word-break`).
    public var fullWordBreak = false

    public init(rules: RuleSet) throws {
        self.rules = rules
        segmenter = try Segmenter()
        tagger = Tagger(rules: rules)
        extractor = EventExtractor(rules: rules)
    }

    public func run(_ input: IssueInput, keepSentences: Bool = false) -> IssueResult {
        var source = clock.measure(.stage(.normalize)) {
            input.scalars.map { SourceText(scalars: $0, offsets: input.offsets) }
                ?? SourceText(input.text, offsets: input.offsets)
        }
        source.pageStarts = input.pageStarts
        let text = clock.measure(.stage(.normalize)) { Normalizer.normalize(source, script: script) }
        var result = IssueResult(issue: input.id, normalized: text, source: source)
        var articles = clock.measure(.stage(.articles)) { ArticleSplitter.split(text, surnames: rules.surnames) }
        for k in articles.indices { articles[k].number += input.offsets.article }
        result.articles = articles.count
        let journalistNames = Set(articles.flatMap { $0.journalists.map(\.name) })
        // All of the issue is segmented before any of it is tagged (see `Segmenter.segment`).
        let sentencesByParagraph = clock.measure(.stage(.segment)) {
            segmenter.segment(
                text, paragraphs: articles.flatMap { a in a.paragraphs.map { (text.paragraphs[$0], a.number) } },
                words: fullWordBreak ? .full : .candidates { self.tagger.needsWords(text.scalars, $0) })
        }
        var paragraphIndex = 0
        for article in articles {
            // Headlines are tagged (mentions) but give no records: the body tells the same
            // story with its date (`市长龚正赴金桥调研` comes before `本报讯 3月4日，…`).
            var tagged: [TaggedSentence] = [], inHeadline: [Bool] = []
            for p in article.paragraphs {
                let isHeadline = article.headlines.contains(p)
                let sentences = sentencesByParagraph[paragraphIndex]
                paragraphIndex += 1
                for s in sentences {
                    tagged.append(clock.measure(.stage(.tag)) { tagger.tag(s, in: text) })
                    inHeadline.append(isHeadline)
                }
            }
            // A person named with a title once is known by the name alone in the rest of the article.
            tagged = clock.measure(.stage(.tag)) { tagger.withKnownNames(tagged, text) }
            let body = zip(tagged, inHeadline).filter { !$0.1 }.map(\.0)
            // `新华社记者A、本报记者B报道`: reporters named in the text are journalists too.
            let journalistNames = journalistNames.union(reporters(tagged, text))
            // The article's headline: its first paragraph when that is short and no sentence.
            let headline = article.paragraphs.first.map { text.text(text.paragraphs[$0]) }
                .flatMap { $0.unicodeScalars.count <= 40 && !Normalizer.endsSentence($0.unicodeScalars) ? $0 : nil }
            clock.measure(.stage(.events)) {
                // A full date (with its year) above the body, such as a web page's date line.
                // Else a dateline on a line of its own, else a closing credit.
                let headlines = zip(tagged, inHeadline).filter(\.1).map(\.0)
                let pageDate =
                    headlines.lazy.flatMap(\.dates).compactMap { d -> DateValue? in
                        if case .absolute(let v) = d.value, v.year != nil { return v } else { return nil }
                    }.first
                    ?? (datelineLine(headlines, text) ?? closingCreditDate(tagged, text))?.resolved(
                        issueDate: input.issueDate)
                var drafts = extractor.extract(
                    body, text: text, headline: headline, issueDate: input.issueDate, pageDate: pageDate)
                drafts += headlineOnly(
                    drafts, headlines: headlines, text: text, headline: headline,
                    issueDate: input.issueDate, pageDate: pageDate)
                // A notice's title line (`关于召开…会议的通知`, short, so read as a headline): what follows it is the notice.
                if let notice = headlines.first(where: {
                    PlannedItems.announcesMeeting(text.scalars, $0.sentence.range, extractor)
                }) {
                    drafts.removeAll { $0.trigger.lowerBound >= notice.sentence.range.upperBound }
                }
                // A record dated after its issue tells a plan, not who attended; one dated more than
                // 90 days before it, a past event (a profile, a history), not the issue's news.
                if let d = input.issueDate {
                    drafts.removeAll { Self.isAfter($0.date, d) || Self.daysBefore($0.date, d) > 90 }
                }
                result.records += records(
                    drafts, tagged, article: article, text: text, source: source, issue: input.id,
                    journalists: journalistNames)
                result.mentions += mentions(
                    tagged, article: article, text: text, source: source, issue: input.id, journalists: journalistNames)
            }
            if keepSentences { result.sentences += tagged }
        }
        return result
    }

    /// Files up to this size are read whole; larger ones in pieces (`PieceReader`).
    public static let wholeFileLimit = 4 << 20
    /// About 1 MB of Chinese text: a piece's working memory stays far below the 100 MB budget.
    public static let pieceScalars = 300_000

    /// Is this file read in pieces? Only text is: a PDF or HTML page is read whole by its reader.
    public static func isLarge(_ path: String, limit: Int = Pipeline.wholeFileLimit, format: InputFormat? = nil) -> Bool
    {
        var st = stat()  // one system call (FileManager's attributes cost more than hashing a seed)
        guard stat(path, &st) == 0 && Int(st.st_size) > limit else { return false }
        return InputFormat.detect(path: path, head: InputFormat.head(of: path), forced: format) == .txt
    }

    /// Reads, decodes and runs one file; the issue date comes from `issueDate`, else the path.
    /// Returns the hash of the file's bytes too (a batch keys issues by it; "" unless `hashing`).
    public func run(
        path: String, id: String, issueDate: IssueDate?, encoding: String?,
        format: InputFormat? = nil,
        wholeFileLimit: Int = Pipeline.wholeFileLimit, pieceScalars: Int = Pipeline.pieceScalars,
        hashing: Bool = true
    ) throws -> (result: IssueResult, hash: String) {
        var parts: [IssueResult] = []
        let hash = try run(
            path: path, id: id, issueDate: issueDate, encoding: encoding, format: format,
            wholeFileLimit: wholeFileLimit,
            pieceScalars: pieceScalars, hashing: hashing
        ) { parts.append($0) }
        // A file read whole keeps its texts (for `chuxi explain`); pieces are joined.
        if parts.count == 1 { return (parts[0], hash) }
        var result = IssueResult(issue: id, normalized: NormalizedText(), source: SourceText(""))
        for r in parts { result.records += r.records; result.mentions += r.mentions; result.articles += r.articles }
        return (result, hash)
    }

    /// The same, handing over the result piece by piece: a large file is first checked to
    /// decode (so that a bad byte at its end rejects all of it, as for a small file), then
    /// read and run in pieces, so neither its text nor its records are ever all in memory.
    /// PDF and HTML files (by `format`, else content and extension) go through their reader
    /// (`InputReader`) and are run whole.
    public func run(
        path: String, id: String, issueDate: IssueDate?, encoding: String?,
        format: InputFormat? = nil,
        wholeFileLimit: Int = Pipeline.wholeFileLimit, pieceScalars: Int = Pipeline.pieceScalars,
        hashing: Bool = true, each: (IssueResult) throws -> Void
    ) throws -> String {
        let date = issueDate ?? IssueInput.date(fromPath: path)
        if !Self.isLarge(path, limit: wholeFileLimit, format: format) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(path: path, reason: "cannot read file")
            }
            let kind = InputFormat.detect(path: path, head: data.prefix(1024), forced: format)
            if kind != .txt {
                let extracted = try InputReader.extract(kind, path: path, data: data, encoding: encoding)
                try each(run(InputReader.issue(extracted, id: id, path: path, issueDate: issueDate)))
                return hashing ? ContentHash.of(data) : ""
            }
            if encoding == nil, let scalars = TextDecoding.utf8Scalars(data) {
                try each(run(IssueInput(id: id, path: path, scalars: scalars, issueDate: date)))
            } else {
                let text = try TextDecoding.decode(data, path: path, forced: encoding)
                try each(run(IssueInput(id: id, path: path, text: text, issueDate: date)))
            }
            return hashing ? ContentHash.of(data) : ""
        }
        try PieceReader(path: path, encoding: encoding, pieceScalars: pieceScalars).checkDecoding()
        let reader = try PieceReader(path: path, encoding: encoding, pieceScalars: pieceScalars)
        var articles = 0
        while let piece = try reader.next() {
            var offsets = piece.offsets
            offsets.article = articles
            var r = run(IssueInput(id: id, path: path, text: piece.text, issueDate: date, offsets: offsets))
            articles += r.articles
            r.normalized = NormalizedText(); r.source = SourceText("", offsets: offsets)
            try each(r)
        }
        return reader.hash.value
    }

    /// A text held in memory (a JSON line) run as a file of the same text would be: whole up
    /// to `wholeFileLimit` UTF-8 bytes, else in the pieces `PieceReader` would cut, each
    /// handed over as it is done, so that a 20 MB line costs what a 20 MB file costs.
    public func run(
        id: String, path: String, scalars: [Unicode.Scalar], utf8Bytes: Int,
        issueDate: IssueDate?,
        wholeFileLimit: Int = Pipeline.wholeFileLimit, pieceScalars: Int = Pipeline.pieceScalars,
        each: (IssueResult) throws -> Void
    ) rethrows {
        if utf8Bytes <= wholeFileLimit {
            return try each(run(IssueInput(id: id, path: path, scalars: scalars, issueDate: issueDate)))
        }
        var articles = 0
        try PieceReader.pieces(scalars, pieceScalars: pieceScalars) { piece, base in
            var offsets = base
            offsets.article = articles
            var r = run(
                IssueInput(id: id, path: path, text: String(scalars: piece), issueDate: issueDate, offsets: offsets))
            articles += r.articles
            r.normalized = NormalizedText(); r.source = SourceText("", offsets: offsets)
            try each(r)
        }
    }

    /// Records of persons a headline names with a role (`某某出席揭牌仪式`) whom the body gives
    /// none: the body usually tells the same story with its date, and then the headline adds
    /// nothing; when it does not, the headline is all the text says. They take the date of the
    /// body's first record (the article's story), or none.
    func headlineOnly(
        _ body: [EventExtractor.Draft], headlines: [TaggedSentence], text: NormalizedText, headline: String?,
        issueDate: IssueDate?, pageDate: DateValue?
    ) -> [EventExtractor.Draft] {
        guard !headlines.isEmpty else { return [] }
        let named = Set(body.map { text.text($0.attendee) })
        let date = body.first?.date ?? ""
        return extractor.extract(headlines, text: text, headline: headline, issueDate: issueDate, pageDate: pageDate)
            .filter { $0.kind == "person" && !named.contains(text.text($0.attendee)) }
            .map {
                var d = $0; d.date = date; return d
            }
    }

    /// The positions of an article that spans cover, for "does this range touch one?".
    struct Coverage {
        let base: Range<Int>
        private var bits: [Bool]
        init(_ r: Range<Int>) { base = r; bits = [Bool](repeating: false, count: r.count) }
        mutating func mark(_ r: Range<Int>) { for k in r.clamped(to: base) { bits[k - base.lowerBound] = true } }
        func touches(_ r: Range<Int>) -> Bool { r.clamped(to: base).contains { bits[$0 - base.lowerBound] } }
    }

    /// A person's name found once in an article names the person wherever else it stands in
    /// the article (the model reads each sentence alone and may miss a repetition): two
    /// characters or more, not touching another span, not the start of a longer Han run that
    /// another span began (`王芳` inside `王芳芳`).
    /// A model name that begins a longer name the rules found in the article, where the
    /// text goes on with it (`林某|卿` after `副总工程师林某卿`), is that name.
    func longerKnownNames(_ spans: [Span], _ text: NormalizedText) -> [Span] {
        let s = text.scalars
        let known = Set(
            spans.filter { $0.kind == .person && $0.rule != "names.model" && $0.range.count >= 2 }.map {
                Array(s[$0.range])
            })
        guard !known.isEmpty else { return spans }
        let taken = spans.filter { $0.rule != "names.model" }.map(\.range)
        return spans.map { sp in
            guard sp.kind == .person, sp.rule == "names.model" else { return sp }
            let longer = known.filter { n in
                n.count > sp.range.count && sp.range.lowerBound + n.count <= s.count
                    && s[sp.range.lowerBound..<(sp.range.lowerBound + n.count)].elementsEqual(n)
            }.max { $0.count < $1.count }
            guard let n = longer else { return sp }
            let r = sp.range.lowerBound..<(sp.range.lowerBound + n.count)
            if taken.contains(where: { $0.overlaps(r) }) { return sp }
            return Span(kind: .person, range: r, rule: "names.article")
        }
    }

    /// A name the model alone reads with a margin below this (hundredths) is a mention where
    /// it stands but is not looked for elsewhere in the article: one weak reading (`石材`)
    /// would spread to every occurrence.
    static let spreadingMargin = 2000

    func repeatedNames(
        _ spans: [Span], _ tagged: [TaggedSentence], _ text: NormalizedText, unsure: Set<Range<Int>> = []
    ) -> [Span] {
        let s = text.scalars
        // Names that begin with a known surname, hold a `·` or are a run of transliteration
        // characters (a false reading spreads too).
        let names = Set(
            spans.filter { sp in
                sp.kind == .person && sp.range.count >= 2 && sp.range.count <= 6
                    && !(sp.rule == "names.model" && unsure.contains(sp.range))
                    && (rules.surnames.surnameLength(s, at: sp.range.lowerBound) > 0 || s[sp.range].contains("·")
                        || sp.range.count >= 3 && s[sp.range].allSatisfy { rules.transliteration.contains($0) })
            }.map { Array(s[$0.range]) })
        guard !names.isEmpty, let lo = tagged.first?.sentence.range.lowerBound,
            let hi = tagged.last?.sentence.range.upperBound
        else { return [] }
        var covered = Coverage(lo..<hi), nonDates = Coverage(lo..<hi)
        for sp in spans {
            covered.mark(sp.range)
            if sp.kind != .date { nonDates.mark(sp.range) }
        }
        // (A few first characters: an array, no `Hasher` per scalar of the article.)
        let firsts = Array(Set(names.map { $0[0] }))
        var out: [Span] = []
        var i = lo
        while i < hi {
            guard firsts.contains(s[i]), !covered.touches(i..<(i + 1)) else { i += 1; continue }
            var found: Range<Int>? = nil
            for n in names
            where i + n.count <= hi && s[i..<(i + n.count)].elementsEqual(n) && (found?.count ?? 0) < n.count {
                let r = i..<(i + n.count)
                // Untouched, and not glued to more of a name (a span other than a date starting
                // right after it: `郎某目前` is a name and a time).
                if !covered.touches(r), r.upperBound == hi || !nonDates.touches(r.upperBound..<(r.upperBound + 1)),
                    rules.termsAfterName.match(s, at: r.upperBound, limit: s.count) == 0
                {
                    found = r
                }
            }
            if let r = found {
                out.append(Span(kind: .person, range: r, rule: "names.article"))
                covered.mark(r); nonDates.mark(r)
                i = r.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// How many days an ISO date (a range's end) lies before the issue date (0 when it has no
    /// year or lies after).
    static func daysBefore(_ iso: String, _ d: IssueDate) -> Int {
        guard let e = iso.split(separator: "/").last.flatMap({ IssueInput.parseISODate(String($0)) }) else { return 0 }
        return max(0, DateValue.dayNumber(d.year, d.month, d.day) - DateValue.dayNumber(e.year, e.month, e.day))
    }

    /// Does an ISO date (`1998-01-31`, a range's start) fall after the issue date?
    static func isAfter(_ iso: String, _ d: IssueDate) -> Bool {
        guard let a = iso.split(separator: "/").first.flatMap({ IssueInput.parseISODate(String($0)) }) else {
            return false
        }
        return (a.year, a.month, a.day) > (d.year, d.month, d.day)
    }

    static let reporterWords = ["记者", "通讯员", "摄影", "特派员", "撰稿"].map { Array($0.unicodeScalars) }
    /// Names right after `记者`/`通讯员` (or in a list begun by one), and every name in a bracket
    /// that opens with one (`（记者 李某 通讯员 王某 许某）`): the persons who report, not attend.
    func reporters(_ tagged: [TaggedSentence], _ text: NormalizedText) -> Set<String> {
        let s = text.scalars
        func endsWithReporterWord(_ j: Int) -> Bool {
            Self.reporterWords.contains { w in j >= w.count && s[(j - w.count)..<j].elementsEqual(w) }
        }
        var out = Set<String>()
        for t in tagged {
            var inList = false, previousEnd = -1
            for p in t.persons {
                let i = p.name.lowerBound
                var j = i
                while j > t.sentence.range.lowerBound, s[j - 1] == " " { j -= 1 }
                // (`记者王某李某某报道`: names run together after a reporter's name are reporters too.)
                let listed = inList && j > 0 && (s[j - 1] == "、" || j == previousEnd)
                inList = endsWithReporterWord(j) || listed || inBylineBracket(i, t, s)
                if inList { out.insert(text.text(p.name)) }
                previousEnd = p.name.upperBound
            }
        }
        return out
    }

    /// `新华网北京3月16日电` on a line of its own above the body (short, so read as a headline):
    /// the dateline the body's `16日` and 今天 count from.
    func datelineLine(_ headlines: [TaggedSentence], _ text: NormalizedText) -> DateValue? {
        let s = text.scalars
        for t in headlines {
            let e = Self.trimmed(t.sentence.range, s).upperBound
            guard e > t.sentence.range.lowerBound, s[e - 1] == "电" || s[e - 1] == "讯" else { continue }
            for d in t.dates where d.range.upperBound == e - 1 { if case .absolute(let v) = d.value { return v } }
        }
        return nil
    }

    /// `r` without the whitespace at its ends.
    static func trimmed(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> Range<Int> {
        var r = r
        while r.lowerBound < r.upperBound, s[r.lowerBound].properties.isWhitespace {
            r = (r.lowerBound + 1)..<r.upperBound
        }
        while r.lowerBound < r.upperBound, s[r.upperBound - 1].properties.isWhitespace {
            r = r.lowerBound..<(r.upperBound - 1)
        }
        return r
    }

    /// `（某某网4月28日）` closing a copied story that has no dateline: the date its 今天 counts
    /// from. A short bracketed paragraph holding a date, among the article's last sentences.
    func closingCreditDate(_ sentences: [TaggedSentence], _ text: NormalizedText) -> DateValue? {
        let s = text.scalars
        for t in sentences.suffix(12).reversed() {
            let r = Self.trimmed(t.sentence.range, s)
            guard r.count >= 6, r.count <= 30, s[r.lowerBound] == "（", s[r.upperBound - 1] == "）" else { continue }
            for d in t.dates { if case .absolute(let v) = d.value { return v } }
        }
        return nil
    }

    /// Is `i` inside a bracket that opens with a reporter word (`（记者 …`, `（通讯员…`)?
    func inBylineBracket(_ i: Int, _ t: TaggedSentence, _ s: [Unicode.Scalar]) -> Bool {
        guard let open = (t.sentence.range.lowerBound..<i).last(where: { s[$0] == "（" || s[$0] == "）" }),
            s[open] == "（"
        else { return false }
        return Self.reporterWords.contains { w in s[(open + 1)...].starts(with: w) }
    }

    /// Titles the article gives each person, in text order.
    func titlesByName(_ tagged: [TaggedSentence], _ text: NormalizedText) -> [String: [String]] {
        var out: [String: [String]] = [:]
        for t in tagged {
            for p in t.persons {
                let n = text.text(p.name)
                // A title repeated without its organization (`郑州大学党委副书记` … `党委副书记`) is the same title.
                for r in p.titles {
                    let title = text.text(r)
                    // (`有关部门负责人`: a group's label, no post of anyone's; titles.rules `group`.)
                    if rules.groupTitles.contains(title) { continue }
                    if !(out[n] ?? []).contains(where: { $0.hasSuffix(title) }) { out[n, default: []].append(title) }
                }
            }
        }
        return out
    }

    func records(
        _ drafts: [EventExtractor.Draft], _ tagged: [TaggedSentence], article: Article, text: NormalizedText,
        source: SourceText, issue: String, journalists: Set<String>
    ) -> [AttendanceRecord] {
        let titles = titlesByName(tagged, text)
        var seen = Set<String>()
        var out: [(Int, Int, AttendanceRecord)] = []
        let names = drafts.map { text.text($0.attendee) }
        func key(_ d: EventExtractor.Draft, _ name: String) -> String { name + "|" + d.role.rawValue + "|" + d.date }
        // The same role with no event name adds nothing to one with it (`会见时，A等在座`).
        let named = Set(zip(drafts, names).filter { !$0.0.event.isEmpty }.map(key))
        for (d, name) in zip(drafts, names) {
            if d.kind == "person" && journalists.contains(name) { continue }
            if d.event.isEmpty, named.contains(key(d, name)) { continue }
            let recordKey = key(d, name) + "|" + d.event
            guard seen.insert(recordKey).inserted else { continue }
            let lo = min(d.attendee.lowerBound, d.trigger.lowerBound),
                hi = max(d.attendee.upperBound, d.trigger.upperBound)
            let orig = text.originalRange(lo..<hi)
            out.append(
                (
                    lo, d.attendee.lowerBound,
                    AttendanceRecord(
                        issue: issue, article: article.number, date: d.date, event: d.event, attendee: name,
                        kind: d.kind,
                        titles: d.kind == "person" ? titles[name] ?? [] : [], role: d.role,
                        source: (orig.lowerBound + source.offsets.scalar)..<(orig.upperBound + source.offsets.scalar),
                        evidence: source.evidence(orig),
                        step: d.step.rawValue)
                ))
        }
        // Sorted by position in the text: two runs give the same order.
        return out.sorted { ($0.0, $0.1, $0.2.role) < ($1.0, $1.1, $1.2.role) }.map(\.2)
    }

    /// A span of days is two mentions, as the People's Daily annotation has it (`2日—5日`,
    /// `3月13日到14日`: each end, the range mark between them none); a record takes the span.
    static func dateParts(_ r: Range<Int>, _ s: [Unicode.Scalar]) -> [Range<Int>] {
        guard
            let k = r.dropFirst().first(where: {
                Tagger.rangeMarks.contains(s[$0]) && (s[$0 - 1] == "日" || s[$0 - 1] == "号") && $0 + 1 < r.upperBound
            })
        else { return [r] }
        return [r.lowerBound..<k, (k + 1)..<r.upperBound]
    }

    func mentions(
        _ tagged: [TaggedSentence], article: Article, text: NormalizedText, source: SourceText, issue: String,
        journalists: Set<String>
    ) -> [MentionRecord] {
        var spans: [Span] = []
        var titleRanges = Set<Range<Int>>()  // a list's names share one title span
        for j in article.journalists { spans.append(Span(kind: .journalist, range: j.range, rule: "byline")) }
        for t in tagged {
            for d in t.dates {
                for r in Self.dateParts(d.range, text.scalars) {
                    spans.append(Span(kind: .date, range: r, rule: "dates"))
                }
            }
            for r in t.times { spans.append(Span(kind: .date, range: r, rule: "dates.rules:time")) }
            // A rule's name is the mention where the name model reads another span over it: the
            // rules' edges are proven by their examples (`石建和，`, `佐藤正一`, `A·B`), and mentions
            // and records then name a person alike.
            for p in t.persons {
                // A reporter named in the text (not in a byline the splitter saw) is a journalist.
                if !journalists.isEmpty && journalists.contains(text.text(p.name)) {
                    if !article.journalists.contains(where: { $0.range.overlaps(p.name) }) {
                        spans.append(Span(kind: .journalist, range: p.name, rule: "reporter"))
                    }
                    continue
                }
                // `崔老汉`: the surname is the mention (`Tagger+AddressedSurnames`).
                spans.append(Span(kind: .person, range: tagger.surnameOfAddressed(text.scalars, p.name), rule: p.rule))
                for r in p.titles where titleRanges.insert(r).inserted {
                    spans.append(Span(kind: .title, range: r, rule: "titles.rules:post"))
                    if let o = tagger.organization(inTitle: r, text.scalars) {
                        spans.append(Span(kind: .organization, range: o, rule: "organizations.rules:suffix(in title)"))
                    }
                }
            }
            for o in t.orgs { spans.append(Span(kind: .organization, range: o.range, rule: o.rule)) }
        }
        // Names the rules did not reach: the name model's, where no rule span of the kind overlaps.
        guard let lo = tagged.first?.sentence.range.lowerBound, let hi = tagged.last?.sentence.range.upperBound else {
            return []
        }
        var persons = Coverage(lo..<hi), orgs = Coverage(lo..<hi)
        var unsure: [Range<Int>] = []
        for sp in spans where sp.kind == .person || sp.kind == .journalist { persons.mark(sp.range) }
        for sp in spans where sp.kind == .organization { orgs.mark(sp.range) }
        for t in tagged {
            for n in t.names {
                let isPerson = n.kind == .person
                if isPerson ? persons.touches(n.range) : orgs.touches(n.range) { continue }
                let reporter = isPerson && journalists.contains(text.text(n.range))
                spans.append(
                    Span(
                        kind: reporter ? .journalist : isPerson ? .person : .organization, range: n.range,
                        rule: "names.model"))
                if isPerson && n.confidence < Self.spreadingMargin { unsure.append(n.range) }
            }
        }
        spans = longerKnownNames(spans, text)
        spans += repeatedNames(spans, tagged, text, unsure: Set(unsure))
        spans.sort {
            ($0.range.lowerBound, $0.range.upperBound, $0.kind.rawValue) < (
                $1.range.lowerBound, $1.range.upperBound, $1.kind.rawValue
            )
        }
        return spans.map { sp in
            let o = text.originalRange(sp.range), base = source.offsets.scalar
            return MentionRecord(
                issue: issue, article: article.number, type: sp.kind, text: text.text(sp.range),
                start: o.lowerBound + base, end: o.upperBound + base, rule: sp.rule)
        }
    }
}
