/// Person and organization names found anywhere in a sentence by character roles:
/// each character is outside a name or begins / continues / ends / alone makes a person or
/// organization name, and the roles of a sentence are read by Viterbi over the weights of
/// `rules/names.model` (characters in a window of five, character pairs, the surname table,
/// role transitions). The table is made by `scripts/train-name-model.py`, whose docstring
/// says from what; it holds character statistics, never full names.
public final class NameModel: Sendable {
    public enum Kind: Sendable { case person, organization }
    public struct Found: Sendable, Equatable {
        public let range: Range<Int>
        public let kind: Kind
        /// Mean margin, per character, of the chosen roles over the best other role (for `explain`).
        public let confidence: Float
    }

    static let tagNames = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-ORG", "I-ORG", "E-ORG", "S-ORG"]
    static let roles = tagNames.count
    /// Feature kinds, in the order a position computes them.
    static let kinds = ["bias", "u-2", "u-1", "u0", "u1", "u2", "b-1", "b0", "s0", "s0c", "b-2", "b1", "s-1", "s-2",
                         "p-1", "q1", "x0", "p0"]

    /// Feature key (kind, first scalar, second scalar) -> row of `weights`.
    private let index: FeatureIndex
    private let weights: [Float]
    private let transitions: [Float]
    private let allowed: [Bool]
    private let context: Context
    public let isEmpty: Bool

    /// The rule lexicons some features test (the training script reads the same files).
    public struct Context: Sendable {
        let surnames: SurnameTable
        /// `titles.rules post`: a post ending just before a character (`p-1`) or at it (`p0`).
        let posts: Lexicon
        /// Role triggers and `names.rules predicate`: one starting just after (`q1`).
        let cues: Lexicon
        /// `names.rules stop` (`x0`).
        let stops: ScalarSet
    }

    /// An empty model finds nothing.
    public init(context: Context) {
        index = FeatureIndex([]); weights = []; transitions = [Float](repeating: 0, count: Self.roles * Self.roles)
        allowed = Self.allowedTransitions(); self.context = context; isEmpty = true
    }

