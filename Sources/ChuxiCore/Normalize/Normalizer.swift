/// The normalized text of one issue: width-folded, whitespace inside tokens removed,
/// and lines broken by the page layout joined back into paragraphs. Every scalar keeps
/// the offset of the original scalar it came from, so spans can cite the original file.
public struct NormalizedText: Sendable {
    public internal(set) var scalars: [Unicode.Scalar] = []
    /// `origin[i]`: offset in the original file of `scalars[i]`.
    public internal(set) var origin: [Int] = []
    /// Paragraph ranges in `scalars` (paragraphs are separated by one "\n").
    public internal(set) var paragraphs: [Range<Int>] = []

    public func text(_ r: Range<Int>) -> String { String(scalars: scalars[r]) }

    /// The original range covering a normalized range (end exclusive).
    public func originalRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else {
            let o = r.lowerBound < origin.count ? origin[r.lowerBound] : (origin.last ?? 0); return o..<o
        }
        return origin[r.lowerBound]..<(origin[r.upperBound - 1] + 1)
    }
}

public enum Normalizer {
    /// Scalars that end a sentence; a line ending in anything else continues (see `shouldJoin`).
    static let sentenceFinal: ScalarSet = ["。", "！", "？", "；", "…", "!", "?"]
    static let closingQuotes: ScalarSet = ["”", "」", "』", "\"", "’"]

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F)
            || (v >= 0xF900 && v <= 0xFAFF)
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}"
    }
    /// Zero-width space, non-joiner, joiner, word joiner, BOM inside text: invisible marks
    /// that web copies leave inside names (`林\u{200B}一`); dropped, never a space.
    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x200B && v <= 0x200D) || v == 0x2060 || v == 0xFEFF
    }

    /// A line of the folded text: a range of `FoldedLines.scalars`.
    struct Line { var range: Range<Int>; var blankBefore: Bool; var blankAfter: Bool = false }

    /// All lines folded into one buffer (one allocation for the issue, not two per line).
    struct FoldedLines {
        var scalars: [Unicode.Scalar] = []
        var origin: [Int] = []
        var lines: [Line] = []
        subscript(_ l: Line) -> ArraySlice<Unicode.Scalar> { scalars[l.range] }
    }

    /// `script`: folds traditional script to simplified when the text looks traditional
    /// (evaluated only then).
    public static func normalize(_ source: SourceText, script: @autoclosure () -> ScriptFolding? = nil)
        -> NormalizedText
    {
        var f = foldedLines(source)
        if ScriptFolding.looksTraditional(source.scalars), let sf = script() {
            for l in f.lines { f.scalars.replaceSubrange(l.range, with: sf.simplify(Array(f.scalars[l.range]))) }
        }
        let narrow = isNarrowColumns(f.lines)
        var out = NormalizedText()
        out.scalars.reserveCapacity(f.scalars.count + f.lines.count)
        out.origin.reserveCapacity(f.scalars.count + f.lines.count)
        // The paragraph being built: a run of lines, appended to `out` as they are joined.
        var open = false, start = 0, firstLine = 0, lastLine = 0
        func close() {
            guard open else { return }
            out.paragraphs.append(start..<out.scalars.count)
            open = false
        }
        for (i, line) in f.lines.enumerated() {
            if open, shouldJoin(f, first: firstLine, last: lastLine, i, narrowColumns: narrow) {
                out.scalars.append(contentsOf: f.scalars[line.range]);
                out.origin.append(contentsOf: f.origin[line.range])
            } else {
                close()
                if !out.paragraphs.isEmpty { out.scalars.append("\n"); out.origin.append(out.origin.last! + 1) }
                start = out.scalars.count; open = true; firstLine = i
                out.scalars.append(contentsOf: f.scalars[line.range]);
                out.origin.append(contentsOf: f.origin[line.range])
            }
            lastLine = i
        }
        close()
        return out
    }

    /// Lines of the source, width-folded, trimmed, with blank lines dropped (remembered
    /// as `blankBefore`) and whitespace removed where it sits inside a token.
    static func foldedLines(_ source: SourceText) -> FoldedLines {
        var f = FoldedLines()
        let s = source.scalars, n = s.count
        // Folding never adds a scalar: both buffers are written in place up to `k`, then cut.
        var scalars = [Unicode.Scalar](repeating: " ", count: n), origin = [Int](repeating: 0, count: n)
        var k = 0
        var sawBlank = true
        scalars.withUnsafeMutableBufferPointer { out in
            origin.withUnsafeMutableBufferPointer { org in
                s.withUnsafeBufferPointer { s in
                    @inline(__always) func put(_ c: Unicode.Scalar, _ from: Int) { out[k] = c; org[k] = from; k += 1 }
                    for (li, lineStart) in source.lineStarts.enumerated() {
                        var end = li + 1 < source.lineStarts.count ? source.lineStarts[li + 1] : n
                        while end > lineStart && (s[end - 1] == "\n" || s[end - 1] == "\r") { end -= 1 }
                        var begin = k
                        var i = lineStart
                        while i < end {
                            // Most scalars are Han, which no folding changes and which end no space run.
                            if s[i].value >= 0x4E00 && s[i].value <= 0x9FFF { put(s[i], i); i += 1; continue }
                            // Dropped: the scalars around it keep their own origins.
                            if isZeroWidth(s[i]) { i += 1; continue }
                            let c = WidthFolding.toHalfWidth(s[i])
                            if isSpace(c) || c.value < 0x20 {
                                // A run of whitespace (zero-width marks within it included): keep one space only
                                // between two non-numeric words (`记者 王巧月`, `City Walk`) and between two
                                // numbers (`21:51 10月22日`: the numbers stay apart); drop it at the ends and
                                // next to one digit (`3月 9日`).
                                var j = i + 1
                                while j < end, case let h = WidthFolding.toHalfWidth(s[j]),
                                    isSpace(h) || h.value < 0x20 || isZeroWidth(h)
                                { j += 1 }
                                // `…作工作报告 据新华社北京3月3日电…`: a headline run into the dateline on one
                                // line (web pages) ends where the dateline begins.
                                if k > begin, j < end, startsDateline(s, j, end) {
                                    f.lines.append(Line(range: begin..<k, blankBefore: sawBlank))
                                    sawBlank = false; begin = k; i = j; continue
                                }
                                if k > begin, j < end,
                                    isDigit(out[k - 1]) == isDigit(WidthFolding.toHalfWidth(s[j]))
                                {
                                    put(" ", i)
                                }
                                i = j; continue
                            }
                            let prev = k > begin ? out[k - 1] : nil
                            let next = i + 1 < end ? WidthFolding.toHalfWidth(s[i + 1]) : nil
                            put(WidthFolding.fold(c, previous: prev, next: next), i)
                            i += 1
                        }
                        if k == begin {
                            sawBlank = true; if !f.lines.isEmpty { f.lines[f.lines.count - 1].blankAfter = true };
                            continue
                        }
                        f.lines.append(Line(range: begin..<k, blankBefore: sawBlank))
                        sawBlank = false
                    }
                }
            }
        }
        scalars.removeLast(n - k); origin.removeLast(n - k)
        f.scalars = scalars; f.origin = origin
        return f
    }

    /// `新华社北京3月3日电`, `据新华社…电` (a paper's reprint of the wire), `本报北京3月5日电`,
    /// `本报讯` at the start of `l`: the one test of a dateline for every stage.
    public static func isDateline<C: Collection>(_ l: C) -> Bool where C.Element == Unicode.Scalar {
        let head = String(String.UnicodeScalarView(l.prefix(25)))
        let h = head.hasPrefix("据") ? head.dropFirst() : head[...]
        if h.hasPrefix("本报讯") { return true }
        guard h.hasPrefix("新华社") || h.hasPrefix("中新社") || h.hasPrefix("本报") else { return false }
        let window = h.prefix(24)
        return window.contains("电") && window.contains("日")
    }

    static func startsDateline(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ i: Int, _ end: Int) -> Bool {
        let f = s[i]
        guard f == "据" || f == "新" || f == "本" || f == "中" else { return false }
        return isDateline(s[i..<end])
    }

    /// Lines that start a new unit whatever came before: bylines, datelines, page jumps.
    static func startsNewUnit(_ l: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let f = l.first else { return true }
        if f == "■" || f == "●" || f == "▲" || f == "◆" || f == "★" { return true }
        // Only lines starting with one of these scalars can start a unit: skip the string work.
        guard f == "本" || f == "记" || f == "（" || f == "新" || f == "据" || f == "中" else { return false }
        // (`据新华社北京3月3日电`; not `据新华社报道，…` nor `据记者了解`, which go on a paragraph.)
        if f == "据" || f == "中" { return isDateline(l) }
        let head = String(scalars: l.prefix(6))
        return head.hasPrefix("本报讯") || head.hasPrefix("记者") || head.hasPrefix("（上接") || head.hasPrefix("（下转")
            || head.hasPrefix("新华社") || head.hasPrefix("本报") && l.count > 3 && l.prefix(14).contains("电")
    }

    /// `2014-01-28 08:50`, `2010年9月28日`: a web page's time stamp on a line of its own is no
    /// part of a paragraph (joined, its digits would run into the next line's date).
    static func isDateStamp(_ l: ArraySlice<Unicode.Scalar>) -> Bool {
        l.count <= 24 && l.contains(where: isDigit) && l.allSatisfy { isDigit($0) || dateStampMarks.contains($0) }
    }
    static let dateStampMarks: ScalarSet = ["-", ":", "/", ".", " ", "年", "月", "日", "时", "分", "秒", "：", "－"]

    /// A byline or marked line (`■记者 彭旭卉`, `● 宗河`) never continues into the next line.
    static func isBylineLike(_ l: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let f = l.first else { return true }
        if f == "■" || f == "●" || f == "▲" || f == "◆" || f == "★" { return true }
        return l.count <= 40 && l.starts(with: "记者".unicodeScalars)
    }

    /// Does the line end a sentence? Closing quotes and short bracketed tails after the final
    /// punctuation (`…在座。（姚大鋆）（新华日报）`: the writer, the source) do not count.
    static func endsSentence<C: BidirectionalCollection>(_ l: C) -> Bool where C.Element == Unicode.Scalar {
        guard var k = l.indices.last else { return true }
        while true {
            while k > l.startIndex && closingQuotes.contains(l[k]) { k = l.index(before: k) }
            guard l[k] == "）" || l[k] == ")" else { break }
            // Back to the opening bracket, at most 20 characters away.
            var o = k, n = 0
            while o > l.startIndex, l[o] != "（", l[o] != "(", n <= 20 { o = l.index(before: o); n += 1 }
            guard o > l.startIndex, l[o] == "（" || l[o] == "(", n <= 20 else { break }
            let before = l.index(before: o)
            guard
                sentenceFinal.contains(l[before]) || l[before] == "）" || l[before] == ")"
                    || closingQuotes.contains(l[before])
            else { break }
            k = before
        }
        return sentenceFinal.contains(l[k])
    }

    /// PDF / column repair: the paragraph so far continues in `lines[i]` when it does not
    /// end a sentence and it is body text, i.e. either set in a block of lines (narrow
    /// columns) or long (a paragraph cut by a page or column break). Short, single lines
    /// without final punctuation are headlines and stand alone.
    /// The paragraph so far runs from line `first` to line `last`.
    static func shouldJoin(_ f: FoldedLines, first: Int, last: Int, _ i: Int, narrowColumns: Bool) -> Bool {
        let next = f.lines[i], prevLine = f.lines[last]
        // A byline is one line: a paragraph of several lines never is one.
        let bylineLike = first == last && isBylineLike(f[f.lines[first]])
        if endsSentence(f[prevLine]) || startsNewUnit(f[next]) || bylineLike { return false }
        if isDateStamp(f[prevLine]) || isDateStamp(f[next]) { return false }
        if narrowColumns { return !next.blankBefore || !prevLine.blankBefore }
        // (A short next line that ends no sentence either is a headline line, not the tail of a
        // cut paragraph: a long deck `…●关键是…收购政策` stays apart from `某某等会见代表`.)
        return prevLine.range.count >= 50 && (next.range.count >= 50 || endsSentence(f[next]))
    }

    /// A page set in narrow columns (most lines short): there every line break inside a
    /// sentence is layout. In wide layouts a short line without final punctuation is a headline.
    static func isNarrowColumns(_ lines: [Line]) -> Bool {
        guard lines.count >= 8 else { return false }
        let lengths = lines.map { $0.range.count }.sorted()
        return lengths[lengths.count / 2] <= 24
    }
}
