/// The normalized text of one issue: width-folded, whitespace inside tokens removed,
/// and lines broken by the page layout joined back into paragraphs. Every scalar keeps
/// the offset of the original scalar it came from, so spans can cite the original file.
public struct NormalizedText: Sendable {
    public internal(set) var scalars: [Unicode.Scalar] = []
    /// `origin[i]`: offset in the original file of `scalars[i]`.
    public internal(set) var origin: [Int] = []
    /// Paragraph ranges in `scalars` (paragraphs are separated by one "\n").
    public internal(set) var paragraphs: [Range<Int>] = []

    public func text(_ r: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[r])
        return String(s)
    }

    /// The original range covering a normalized range (end exclusive).
    public func originalRange(_ r: Range<Int>) -> Range<Int> {
        guard !r.isEmpty else { let o = r.lowerBound < origin.count ? origin[r.lowerBound] : (origin.last ?? 0); return o..<o }
        return origin[r.lowerBound]..<(origin[r.upperBound - 1] + 1)
    }
}

public enum Normalizer {
    /// Scalars that end a sentence; a line ending in anything else continues (see `shouldJoin`).
    static let sentenceFinal: ScalarSet = ["。", "！", "？", "；", "…", "!", "?"]
    static let closingQuotes: ScalarSet = ["”", "」", "』", "\"", "’"]

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F) || (v >= 0xF900 && v <= 0xFAFF)
    }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\u{FEFF}" }

    struct Line { var scalars: [Unicode.Scalar]; var origin: [Int]; var blankBefore: Bool; var blankAfter: Bool = false }

    /// `script`: folds traditional script to simplified when the text looks traditional.
    public static func normalize(_ source: SourceText, script: ScriptFolding? = nil) -> NormalizedText {
        var lines = foldedLines(source)
        if let sf = script, ScriptFolding.looksTraditional(source.scalars) {
            for i in lines.indices { lines[i].scalars = sf.simplify(lines[i].scalars) }
        }
        let narrow = isNarrowColumns(lines)
        var out = NormalizedText()
        var current: Line? = nil
        func flush() {
            guard let c = current, !c.scalars.isEmpty else { current = nil; return }
            if !out.paragraphs.isEmpty { out.scalars.append("\n"); out.origin.append(out.origin.last! + 1) }
            let start = out.scalars.count
            out.scalars.append(contentsOf: c.scalars); out.origin.append(contentsOf: c.origin)
            out.paragraphs.append(start..<out.scalars.count)
            current = nil
        }
        for (i, line) in lines.enumerated() {
            if var c = current, shouldJoin(c, lines, i, narrowColumns: narrow) {
                c.scalars.append(contentsOf: line.scalars); c.origin.append(contentsOf: line.origin)
                c.blankAfter = line.blankAfter
                current = c
            } else {
                flush(); current = line
            }
        }
        flush()
        return out
    }

    /// Lines of the source, width-folded, trimmed, with blank lines dropped (remembered
    /// as `blankBefore`) and whitespace removed where it sits inside a token.
    static func foldedLines(_ source: SourceText) -> [Line] {
        var result: [Line] = []
        var sawBlank = true
        let s = source.scalars
        for (li, start) in source.lineStarts.enumerated() {
            var end = li + 1 < source.lineStarts.count ? source.lineStarts[li + 1] : s.count
            while end > start && (s[end - 1] == "\n" || s[end - 1] == "\r") { end -= 1 }
            var half: [Unicode.Scalar] = []; var org: [Int] = []
            half.reserveCapacity(end - start); org.reserveCapacity(end - start)
            for i in start..<end { half.append(WidthFolding.toHalfWidth(s[i])); org.append(i) }
            var folded: [Unicode.Scalar] = []; var forg: [Int] = []
            var i = 0
            while i < half.count {
                let c = half[i]
                if isSpace(c) || c.value < 0x20 {
                    // A run of whitespace: keep one space only between two non-numeric words
                    // (`记者 王巧月`, `City Walk`); drop it at the ends and next to digits (`3月 9日`).
                    var j = i; while j < half.count && (isSpace(half[j]) || half[j].value < 0x20) { j += 1 }
                    if let p = folded.last, j < half.count, !isDigit(p), !isDigit(half[j]) {
                        folded.append(" "); forg.append(org[i])
                    }
                    i = j; continue
                }
                let prev = folded.last
                let next = i + 1 < half.count ? half[i + 1] : nil
                folded.append(WidthFolding.fold(c, previous: prev, next: next)); forg.append(org[i])
                i += 1
            }
            if folded.isEmpty { sawBlank = true; if !result.isEmpty { result[result.count - 1].blankAfter = true }; continue }
            result.append(Line(scalars: folded, origin: forg, blankBefore: sawBlank))
            sawBlank = false
        }
        return result
    }

    /// Lines that start a new unit whatever came before: bylines, datelines, page jumps.
    static func startsNewUnit(_ l: [Unicode.Scalar]) -> Bool {
        guard let f = l.first else { return true }
        if f == "■" || f == "●" || f == "▲" || f == "◆" || f == "★" { return true }
        // Only lines starting with one of these scalars can start a unit: skip the string work.
        guard f == "本" || f == "记" || f == "（" || f == "新" else { return false }
        let head = String(String.UnicodeScalarView(l.prefix(6)))
        return head.hasPrefix("本报讯") || head.hasPrefix("记者") || head.hasPrefix("（上接") || head.hasPrefix("（下转")
            || head.hasPrefix("新华社") || head.hasPrefix("本报") && l.count > 3 && l.prefix(14).contains("电")
    }

    /// A byline or marked line (`■记者 彭旭卉`, `● 宗河`) never continues into the next line.
    static func isBylineLike(_ l: [Unicode.Scalar]) -> Bool {
        guard let f = l.first else { return true }
        if ["■", "●", "▲", "◆", "★"].contains(f) { return true }
        return String(String.UnicodeScalarView(l.prefix(4))).hasPrefix("记者") && l.count <= 40
    }

    static func endsSentence(_ l: [Unicode.Scalar]) -> Bool {
        guard var k = l.indices.last else { return true }
        while k > 0 && closingQuotes.contains(l[k]) { k -= 1 }
        return sentenceFinal.contains(l[k]) || (closingQuotes.contains(l.last!) && k < l.count - 1 && sentenceFinal.contains(l[k]))
    }

    /// PDF / column repair: the paragraph so far continues in `lines[i]` when it does not
    /// end a sentence and it is body text, i.e. either set in a block of lines (narrow
    /// columns) or long (a paragraph cut by a page or column break). Short, single lines
    /// without final punctuation are headlines and stand alone.
    static func shouldJoin(_ current: Line, _ lines: [Line], _ i: Int, narrowColumns: Bool) -> Bool {
        let next = lines[i]
        if endsSentence(current.scalars) || startsNewUnit(next.scalars) || isBylineLike(current.scalars) { return false }
        let prevLine = lines[i - 1]
        if narrowColumns { return !next.blankBefore || !prevLine.blankBefore }
        return prevLine.scalars.count >= 50
    }

    /// A page set in narrow columns (most lines short): there every line break inside a
    /// sentence is layout. In wide layouts a short line without final punctuation is a headline.
    static func isNarrowColumns(_ lines: [Line]) -> Bool {
        guard lines.count >= 8 else { return false }
        let lengths = lines.map { $0.scalars.count }.sorted()
        return lengths[lengths.count / 2] <= 24
    }
}