    /// Parses the model file; `file` names it in errors.
    public init(text: String, file: String, context: Context) throws {
        let T = Self.roles
        var keys: [(UInt64, Int)] = [], w: [Float] = [], trans = [Float](repeating: 0, count: T * T)
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            func fail(_ why: String) -> RuleError { RuleError(file: file, line: lineNo, reason: why) }
            switch parts[0] {
            case "tags":
                guard parts.dropFirst().map(String.init) == Self.tagNames else { throw fail("roles must be \(Self.tagNames.joined(separator: " "))") }
            case "trans":
                guard parts.count == T + 2, let from = Self.tagNames.firstIndex(of: String(parts[1])) else { throw fail("`trans ROLE` and \(T) weights") }
                for k in 0..<T {
                    guard let v = Int(parts[k + 2]) else { throw fail("weight `\(parts[k + 2])` is not an integer") }
                    trans[from * T + k] = Float(v) / 100
                }
            case "f":
                guard parts.count >= 4, let kind = Self.kinds.firstIndex(of: String(parts[1])) else { throw fail("`f KIND VALUE role:weight…` with KIND one of \(Self.kinds.joined(separator: " "))") }
                let value = Array(parts[2].unicodeScalars)
                let pair = parts[1].hasPrefix("b") && parts[1] != "bias"
                guard value.count == (pair ? 2 : 1) else { throw fail("`\(parts[2])` must be \(pair ? "two characters" : "one character")") }
                var row = [Float](repeating: 0, count: T)
                for p in parts.dropFirst(3) {
                    let kv = p.split(separator: ":")
                    guard kv.count == 2, let r = Int(kv[0]), (0..<T).contains(r), let v = Int(kv[1]) else { throw fail("`\(p)` is not role:weight") }
                    row[r] = Float(v) / 100
                }
                let second: Unicode.Scalar = pair ? value[1] : "\0"
                keys.append((Self.key(kind, value[0], second), w.count / T))
                w += row
            default:
                throw fail("unknown line `\(parts[0])` (tags, trans, f)")
            }
        }
        index = FeatureIndex(keys); weights = w; transitions = trans
        allowed = Self.allowedTransitions(); self.context = context; isEmpty = keys.isEmpty
    }

    @inline(__always) static func key(_ kind: Int, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(kind + 1) << 48 | UInt64(a.value) << 24 | UInt64(b.value)
    }

    /// BIES within one kind: a begun name goes on or ends; otherwise anything but inside/end.
    static func allowedTransitions() -> [Bool] {
        var ok = [Bool](repeating: false, count: roles * roles)
        for (a, ta) in tagNames.enumerated() { for (b, tb) in tagNames.enumerated() {
            let open = ta.hasPrefix("B") || ta.hasPrefix("I"), cont = tb.hasPrefix("I") || tb.hasPrefix("E")
            ok[a * roles + b] = open ? cont && ta.dropFirst(2) == tb.dropFirst(2) : !cont
        } }
        return ok
    }

    /// The character as the features see it (the training script's `key`): digits are `0`,
    /// Latin letters `A`, white space `␣`, half-width sentence punctuation its full-width form.
    @inline(__always) static func key(_ c: Unicode.Scalar) -> Unicode.Scalar {
        let h = WidthFolding.toHalfWidth(c)
        switch h.value {
        case 0x30...0x39: return "0"
        case 0x41...0x5A, 0x61...0x7A: return "A"
        case 0x20, 0x09, 0x0A, 0x0D: return "\u{2423}"
        default: return WidthFolding.fullWidthPunctuation(h) ?? h
        }
    }

    /// Names in `s[r]`; the feature window looks past `r` up to the line's ends.
    public func find(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [Found] {
        guard !isEmpty, !r.isEmpty else { return [] }
        let T = Self.roles, n = r.count
        var lo = r.lowerBound, hi = r.upperBound
        while lo > r.lowerBound - 2, lo > 0, s[lo - 1] != "\n" { lo -= 1 }
        while hi < r.upperBound + 2, hi < s.count, s[hi] != "\n" { hi += 1 }
        let keys = (lo..<hi).map { Self.key(s[$0]) }
        // Cue words are matched up to the line's end (or far enough past the sentence).
        var lineEnd = r.upperBound
        while lineEnd < min(s.count, r.upperBound + 8), s[lineEnd] != "\n" { lineEnd += 1 }
        let base = r.lowerBound - lo
        var em = [Float](repeating: 0, count: n * T)
        let caret: Unicode.Scalar = "^", dollar: Unicode.Scalar = "$"
        weights.withUnsafeBufferPointer { w in
            func add(_ k: UInt64, _ i: Int) {
                guard let row = index.row(k) else { return }
                for t in 0..<T { em[i * T + t] += w[row * T + t] }
            }
            func at(_ j: Int) -> Unicode.Scalar { j < 0 ? caret : j >= keys.count ? dollar : keys[j] }
            for i in 0..<n {
                let j = base + i
                add(Self.key(0, "-", "\0"), i)
                for (o, kind) in [(-2, 1), (-1, 2), (0, 3), (1, 4), (2, 5)] { add(Self.key(kind, at(j + o), "\0"), i) }
                add(Self.key(6, at(j - 1), at(j)), i)
                add(Self.key(7, at(j), at(j + 1)), i)
                add(Self.key(10, at(j - 2), at(j - 1)), i)
                add(Self.key(11, at(j + 1), at(j + 2)), i)
                let p = r.lowerBound + i
                let sur = context.surnames
                let sl = sur.surnameLength(s[p..<r.upperBound], at: p)
                if sl >= 1, sur.single.contains(s[p]) { add(Self.key(8, "-", "\0"), i) }
                if sl == 2 { add(Self.key(9, "-", "\0"), i) }
                if p - 1 >= lo, sur.single.contains(s[p - 1]) { add(Self.key(12, "-", "\0"), i) }
                if p - 2 >= lo, sur.single.contains(s[p - 2]) { add(Self.key(13, "-", "\0"), i) }
                if context.posts.matchEnding(s, at: p) > 0 { add(Self.key(14, "-", "\0"), i) }
                if p + 1 < lineEnd, context.cues.match(s, at: p + 1, limit: lineEnd) > 0 { add(Self.key(15, "-", "\0"), i) }
                if context.stops.contains(s[p]) { add(Self.key(16, "-", "\0"), i) }
                if context.posts.matchEnding(s, at: p + 1) > 0 { add(Self.key(17, "-", "\0"), i) }
            }
        }
        let roles = viterbi(em, n)
        var out: [Found] = []
        var start = 0
        for i in 0..<n {
            let tag = Self.tagNames[roles[i]]
            if tag.hasPrefix("B") { start = i }
            if tag.hasPrefix("S") { start = i }
            if tag.hasPrefix("E") || tag.hasPrefix("S") {
                var margin: Float = 0
                for k in start...i {
                    let chosen = em[k * T + roles[k]]
                    var best = -Float.infinity
                    for t in 0..<T where t != roles[k] { best = max(best, em[k * T + t]) }
                    margin += chosen - best
                }
                out.append(Found(range: (r.lowerBound + start)..<(r.lowerBound + i + 1),
                                 kind: tag.hasSuffix("PER") ? .person : .organization, confidence: margin / Float(i - start + 1)))
            }
        }
        return out
    }

    private func viterbi(_ em: [Float], _ n: Int) -> [Int] {
        let T = Self.roles
        var score = [Float](repeating: -.infinity, count: T), next = score
        var back = [UInt8](repeating: 0, count: n * T)
        for t in 0..<T where !Self.tagNames[t].hasPrefix("I") && !Self.tagNames[t].hasPrefix("E") { score[t] = em[t] }
        for i in 1..<max(n, 1) {
            for b in 0..<T {
                var best = -Float.infinity, arg = 0
                for a in 0..<T where allowed[a * T + b] {
                    let v = score[a] + transitions[a * T + b]
                    if v > best { best = v; arg = a }
                }
                next[b] = best + em[i * T + b]; back[i * T + b] = UInt8(arg)
            }
            swap(&score, &next)
        }
        var last = 0, best = -Float.infinity
        for t in 0..<T where !Self.tagNames[t].hasPrefix("B") && !Self.tagNames[t].hasPrefix("I") && score[t] > best { best = score[t]; last = t }
        var path = [Int](repeating: 0, count: n)
        path[n - 1] = last
        var i = n - 1
        while i > 0 { path[i - 1] = Int(back[i * T + path[i]]); i -= 1 }
        return path
    }
}

/// Feature key -> row, by open addressing (no `Hasher` on the per-character path).
struct FeatureIndex: Sendable {
    private let keys: [UInt64]
    private let rows: [Int32]
    private let shift: UInt64

    init(_ pairs: [(UInt64, Int)]) {
        var size = 2
        while size < pairs.count * 2 { size *= 2 }
        shift = UInt64(64 - size.trailingZeroBitCount)
        var k = [UInt64](repeating: 0, count: size), r = [Int32](repeating: -1, count: size)
        for (key, row) in pairs {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while k[slot] != 0 && k[slot] != key { slot = (slot + 1) & (size - 1) }
            k[slot] = key; r[slot] = Int32(row)
        }
        keys = k; rows = r
    }

    @inline(__always) func row(_ key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let have = keys[slot]
            if have == key { return Int(rows[slot]) }
            if have == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }
}
