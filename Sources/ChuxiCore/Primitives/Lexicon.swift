/// A set of words matched on scalars: longest match starting or ending at a position.
/// The words sit in one flat buffer, indexed by their first two (last two) scalars through
/// a hash-free table, so that probing every position of a text allocates, hashes and
/// reference-counts nothing and compares only the few words sharing that pair (this is on
/// the hot path of the segmenter and the tagger).
public final class Lexicon: Sendable {
    private let words: Set<[Unicode.Scalar]>
    /// All words, longest first, one after another; `starts[k]..<starts[k + 1]` is word k.
    private let flat: [Unicode.Scalar]
    private let starts: [Int]
    /// Words of two scalars or more by their first (last) pair, longest first.
    private let byHead: PairIndex, byTail: PairIndex
    private let firsts: ScalarSet, lasts: ScalarSet
    private let singles: ScalarSet

    public init(_ list: [String]) {
        words = Set(list.filter { !$0.isEmpty }.map { Array($0.unicodeScalars) })
        let sorted = words.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) })
        flat = sorted.flatMap { $0 }
        var starts = [0]
        for w in sorted { starts.append(starts.last! + w.count) }
        self.starts = starts
        firsts = ScalarSet(sorted.map { $0[0] }); lasts = ScalarSet(sorted.map { $0[$0.count - 1] })
        singles = ScalarSet(sorted.filter { $0.count == 1 }.map { $0[0] })
        let long = sorted.indices.filter { sorted[$0].count >= 2 }
        byHead = PairIndex(long.map { (PairIndex.key(sorted[$0][0], sorted[$0][1]), $0) })
        byTail = PairIndex(
            long.map {
                let w = sorted[$0]; return (PairIndex.key(w[w.count - 2], w[w.count - 1]), $0)
            })
    }
    public var isEmpty: Bool { words.isEmpty }
    public func contains(_ w: String) -> Bool { words.contains(Array(w.unicodeScalars)) }
    public func contains(_ w: ArraySlice<Unicode.Scalar>) -> Bool { words.contains(Array(w)) }

    /// Could a word of this lexicon start with `c`? (One bit test, before a call per scalar.)
    @inline(__always) public func mayStart(with c: Unicode.Scalar) -> Bool { firsts.contains(c) }
    /// The scalars a word may start with.
    public var firstScalars: ScalarSet { firsts }

    /// Length of the longest word starting at `i` and ending at or before `limit`.
    /// The common answer, no word starts with this scalar, is inlined at the call site.
    @inline(__always) public func match(_ s: [Unicode.Scalar], at i: Int, limit: Int? = nil) -> Int {
        guard i >= 0, i < s.count, firsts.contains(s[i]) else { return 0 }
        return matchStarting(s, at: i, limit: limit)
    }

    @inline(never) func matchStarting(_ s: [Unicode.Scalar], at i: Int, limit: Int?) -> Int {
        let end = min(limit ?? s.count, s.count)
        guard i < end else { return 0 }
        if i + 1 < end {
            let group = byHead.entries(PairIndex.key(s[i], s[i + 1]))
            if !group.isEmpty {
                let n = flat.withUnsafeBufferPointer { f in
                    s.withUnsafeBufferPointer { t -> Int in
                        for k in group {
                            let a = starts[k], n = starts[k + 1] - a
                            guard i + n <= end else { continue }
                            var j = 2
                            while j < n && t[i + j] == f[a + j] { j += 1 }
                            if j == n { return n }
                        }
                        return 0
                    }
                }
                if n > 0 { return n }
            }
        }
        return singles.contains(s[i]) ? 1 : 0
    }

    /// Length of the longest word ending at `e` (exclusive) and starting at or after `floor`.
    @inline(__always) public func matchEnding(_ s: [Unicode.Scalar], at e: Int, floor: Int = 0) -> Int {
        guard e > 0, e <= s.count, e - 1 >= floor, lasts.contains(s[e - 1]) else { return 0 }
        return matchEndingAt(s, at: e, floor: floor)
    }

    @inline(never) func matchEndingAt(_ s: [Unicode.Scalar], at e: Int, floor: Int) -> Int {
        if e - 2 >= floor {
            let group = byTail.entries(PairIndex.key(s[e - 2], s[e - 1]))
            if !group.isEmpty {
                let n = flat.withUnsafeBufferPointer { f in
                    s.withUnsafeBufferPointer { t -> Int in
                        for k in group {
                            let a = starts[k], n = starts[k + 1] - a, b = e - n
                            guard b >= floor else { continue }
                            var j = 0
                            while j < n - 2 && t[b + j] == f[a + j] { j += 1 }
                            if j == n - 2 { return n }
                        }
                        return 0
                    }
                }
                if n > 0 { return n }
            }
        }
        return singles.contains(s[e - 1]) ? 1 : 0
    }
}
