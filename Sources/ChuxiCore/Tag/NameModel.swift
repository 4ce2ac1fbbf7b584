/// Person and organization names found anywhere in a sentence by character roles:
/// each character is outside a name or begins / continues / ends / alone makes a person or
/// organization name, and the roles of a sentence are read by Viterbi over the weights of
/// `rules/names.model` (characters in a window of five, character pairs, the surname table,
/// rule lexicons, role transitions). The table is made by `scripts/train-name-model.py`, whose
/// docstring says from what; it holds character statistics, never full names.
///
/// Weights are integers (hundredths) summed in `Int32`: the same sums on every machine. The
/// tables are laid out for the per-character path, which runs over every sentence: a small
/// character id table, unigram rows by id, and pair features in one open-addressed table whose
/// slot holds the key and the weights together (one cache line a lookup).
public final class NameModel: Sendable {
    public enum Kind: Sendable { case person, organization }
    public struct Found: Sendable, Equatable {
        public let range: Range<Int>
        public let kind: Kind
        /// Mean margin, per character, of the chosen roles over the best other role, in
        /// hundredths (for `explain`).
        public let confidence: Int
    }

    static let tagNames = ["O", "B-PER", "I-PER", "E-PER", "S-PER", "B-ORG", "I-ORG", "E-ORG", "S-ORG"]
    static let roles = tagNames.count
    /// Feature kinds; a key is (kind, first scalar, second scalar).
    static let kinds = [
        "bias", "u-2", "u-1", "u0", "u1", "u2", "b-1", "b0", "s0", "s0c", "b-2", "b1", "s-1", "s-2",
        "p-1", "q1", "x0", "p0", "t-2", "t-1", "t0", "t1", "t2", "tw3", "tw5", "g0", "g1", "g2"
    ]
    static let unigramKinds = 1...5
    static func isPair(_ kind: Int) -> Bool { bigramOffset[kind] != nil }
    /// A pair feature's place in its pair's four rows: the pair starting two before the
    /// character (b-2), one before (b-1), at it (b0), one after (b1).
    static let bigramOffset: [Int: Int] = [10: 0, 6: 1, 7: 2, 11: 3]
    /// Features keyed by one character but looked up in the pair table (they fire rarely).
    static func isKeyed(_ kind: Int) -> Bool { (25...27).contains(kind) }

