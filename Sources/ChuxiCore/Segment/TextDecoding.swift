import Foundation
import CICUShim

/// Decoding of input bytes: UTF-8 (BOM optional), UTF-16 with BOM, GB18030/GBK or Big5
/// through ICU's converters. Binary input (NUL bytes) and undecodable bytes are errors that
/// name the file and the byte offset.
public enum TextDecoding {
    public static func decode(_ data: Data, path: String, forced: String? = nil) throws -> String {
        if data.isEmpty { throw InputError(path: path, reason: "empty file") }
        if forced == nil, let s = utf8FastPath(data) { return s }
        let bytes = [UInt8](data)
        if let f = forced {
            guard isKnownEncoding(f) else { throw InputError(path: path, reason: unknownEncoding(f)) }
            return try icu(bytes, charset: f, path: path)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try icu(Array(bytes.dropFirst(2)), charset: "UTF-16LE", path: path)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try icu(Array(bytes.dropFirst(2)), charset: "UTF-16BE", path: path)
        }
        if let nul = bytes.firstIndex(of: 0) { throw InputError(path: path, reason: binaryReason(bytes, nul: nul)) }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let s = String(validating: body, as: UTF8.self) { return s }
        // Not UTF-8: GB18030 (a superset of GBK and GB2312) or Big5 (Hong Kong and Taiwan
        // papers). Big5 bytes are mostly valid GB18030 too (and the reverse), so both are
        // decoded and the one whose text is made of common characters wins.
        let gb = try? icu(body, charset: "GB18030", path: path)
        let big5 = try? icu(body, charset: "Big5", path: path)
        switch (gb, big5) {
        case let (g?, b?): return commonShare(b) > commonShare(g) ? b : g
        case let (g?, nil): return g
        case let (nil, b?): return b
        case (nil, nil):
            let bad = firstInvalidUTF8(body)
            throw InputError(
                path: path,
                reason:
                    "neither UTF-8 (invalid byte at offset \(bad + (body.count < bytes.count ? 3 : 0))) nor GB18030 nor Big5; use --encoding"
            )
        }
    }

    /// The legacy Chinese charset of bytes that are not UTF-8: "Big5" when they read as Big5
    /// text of more common characters than as GB18030, else "GB18030". `head` may end inside
    /// a character (the first block of a large file).
    public static func legacyCharset(_ head: [UInt8]) -> String {
        let sample = Array(head.prefix(1 << 18))
        func attempt(_ charset: String) -> String? {
            for cut in 0...min(3, sample.count) {
                if let s = try? icu(Array(sample[..<(sample.count - cut)]), charset: charset, path: "") { return s }
            }
            return nil
        }
        let g = attempt("GB18030"), b = attempt("Big5")
        if let b = b, g == nil || commonShare(b) > commonShare(g!) { return "Big5" }
        return "GB18030"
    }

    /// NUL bytes: binary, unless they look like UTF-16 without a byte-order mark (NUL in
    /// every other byte), which needs `--encoding`.
    static func binaryReason(_ b: [UInt8], nul: Int) -> String {
        let n = min(b.count, 4096) & ~1
        var even = 0, odd = 0
        var i = 0
        while i < n { if b[i] == 0 { even += 1 }; if b[i + 1] == 0 { odd += 1 }; i += 2 }
        let pairs = max(n / 2, 1)
        // ASCII and Latin text in UTF-16 has a NUL in one byte of nearly every pair; Chinese
        // text has a NUL only after ASCII (a line break): NULs in one position of the pairs
        // only, or a text of common characters once decoded, is the sign.
        for (order, count) in [("LE", odd), ("BE", even)] where n >= 4 && count > 0 {
            let onePosition = (even == 0) != (odd == 0) && count * 8 >= pairs
            if onePosition
                || (try? icu(Array(b.prefix(n)), charset: "UTF-16" + order, path: "")).map({ commonShare($0) > 0.5 })
                    == true
            {
                return
                    "binary file (NUL byte at offset \(nul)); it looks like UTF-16\(order) without a byte-order mark: try --encoding UTF-16\(order)"
            }
        }
        return "binary file (NUL byte at offset \(nul))"
    }

