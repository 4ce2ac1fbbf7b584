/// A sentence of the normalized text, with ICU word boundaries inside it.
public struct Sentence: Sendable {
    /// Range in `NormalizedText.scalars`.
    public let range: Range<Int>
    /// `boundaries[base + k]`: an ICU word boundary lies before scalar `range.lowerBound + k`.
    /// On the fast path all sentences of an issue share one array over the whole text (no
    /// copy per sentence), true wherever nothing was word-broken: there every position counts
    /// as a boundary, which no rule reads. ICU splits most personal names into single
    /// characters, so these are evidence for the tagger, not its answer.
    private let boundaries: [Bool]
    private let base: Int
    /// Is there a word boundary before scalar `range.lowerBound + k`? (Outside: yes.)
    @inline(__always) public func boundary(_ k: Int) -> Bool {
        k < 0 || k > range.count || boundaries[base + k]
    }
    /// The boundaries before each scalar and at the end (`range.count + 1` values).
    public var isBoundary: [Bool] { (0...range.count).map(boundary) }
    public let article: Int
    /// False when the fast path found no candidate word (post, trigger, predicate) in it:
    /// such a sentence can hold no person and no role, and the tagger only looks for dates
    /// and organizations there.
    public var mayHoldPersons = true

    /// `boundaries[base + k]` for k in `0...range.count` must exist.
    init(range: Range<Int>, boundaries: [Bool], base: Int, article: Int) {
        precondition(base >= 0 && base + range.count < boundaries.count)
        self.range = range; self.boundaries = boundaries; self.base = base; self.article = article
    }
}