    /// Character -> id (0: no unigram feature) for the BMP.
    private let charIDs: [UInt16]
    /// `unigrams[id * 5 + offset]`, offset 0...4 for u-2...u2: a character's five rows lie
    /// together, and the window slides over the same few characters.
    private let unigrams: [WeightRow]
    private let idCount: Int
    /// Weights of the features without a value (bias, flags), by kind.
    private let flags: [WeightRow]
    /// The pair features of the window (b-2, b-1, b0, b1), by character pair.
    private let bigrams: BigramTable
    /// The features keyed by one character that fire rarely (g0, g1, g2).
    private let pairs: PairTable
    private let transitions: [Int32]
    /// The roles each role may follow, flat: `predecessorList[predecessorStart[b]..<predecessorStart[b + 1]]`.
    private let predecessorList: [Int]
    private let predecessorStart: [Int]
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
        /// `names.rules transliteration`: at each offset of the window (`t-2`…`t2`), three or
        /// all five of the window (`tw3`, `tw5`).
        let transliteration: ScalarSet
    }

    /// An empty model finds nothing.
    public convenience init(context: Context) {
        self.init(
            keys: [], weights: [], transitions: [Int32](repeating: 0, count: Self.roles * Self.roles), context: context)
    }

    private init(keys: [(UInt64, Int)], weights w: [Int32], transitions: [Int32], context: Context) {
        let T = Self.roles
        var ids = [UInt16](repeating: 0, count: 0x10000), count = 1
        for (k, _) in keys where Self.unigramKinds.contains(Int(k >> 48) - 1) {
            let c = Int((k >> 24) & 0xFF_FFFF)
            if c < 0x10000, ids[c] == 0 { ids[c] = UInt16(count); count += 1 }
        }
        var uni = [WeightRow](repeating: WeightRow(), count: 5 * count),
            fl = [WeightRow](repeating: WeightRow(), count: Self.kinds.count)
        var pairKeys: [(UInt64, Int)] = [], bigramKeys: [(UInt64, Int, Int)] = []
        for (k, row) in keys {
            let kind = Int(k >> 48) - 1, c = Int((k >> 24) & 0xFF_FFFF)
            if Self.unigramKinds.contains(kind) {
                guard c < 0x10000 else { continue }  // beyond the BMP: too rare to matter
                uni[Int(ids[c]) * 5 + (kind - 1)] = WeightRow(w[(row * T)..<(row * T + T)])
            } else if let at = Self.bigramOffset[kind] {
                bigramKeys.append((k & 0xFFFF_FFFF_FFFF, at, row))
            } else if Self.isKeyed(kind) {
                pairKeys.append((k, row))
            } else {
                fl[kind] = WeightRow(w[(row * T)..<(row * T + T)])
            }
        }
        charIDs = ids; unigrams = uni; idCount = count; flags = fl
        pairs = PairTable(pairKeys, weights: w, roles: T)
        bigrams = BigramTable(bigramKeys, weights: w, roles: T)
        self.transitions = transitions
        let allowed = Self.allowedTransitions()
        let preds = (0..<T).map { b in (0..<T).filter { allowed[$0 * T + b] } }
        predecessorList = preds.flatMap { $0 }
        predecessorStart = preds.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        self.context = context; isEmpty = keys.isEmpty
    }

    /// Parses the model file; `file` names it in errors. Read as bytes: the file has about
    /// 100,000 lines and is loaded by every run.
    public convenience init(text: String, file: String, context: Context) throws {
        var parsed = ParsedModel()
        let bytes = Array(text.utf8)
        var lineNo = 0, pos = 0
        while pos < bytes.count {
            lineNo += 1
            var end = pos
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { pos = end + 1 }
            if end == pos || bytes[pos] == 0x23 { continue }  // empty, `#`
            let line = ModelLine(bytes: bytes, pos..<end, file: file, number: lineNo)
            if line.fields.isEmpty { continue }  // a blank line (CRLF files: `\r` alone)
            try parsed.read(line)
        }
        self.init(keys: parsed.keys, weights: parsed.weights, transitions: parsed.transitions, context: context)
    }

    /// One line of the model file split into fields at spaces.
    private struct ModelLine {
        let bytes: [UInt8]
        let fields: [Range<Int>]
        let file: String, number: Int

        init(bytes: [UInt8], _ r: Range<Int>, file: String, number: Int) {
            var fields: [Range<Int>] = [], i = r.lowerBound
            while i < r.upperBound {
                while i < r.upperBound && (bytes[i] == 0x20 || bytes[i] == 0x0D) { i += 1 }
                let f0 = i
                while i < r.upperBound && bytes[i] != 0x20 && bytes[i] != 0x0D { i += 1 }
                if i > f0 { fields.append(f0..<i) }
            }
            (self.bytes, self.fields, self.file, self.number) = (bytes, fields, file, number)
        }

        func str(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
        func int(_ r: Range<Int>) -> Int? {
            var v = 0, neg = false, k = r.lowerBound
            if k < r.upperBound && bytes[k] == 0x2D { neg = true; k += 1 }
            guard k < r.upperBound else { return nil }
            while k < r.upperBound {
                let d = Int(bytes[k]) - 48
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d; k += 1
            }
            return neg ? -v : v
        }
        func fail(_ why: String) -> RuleError { RuleError(file: file, line: number, reason: why) }
    }

    /// What the lines of the model file add up to: feature keys, their weight rows, transitions.
    private struct ParsedModel {
        var keys: [(UInt64, Int)] = [], weights: [Int32] = []
        var transitions = [Int32](repeating: 0, count: NameModel.roles * NameModel.roles)
        static let kindIDs = Dictionary(
            uniqueKeysWithValues: NameModel.kinds.enumerated().map { (Array($0.element.utf8), $0.offset) })

        mutating func read(_ l: ModelLine) throws {
            let T = NameModel.roles, fields = l.fields
            switch l.str(fields[0]) {
            case "tags":
                guard fields.dropFirst().map(l.str) == NameModel.tagNames else {
                    throw l.fail("roles must be \(NameModel.tagNames.joined(separator: " "))")
                }
            case "trans":
                guard fields.count == T + 2, let from = NameModel.tagNames.firstIndex(of: l.str(fields[1])) else {
                    throw l.fail("`trans ROLE` and \(T) weights")
                }
                for k in 0..<T {
                    guard let v = l.int(fields[k + 2]) else {
                        throw l.fail("weight `\(l.str(fields[k + 2]))` is not an integer")
                    }
                    transitions[from * T + k] = Int32(clamping: v)
                }
            case "f":
                guard fields.count >= 4, let kind = Self.kindIDs[Array(l.bytes[fields[1]])] else {
                    throw l.fail(
                        "`f KIND VALUE role:weight…` with KIND one of \(NameModel.kinds.joined(separator: " "))")
                }
                let value = Array(l.str(fields[2]).unicodeScalars)
                let pair = NameModel.isPair(kind)
                guard value.count == (pair ? 2 : 1) else {
                    throw l.fail("`\(l.str(fields[2]))` must be \(pair ? "two characters" : "one character")")
                }
                let row = weights.count / T
                weights += [Int32](repeating: 0, count: T)
                for f in fields.dropFirst(3) {
                    guard let colon = f.first(where: { l.bytes[$0] == 0x3A }), let r = l.int(f.lowerBound..<colon),
                        (0..<T).contains(r),
                        let v = l.int((colon + 1)..<f.upperBound)
                    else { throw l.fail("`\(l.str(f))` is not role:weight") }
                    weights[row * T + r] = Int32(clamping: v)
                }
                keys.append((NameModel.key(kind, value[0], pair ? value[1] : "\0"), row))
            default:
                throw l.fail("unknown line `\(l.str(fields[0]))` (tags, trans, f)")
            }
        }
    }

    @inline(__always) static func key(_ kind: Int, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(kind + 1) << 48 | UInt64(a.value) << 24 | UInt64(b.value)
    }

    /// BIES within one kind: a begun name goes on or ends; otherwise anything but inside/end.
    static func allowedTransitions() -> [Bool] {
        var ok = [Bool](repeating: false, count: roles * roles)
        for (a, ta) in tagNames.enumerated() {
            for (b, tb) in tagNames.enumerated() {
                let open = ta.hasPrefix("B") || ta.hasPrefix("I"), cont = tb.hasPrefix("I") || tb.hasPrefix("E")
                ok[a * roles + b] = open ? cont && ta.dropFirst(2) == tb.dropFirst(2) : !cont
            }
        }
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

    /// What the model reads in one sentence: its names, and each character's role weights
    /// (kept so that a later question about a span costs no second pass).
    public struct Reading: Sendable {
        public let names: [Found]
        let range: Range<Int>
        let emissions: [Int32]

        /// How much the model leans towards a person over outside on `span`: the mean, per
        /// character, of its best person role's weight minus its outside weight (hundredths;
        /// negative: the model reads no name there). 0 outside the sentence.
        public func personLean(_ span: Range<Int>) -> Int {
            guard !emissions.isEmpty, !span.isEmpty, range.contains(span.lowerBound),
                span.upperBound <= range.upperBound
            else { return 0 }
            let T = NameModel.roles
            var sum = 0
            for p in span {
                let k = (p - range.lowerBound) * T
                sum += Int((1...4).map { emissions[k + $0] }.max()!) - Int(emissions[k])
            }
            return sum / span.count
        }
    }

    /// Names in `s[r]`; the feature window looks past `r` up to the line's ends.
    public func find(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [Found] { read(s, r).names }

    /// The names of `s[r]` and the weights they were read from.
    public func read(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Reading {
        guard !isEmpty, !r.isEmpty else { return Reading(names: [], range: r, emissions: []) }
        let em = emissions(s, r)
        let path = viterbi(em, r.count)
        let T = Self.roles
        var out: [Found] = []
        var start = 0
        for i in 0..<r.count {
            let role = path[i], shape = Self.shape[role]
            if shape == .begin || shape == .single { start = i }
            guard shape == .end || shape == .single else { continue }
            var margin = 0
            for k in start...i {
                var best = Int32.min
                for t in 0..<T where t != path[k] { best = max(best, em[k * T + t]) }
                margin += Int(em[k * T + path[k]]) - Int(best)
            }
            out.append(
                Found(
                    range: (r.lowerBound + start)..<(r.lowerBound + i + 1),
                    kind: role <= 4 ? .person : .organization, confidence: margin / (i - start + 1)))
        }
        return Reading(names: out, range: r, emissions: em)
    }

    /// Each character's weight for each role: the sum of its features' weights.
    /// What `emissions` reads around a sentence, computed once before its loop: the window of
    /// keys, the bigram row of each pair, where posts end.
    struct EmissionWindow {
        /// The line around the sentence, at most two characters beyond it on each side.
        let lo: Int, hi: Int
        /// Cue words are matched up to the line's end (or far enough past the sentence).
        let lineEnd: Int
        /// Where the sentence's first character is in `keys`.
        let base: Int
        /// Keys of lo-2 ..< hi+2, `^`/`$` outside the line.
        let keys: [Unicode.Scalar]
        /// Each pair of the window is looked up once (its rows serve four characters): the row
        /// of the pair at keys[base - 2 + m], or -1.
        let pairRow: [Int32]
        /// A post ending at a character is matched once (it is `p0` of the one before).
        let postEnds: [Bool]

        @inline(__always) init(_ s: [Unicode.Scalar], _ r: Range<Int>, bigrams: BigramTable, posts: Lexicon) {
            let n = r.count
            var lo = r.lowerBound, hi = r.upperBound
            while lo > r.lowerBound - 2, lo > 0, s[lo - 1] != "\n" { lo -= 1 }
            while hi < r.upperBound + 2, hi < s.count, s[hi] != "\n" { hi += 1 }
            var lineEnd = r.upperBound
            while lineEnd < min(s.count, r.upperBound + 8), s[lineEnd] != "\n" { lineEnd += 1 }
            let base = r.lowerBound - lo + 2
            var keys = [Unicode.Scalar](repeating: "^", count: hi - lo + 4)
            for j in lo..<hi { keys[j - lo + 2] = NameModel.key(s[j]) }
            keys[hi - lo + 2] = "$"; keys[hi - lo + 3] = "$"
            let pairsFrom = base - 2, pairsTo = base + n + 1
            var pairRow = [Int32](repeating: -1, count: pairsTo - pairsFrom)
            for m in pairsFrom..<pairsTo { pairRow[m - pairsFrom] = bigrams.find(keys[m], keys[m + 1]) }
            var postEnds = [Bool](repeating: false, count: n + 1)
            for i in 0...n { postEnds[i] = posts.matchEnding(s, at: r.lowerBound + i) > 0 }
            (self.lo, self.hi, self.lineEnd, self.base, self.keys, self.pairRow, self.postEnds) = (
                lo, hi, lineEnd, base, keys, pairRow, postEnds
            )
        }
    }

    private func emissions(_ s: [Unicode.Scalar], _ r: Range<Int>) -> [Int32] {
        let T = Self.roles, n = r.count
        let w = EmissionWindow(s, r, bigrams: bigrams, posts: context.posts)
        let base = w.base, keys = w.keys, pairRow = w.pairRow
        var em = [Int32](repeating: 0, count: n * T)
        em.withUnsafeMutableBufferPointer { e in
            unigrams.withUnsafeBufferPointer { u in
                flags.withUnsafeBufferPointer { f in
                    charIDs.withUnsafeBufferPointer { cid in
                        bigrams.rows.withUnsafeBufferPointer { br in
                            for i in 0..<n {
                                // Summed in registers, written once.
                                var acc = WeightRow.Sum()
                                let j = base + i
                                acc.add(f[0])
                                for o in 0..<5 {
                                    let c = keys[j + o - 2].value
                                    if c < 0x10000 { let id = Int(cid[Int(c)]); if id != 0 { acc.add(u[id * 5 + o]) } }
                                }
                                for o in 0..<4 {
                                    let row = pairRow[i + o]
                                    if row >= 0 { acc.add(br[Int(row) * 4 + o]) }
                                }
                                addLexiconFeatures(&acc, f, s, r, w, i)
                                for t in 0..<8 { e[i * T + t] = acc.w[t] }
                                e[i * T + 8] = acc.last
                            }
                        }
                    }
                }
            }
        }
        return em
    }

    /// The features that test the rule lexicons (`Context`) at the sentence's `i`th character:
    /// surnames at and before it, posts ending around it, a cue after it, name stops,
    /// transliteration characters in the window.
    @inline(__always) private func addLexiconFeatures(
        _ acc: inout WeightRow.Sum, _ f: UnsafeBufferPointer<WeightRow>, _ s: [Unicode.Scalar], _ r: Range<Int>,
        _ w: EmissionWindow, _ i: Int
    ) {
        let ctx = context, lo = w.lo, hi = w.hi, keys = w.keys, j = w.base + i, p = r.lowerBound + i
        let c = s[p], sur = ctx.surnames
        if sur.single.contains(c) { acc.add(f[8]) }
        if p + 1 < r.upperBound, sur.compoundFirst.contains(c), sur.compound.contains(SurnameTable.pair(c, s[p + 1])) {
            acc.add(f[9])
        }
        if p - 1 >= lo, sur.single.contains(s[p - 1]) {
            acc.add(f[12]); pairs.add(Self.key(26, keys[j], "\0"), to: &acc)
        }
        if p - 2 >= lo, sur.single.contains(s[p - 2]) {
            acc.add(f[13]); pairs.add(Self.key(27, keys[j], "\0"), to: &acc)
        }
        if sur.single.contains(c), p + 1 < hi { pairs.add(Self.key(25, keys[j + 1], "\0"), to: &acc) }
        if w.postEnds[i] { acc.add(f[14]) }
        if p + 1 < w.lineEnd, ctx.cues.match(s, at: p + 1, limit: w.lineEnd) > 0 { acc.add(f[15]) }
        if ctx.stops.contains(c) { acc.add(f[16]) }
        if w.postEnds[i + 1] { acc.add(f[17]) }
        var inWindow = 0
        for o in 0..<5 where p + o - 2 >= lo && p + o - 2 < hi && ctx.transliteration.contains(s[p + o - 2]) {
            acc.add(f[18 + o]); inWindow += 1
        }
        if inWindow >= 3 { acc.add(f[23]) }
        if inWindow == 5 { acc.add(f[24]) }
    }

    enum Shape { case outside, begin, inside, end, single }
    static let shape: [Shape] = [.outside, .begin, .inside, .end, .single, .begin, .inside, .end, .single]

    private func viterbi(_ em: [Int32], _ n: Int) -> [Int] {
        let T = Self.roles
        let none = Int32.min / 2
        // Two rows of scores in one buffer, `cur` and `1 - cur` (no array swapped per character).
        var rows = [Int32](repeating: none, count: 2 * T)
        var back = [UInt8](repeating: 0, count: n * T)
        for t in 0..<T where Self.shape[t] != .inside && Self.shape[t] != .end { rows[t] = em[t] }
        var cur = 0
        em.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { tr in
                predecessorList.withUnsafeBufferPointer { pl in
                    predecessorStart.withUnsafeBufferPointer { ps in
                        back.withUnsafeMutableBufferPointer { bk in
                            rows.withUnsafeMutableBufferPointer { sc in
                                for i in 1..<max(n, 1) {
                                    let from = cur * T, to = (1 - cur) * T
                                    for b in 0..<T {
                                        var best = Int32.min, arg = 0
                                        for k in ps[b]..<ps[b + 1] {
                                            let a = pl[k]
                                            let v = sc[from + a] &+ tr[a * T + b]
                                            if v > best { best = v; arg = a }
                                        }
                                        sc[to + b] = max(best, none) &+ e[i * T + b]; bk[i * T + b] = UInt8(arg)
                                    }
                                    cur = 1 - cur
                                }
                            }
                        }
                    }
                }
            }
        }
        let score = Array(rows[(cur * T)..<(cur * T + T)])
        var last = 0, best = Int32.min
        for t in 0..<T where Self.shape[t] != .begin && Self.shape[t] != .inside && score[t] > best {
            best = score[t]; last = t
        }
        var path = [Int](repeating: 0, count: n)
        path[n - 1] = last
        var i = n - 1
        while i > 0 { path[i - 1] = Int(back[i * T + path[i]]); i -= 1 }
        return path
    }
}

/// Pair feature key -> its nine weights, by open addressing; a slot holds the key and the
/// weights together (32 bytes), so a lookup touches one cache line. No `Hasher` on this path.
struct PairTable: Sendable {
    struct Slot: Sendable { var key: UInt64 = 0; var row = WeightRow() }
    private let slots: [Slot]
    private let shift: UInt64
    /// One bit per hash of every key (64 KB, stays in cache): most pairs of a text are no
    /// feature, and the bit answers them without touching the table.
    private let filter: [UInt64]
    static let filterBits = 19

    init(_ keys: [(UInt64, Int)], weights: [Int32], roles: Int) {
        precondition(roles == 9, "a slot holds nine roles")
        var size = 2
        while size * 3 < keys.count * 4 { size *= 2 }  // load factor at most 3/4
        shift = UInt64(64 - size.trailingZeroBitCount)
        var s = [Slot](repeating: Slot(), count: size)
        var f = [UInt64](repeating: 0, count: (1 << Self.filterBits) / 64)
        for (key, row) in keys {
            var slot = PairIndex.slot(key, shift)
            while s[slot].key != 0 && s[slot].key != key { slot = (slot + 1) & (size - 1) }
            s[slot].key = key
            s[slot].row = WeightRow(weights[(row * roles)..<(row * roles + roles)])
            let b = Self.bit(key)
            f[b >> 6] |= 1 << UInt64(b & 63)
        }
        slots = s; filter = f
    }

    @inline(__always) static func bit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> UInt64(64 - filterBits))
    }

    @inline(__always) func add(_ key: UInt64, to acc: inout WeightRow.Sum) {
        let b = Self.bit(key)
        guard filter.withUnsafeBufferPointer({ $0[b >> 6] & (1 << UInt64(b & 63)) != 0 }) else { return }
        slots.withUnsafeBufferPointer { p in
            let mask = p.count - 1
            var slot = PairIndex.slot(key, shift)
            while true {
                let have = p[slot].key
                if have == key { acc.add(p[slot].row); return }
                if have == 0 { return }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// Character pair -> the index of its four rows (as b-2, b-1, b0, b1; a feature the model
/// lacks is a zero row). A slot is one `UInt64`: the pair in the high 42 bits, the index + 1
/// in the low 22, so the probe reads 8 bytes a slot (the table stays in the second-level cache).
struct BigramTable: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    let rows: [WeightRow]
    static let indexBits: UInt64 = 22

    /// `keys`: (pair key, row within the pair's four, weight row).
    init(_ keys: [(UInt64, Int, Int)], weights: [Int32], roles: Int) {
        var index: [UInt64: Int] = [:]
        for (k, _, _) in keys where index[k] == nil { index[k] = index.count }
        precondition(index.count < (1 << Self.indexBits) - 1, "too many character pairs")
        var r = [WeightRow](repeating: WeightRow(), count: index.count * 4)
        for (k, at, row) in keys { r[index[k]! * 4 + at] = WeightRow(weights[(row * roles)..<(row * roles + roles)]) }
        var size = 2
        while size * 3 < index.count * 4 { size *= 2 }
        shift = UInt64(64 - size.trailingZeroBitCount)
        var s = [UInt64](repeating: 0, count: size)
        for (k, i) in index {
            let pair = Self.pair(k)
            var slot = PairIndex.slot(pair, shift)
            while s[slot] != 0 { slot = (slot + 1) & (size - 1) }
            s[slot] = pair << Self.indexBits | UInt64(i + 1)
        }
        slots = s; rows = r
    }

    /// A model key's pair (two 21-bit scalars) as 42 bits.
    @inline(__always) static func pair(_ key: UInt64) -> UInt64 { ((key >> 24) & 0x1F_FFFF) << 21 | (key & 0x1F_FFFF) }

    /// The index of the pair's rows, or -1.
    @inline(__always) func find(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int32 {
        let pair = UInt64(a.value) << 21 | UInt64(b.value)
        return slots.withUnsafeBufferPointer { p in
            let mask = p.count - 1
            var slot = PairIndex.slot(pair, shift)
            while true {
                let have = p[slot]
                if have == 0 { return -1 }
                if have >> Self.indexBits == pair { return Int32(have & ((1 << Self.indexBits) - 1)) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// Nine role weights in hundredths, as `Int16` (16 + 2 bytes): eight in one vector, the ninth beside.
struct WeightRow: Sendable {
    var w = SIMD8<Int16>()
    var last: Int16 = 0
    init() {}
    init(_ ws: ArraySlice<Int32>) {
        precondition(ws.count == 9, "nine roles")
        for t in 0..<8 { w[t] = Int16(clamping: ws[ws.startIndex + t]) }
        last = Int16(clamping: ws[ws.startIndex + 8])
    }
    /// A running sum of rows, in `Int32`.
    struct Sum {
        var w = SIMD8<Int32>()
        var last: Int32 = 0
        @inline(__always) mutating func add(_ r: WeightRow) {
            w &+= SIMD8<Int32>(truncatingIfNeeded: r.w); last &+= Int32(r.last)
        }
    }
}