    /// The share of a text's non-ASCII, non-space scalars that are common: the 3,755
    /// characters of GB2312 level 1, the 5,401 of Big5 level 1, CJK punctuation and full-width
    /// forms. Text decoded with the wrong charset is mostly rare characters, symbols, kana and
    /// private-use code points.
    static func commonShare(_ s: String) -> Double {
        var n = 0, c = 0
        for u in s.unicodeScalars.prefix(200_000) where u.value >= 0x80 && !u.properties.isWhitespace {
            n += 1
            let v = u.value
            if (0x3000...0x303F).contains(v) || (0xFF01...0xFF5E).contains(v)
                || (v < 0x10000 && commonCharacters.contains(Int(v)))
            {
                c += 1
            }
        }
        return n == 0 ? 0 : Double(c) / Double(n)
    }

    /// A bitmap over the BMP of GB2312 level 1 (rows B0-D7) and Big5 level 1 (A440-C67E),
    /// made once by decoding those byte pairs.
    static let commonCharacters: CharacterBitmap = {
        var m = CharacterBitmap()
        func add(_ charset: String, leads: ClosedRange<UInt8>, trails: [ClosedRange<UInt8>], last: UInt16? = nil) {
            for lead in leads {
                var row: [UInt8] = []
                for t in trails {
                    for trail in t where last.map({ UInt16(lead) << 8 | UInt16(trail) <= $0 }) ?? true {
                        row += [lead, trail]
                    }
                }
                // A row that does not decode whole is taken pair by pair.
                if let s = try? icu(row, charset: charset, path: "") {
                    for u in s.unicodeScalars where (0x4E00...0x9FFF).contains(u.value) { m.insert(Int(u.value)) };
                    continue
                }
                var k = 0
                while k + 1 < row.count {
                    if let s = try? icu([row[k], row[k + 1]], charset: charset, path: "") {
                        for u in s.unicodeScalars where (0x4E00...0x9FFF).contains(u.value) { m.insert(Int(u.value)) }
                    }
                    k += 2
                }
            }
        }
        add("GB18030", leads: 0xB0...0xD7, trails: [0xA1...0xFE])
        add("Big5", leads: 0xA4...0xC6, trails: [0x40...0x7E, 0xA1...0xFE], last: 0xC67E)
        return m
    }()

    struct CharacterBitmap {
        var bits = [UInt64](repeating: 0, count: 1024)
        mutating func insert(_ v: Int) { bits[v >> 6] |= 1 << UInt64(v & 63) }
        func contains(_ v: Int) -> Bool { bits[v >> 6] & (1 << UInt64(v & 63)) != 0 }
    }

    /// The encoding of a file from its first block (a file read in pieces): the charset for
    /// ICU and how many bytes of byte-order mark to skip. The same order of choices as
    /// `decode`: forced, UTF-16 BOM, NUL = binary, UTF-8 (BOM optional), else GB18030.
    public static func detect(_ head: [UInt8], path: String, forced: String?) throws -> (charset: String, skip: Int) {
        if let f = forced { return (f, 0) }
        if head.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if head.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if let nul = head.firstIndex(of: 0) { throw InputError(path: path, reason: binaryReason(head, nul: nul)) }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        // The block may end inside a character: valid UTF-8 up to its last 3 bytes will do.
        for cut in 0...min(3, head.count) where String(validating: head[..<(head.count - cut)], as: UTF8.self) != nil {
            return ("UTF-8", 0)
        }
        return (legacyCharset(head), 0)
    }

