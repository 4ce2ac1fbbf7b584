/// A sentence of the normalized text, with ICU word boundaries inside it.
public struct Sentence: Sendable {
    /// Range in `NormalizedText.scalars`.
    public let range: Range<Int>
    /// `isBoundary[k]`: an ICU word boundary lies before scalar `range.lowerBound + k`
    /// (index `range.count` is the end). ICU splits most personal names into single
    /// characters, so these are evidence for the tagger, not its answer.
    public let isBoundary: [Bool]
    public let article: Int
}

/// Sentence and word breaking through the system ICU. One per worker thread.
public final class Segmenter {
    private let sentences: BreakIterator
    private let words: BreakIterator

    public init() throws {
        sentences = try BreakIterator(.sentence)
        words = try BreakIterator(.word)
    }

    /// UTF-16 of some scalars (what ICU reads), and the way back from a unit to a scalar.
    struct UTF16Text {
        var units: [UInt16]
        /// For each unit the scalar it belongs to (+ end); nil when all scalars are in the
        /// Basic Multilingual Plane (nearly always): then unit k is scalar k.
        var scalarAt: [Int]?
        @inline(__always) func scalar(_ unit: Int) -> Int { scalarAt?[unit] ?? unit }
    }

    static func utf16(_ scalars: ArraySlice<Unicode.Scalar>) -> UTF16Text {
        if !scalars.contains(where: { $0.value >= 0x10000 }) {
            return UTF16Text(units: scalars.map { UInt16(truncatingIfNeeded: $0.value) }, scalarAt: nil)
        }
        var units: [UInt16] = []; units.reserveCapacity(scalars.count + 8)
        var map: [Int] = []; map.reserveCapacity(scalars.count + 9)
        for (k, s) in scalars.enumerated() {
            let v = s.value
            if v < 0x10000 { units.append(UInt16(v)); map.append(k) }
            else {
                let w = v - 0x10000
                units.append(UInt16(0xD800 + (w >> 10))); units.append(UInt16(0xDC00 + (w & 0x3FF)))
                map.append(k); map.append(k)
            }
        }
        map.append(scalars.count)
        return UTF16Text(units: units, scalarAt: map)
    }

    /// Sentences of one paragraph (a range of `text.scalars`).
    /// Which text gets ICU word boundaries.
    public enum WordBreaking {
        /// Every sentence, whole: the reference pass.
        case full
        /// Only clauses holding a candidate word (the predicate says which): ICU word
        /// breaking is by far the costliest step, and a clause without any candidate (post,
        /// trigger, predicate...) can hold no person and no role; its scalars all count as
        /// boundaries, which no rule reads.
        case candidates((Range<Int>) -> Bool)
    }

    /// Sentences of one paragraph.
    public func sentences(in text: NormalizedText, paragraph r: Range<Int>, article: Int,
                          words: WordBreaking = .full) -> [Sentence] {
        let u = Self.utf16(text.scalars[r])
        let b = sentences.boundaries(utf16: u.units)
        var out: [Sentence] = []
        for k in 1..<b.count {
            let s = r.lowerBound + u.scalar(b[k - 1].offset), e = r.lowerBound + u.scalar(b[k].offset)
            guard s < e else { continue }
            switch words {
            case .full: out.append(wordBreak(text, s..<e, article: article))
            case .candidates(let needsWords): out.append(wordBreakClauses(text, s..<e, article: article, needsWords: needsWords))
            }
        }
        return out
    }

    static let clauseEnds = ScalarSet("，；：。！？".unicodeScalars)

    /// Clauses of `r`: each ends after a clause punctuation mark or at the end of `r`.
    static func clauses(_ scalars: [Unicode.Scalar], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        for i in r where clauseEnds.contains(scalars[i]) { out.append(start..<(i + 1)); start = i + 1 }
        if start < r.upperBound { out.append(start..<r.upperBound) }
        return out
    }

    /// The clauses of `r` the fast path word-breaks.
    public func clausesToBreak(_ text: NormalizedText, _ r: Range<Int>, needsWords: (Range<Int>) -> Bool) -> [Range<Int>] {
        Self.clauses(text.scalars, r).filter(needsWords)
    }

    /// Word breaking clause by clause: ICU's dictionary segments each run of CJK text on its
    /// own, and a comma ends a run, so the boundaries are those of the whole sentence; only
    /// the clauses with a candidate word are broken (`FastPathTests` checks the equality).
    /// The scalars of the other clauses all count as boundaries, which no rule reads.
    func wordBreakClauses(_ text: NormalizedText, _ r: Range<Int>, article: Int, needsWords: (Range<Int>) -> Bool) -> Sentence {
        var isB = [Bool](repeating: true, count: r.count + 1)
        for c in clausesToBreak(text, r, needsWords: needsWords) {
            let w = wordBreak(text, c, article: article)
            for k in 0...c.count { isB[c.lowerBound - r.lowerBound + k] = w.isBoundary[k] }
        }
        return Sentence(range: r, isBoundary: isB, article: article)
    }

    public func wordBreak(_ text: NormalizedText, _ r: Range<Int>, article: Int) -> Sentence {
        let u = Self.utf16(text.scalars[r])
        var isB = [Bool](repeating: false, count: r.count + 1)
        for (off, _) in words.boundaries(utf16: u.units) { isB[u.scalar(off)] = true }
        return Sentence(range: r, isBoundary: isB, article: article)
    }
}