/// Sentence and word breaking through the system ICU. One per worker thread.
public final class Segmenter {
    private let sentences: BreakIterator
    private let words: BreakIterator
    /// Attached by the pipeline when `chuxi bench` times the stages.
    var clock: StageClock?

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
            if v < 0x10000 {
                units.append(UInt16(v)); map.append(k)
            } else {
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
    public func sentences(
        in text: NormalizedText, paragraph r: Range<Int>, article: Int,
        words: WordBreaking = .full
    ) -> [Sentence] {
        segment(text, paragraphs: [(r, article)], words: words)[0]
    }

    /// Sentences of each paragraph, in order.
    ///
    /// `.full` (the reference) breaks paragraph by paragraph and sentence by sentence.
    /// `.candidates` makes one call into ICU for the sentences of the whole issue and one for
    /// all its candidate clauses, joined by line breaks: a line break ends every sentence
    /// and every word, so each piece is broken as if alone (`FastPathTests` checks it); and
    /// ICU's dictionary is used in one stretch, while it is in the CPU caches.
    public func segment(
        _ text: NormalizedText, paragraphs: [(range: Range<Int>, article: Int)],
        words: WordBreaking = .full
    ) -> [[Sentence]] {
        guard case .candidates(let needsWords) = words else {
            return paragraphs.map { p in
                sentenceRanges(text, p.range).map { wordBreak(text, $0, article: p.article) }
            }
        }
        // Sentences: one call over the text from the first paragraph to the last.
        let ranges = batchedSentenceRanges(text, paragraphs.map(\.range))
        // Candidate clauses of every sentence, broken in one call.
        var pieces: [Range<Int>] = []
        var clausesOf: [[Range<Int>]] = []
        clock.measure(.part(.candidates)) {
            for r in ranges.joined() {
                let c = clausesToBreak(text, r, needsWords: needsWords)
                clausesOf.append(c); pieces += c
            }
        }
        let isBoundary = clock.measure(.part(.wordBreak)) { boundaries(text, of: pieces) }
        var k = 0
        return zip(paragraphs, ranges).map { p, rs in
            rs.map { r in
                defer { k += 1 }
                var s = Sentence(range: r, boundaries: isBoundary, base: r.lowerBound, article: p.article)
                s.mayHoldPersons = !clausesOf[k].isEmpty
                return s
            }
        }
    }

    /// Sentence ranges of one paragraph.
    func sentenceRanges(_ text: NormalizedText, _ r: Range<Int>) -> [Range<Int>] {
        let u = Self.utf16(text.scalars[r])
        let b = clock.measure(.part(.sentenceBreak)) { sentences.offsets(utf16: u.units) }
        var out: [Range<Int>] = []
        for k in 1..<b.count {
            let s = r.lowerBound + u.scalar(Int(b[k - 1])), e = r.lowerBound + u.scalar(Int(b[k]))
            if s < e { out.append(s..<e) }
        }
        return out
    }

    /// Sentence ranges of each paragraph, from one call over the text that spans them
    /// (paragraphs are separated by line breaks, after which ICU always breaks).
    func batchedSentenceRanges(_ text: NormalizedText, _ paragraphs: [Range<Int>]) -> [[Range<Int>]] {
        guard let first = paragraphs.first?.lowerBound, let last = paragraphs.last?.upperBound, first < last else {
            return paragraphs.map { _ in [] }
        }
        let span = first..<last
        let u = Self.utf16(text.scalars[span])
        let b = clock.measure(.part(.sentenceBreak)) { sentences.offsets(utf16: u.units) }.map {
            first + u.scalar(Int($0))
        }
        var out: [[Range<Int>]] = []
        var k = 0
        for p in paragraphs {
            // The boundaries inside the paragraph, and its two ends.
            while k < b.count && b[k] <= p.lowerBound { k += 1 }
            var cuts = [p.lowerBound]
            while k < b.count && b[k] < p.upperBound { cuts.append(b[k]); k += 1 }
            cuts.append(p.upperBound)
            out.append((1..<cuts.count).compactMap { cuts[$0 - 1] < cuts[$0] ? cuts[$0 - 1]..<cuts[$0] : nil })
        }
        return out
    }

    /// ICU word boundaries inside `pieces` (sorted, disjoint ranges of the text), from one
    /// call over the pieces joined by line breaks; `result[i]` for each scalar `i` of the
    /// text, true outside the pieces (and at their ends).
    func boundaries(_ text: NormalizedText, of pieces: [Range<Int>]) -> [Bool] {
        var isB = [Bool](repeating: true, count: text.scalars.count + 1)
        guard !pieces.isEmpty else { return isB }
        for r in pieces { isB.withUnsafeMutableBufferPointer { b in for i in r { b[i] = false } } }
        var units: [UInt16] = [], scalarAt: [Int] = []
        let total = pieces.reduce(0) { $0 + $1.count }
        units.reserveCapacity(total + pieces.count); scalarAt.reserveCapacity(total + pieces.count + 1)
        for r in pieces {
            for i in r {
                let v = text.scalars[i].value
                if v < 0x10000 {
                    units.append(UInt16(v)); scalarAt.append(i)
                } else {
                    let w = v - 0x10000
                    units.append(UInt16(0xD800 + (w >> 10))); units.append(UInt16(0xDC00 + (w & 0x3FF)))
                    scalarAt.append(i); scalarAt.append(i)
                }
            }
            units.append(0x0A); scalarAt.append(r.upperBound)  // the separator stands for the piece's end
        }
        scalarAt.append(pieces.last!.upperBound)
        for off in words.offsets(utf16: units) { isB[scalarAt[Int(off)]] = true }
        return isB
    }

    static let clauseEnds = ScalarSet("，；：。！？".unicodeScalars)

    /// The clauses of `r` the fast path word-breaks; neighbours are merged into one range
    /// (one call into ICU: the punctuation between them ends a run all the same).
    public func clausesToBreak(_ text: NormalizedText, _ r: Range<Int>, needsWords: (Range<Int>) -> Bool) -> [Range<
        Int
    >] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        let ends = Self.clauseEnds
        for i in r where i + 1 == r.upperBound || ends.contains(text.scalars[i]) {
            let c = start..<(i + 1)
            start = i + 1
            guard needsWords(c) else { continue }
            if let last = out.last, last.upperBound == c.lowerBound {
                out[out.count - 1] = last.lowerBound..<c.upperBound
            } else {
                out.append(c)
            }
        }
        return out
    }

    public func wordBreak(_ text: NormalizedText, _ r: Range<Int>, article: Int) -> Sentence {
        let u = Self.utf16(text.scalars[r])
        var isB = [Bool](repeating: false, count: r.count + 1)
        for off in words.offsets(utf16: u.units) { isB[u.scalar(Int(off))] = true }
        return Sentence(range: r, boundaries: isB, base: 0, article: article)
    }
}