    /// Most files: UTF-8 without NUL and without a UTF-16 BOM, validated in place (no copy);
    /// nil sends the file down the full path, which also names what is wrong.
    static func utf8FastPath(_ data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            var b = raw.bindMemory(to: UInt8.self)[...]
            if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return nil }
            if memchr(raw.baseAddress!, 0, raw.count) != nil { return nil }
            if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
            return String(validating: UnsafeBufferPointer(rebasing: b), as: UTF8.self)
        }
    }

    /// Most files, straight to scalars: UTF-8 (BOM optional) without NUL and without a UTF-16
    /// BOM, validated while it is decoded (no String in between). Nil sends the file down `decode`,
    /// which also names what is wrong.
    public static func utf8Scalars(_ data: Data) -> [Unicode.Scalar]? {
        data.withUnsafeBytes { raw -> [Unicode.Scalar]? in
            let u = raw.bindMemory(to: UInt8.self)
            if u.count >= 2 && (u[0] == 0xFF && u[1] == 0xFE || u[0] == 0xFE && u[1] == 0xFF) { return nil }
            let bom = u.count >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF
            return u.isEmpty ? nil : scalars(utf8: UnsafeBufferPointer(rebasing: u[(bom ? 3 : 0)...]), allowNUL: false)
        }
    }

    /// UTF-8 bytes to scalars in one pass, validated on the way (overlongs, surrogates and
    /// truncated sequences give nil; so does NUL unless allowed).
    static func scalars(utf8 u: UnsafeBufferPointer<UInt8>, allowNUL: Bool) -> [Unicode.Scalar]? {
        let n = u.count
        guard n > 0, let p = u.baseAddress else { return [] }
        var valid = true
        // Written in place, through pointers: this runs over every byte of an archive.
        let out = [Unicode.Scalar](unsafeUninitializedCapacity: n) { buf, count in
            let o = buf.baseAddress!
            var i = 0, k = 0
            @inline(__always) func isCont(_ j: Int) -> Bool { p[j] & 0xC0 == 0x80 }
            while i < n {
                let b = p[i]
                var v: UInt32
                if b < 0x80 {
                    if b == 0 && !allowNUL { valid = false; break }  // binary
                    v = UInt32(b); i += 1
                } else if b & 0xF0 == 0xE0 {  // most of Chinese text
                    guard i + 2 < n, isCont(i + 1), isCont(i + 2) else { valid = false; break }
                    v = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    guard v >= 0x800, v & 0xF800 != 0xD800 else { valid = false; break }  // overlong, surrogate
                    i += 3
                } else if b >= 0xC2 && b < 0xE0 {
                    guard i + 1 < n, isCont(i + 1) else { valid = false; break }
                    v = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); i += 2
                } else if b >= 0xF0 && b < 0xF5 {
                    guard i + 3 < n, isCont(i + 1), isCont(i + 2), isCont(i + 3) else { valid = false; break }
                    v =
                        UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6
                        | UInt32(p[i + 3] & 0x3F)
                    guard (0x10000...0x10FFFF).contains(v) else { valid = false; break }
                    i += 4
                } else {
                    valid = false; break
                }
                (o + k).initialize(to: Unicode.Scalar(v).unsafelyUnwrapped); k += 1  // valid, checked above
            }
            count = k
        }
        return valid ? out : nil
    }

    /// Byte offset of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int {
        var it = b.makeIterator(), parser = Unicode.UTF8.ForwardParser(), offset = 0
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let s): offset += s.count
            case .emptyInput: return b.count
            case .error: return offset
            }
        }
    }

    /// Does ICU have a converter of this name (`GB18030`, `gbk`, `Big5`, `UTF-16LE`, …)?
    public static func isKnownEncoding(_ name: String) -> Bool {
        var err: Int32 = 0
        guard !name.isEmpty, let c = cicu_conv_open(name, &err) else { return false }
        cicu_conv_close(c)
        return err <= 0
    }

    /// What to say of an encoding name ICU does not know.
    public static func unknownEncoding(_ name: String) -> String {
        "unknown encoding \(name.debugDescription): try UTF-8, GB18030 (also for GBK and GB2312), Big5, Big5-HKSCS, UTF-16LE or UTF-16BE"
    }

    static func icu(_ bytes: [UInt8], charset: String, path: String) throws -> String {
        var cap = Int32(bytes.count + 16)
        for _ in 0..<2 {
            var out = [UInt16](repeating: 0, count: Int(cap))
            var bad: Int32 = -1, err: Int32 = 0
            let n = bytes.withUnsafeBufferPointer { src in
                src.withMemoryRebound(to: CChar.self) { s in
                    cicu_decode(charset, s.baseAddress, Int32(bytes.count), &out, cap, &bad, &err)
                }
            }
            if err == 15 { cap = n + 16; continue }  // U_BUFFER_OVERFLOW_ERROR
            if err > 0 {
                if bad >= 0 {
                    throw InputError(path: path, reason: "cannot decode as \(charset): invalid byte at offset \(bad)")
                }
                throw InputError(
                    path: path, reason: "cannot decode as \(charset): \(String(cString: cicu_error_name(err)))")
            }
            let s = String(decoding: out[0..<Int(n)], as: UTF16.self)
            if s.unicodeScalars.contains("\u{0}") {
                throw InputError(path: path, reason: "binary file (NUL character)")
            }
            return s
        }
        throw InputError(path: path, reason: "cannot decode as \(charset)")
    }
}
