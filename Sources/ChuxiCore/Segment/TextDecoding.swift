import Foundation
import CICUShim

/// Decoding of input bytes: UTF-8 (BOM optional), UTF-16 with BOM, GB18030/GBK through
/// ICU's converters. Binary input (NUL bytes) and undecodable bytes are errors that name
/// the file and the byte offset.
public enum TextDecoding {
    public static func decode(_ data: Data, path: String, forced: String? = nil) throws -> String {
        if data.isEmpty { throw InputError(path: path, reason: "empty file") }
        if forced == nil, let s = utf8FastPath(data) { return s }
        let bytes = [UInt8](data)
        if let f = forced { return try icu(bytes, charset: f, path: path) }
        if bytes.starts(with: [0xFF, 0xFE]) { return try icu(Array(bytes.dropFirst(2)), charset: "UTF-16LE", path: path) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try icu(Array(bytes.dropFirst(2)), charset: "UTF-16BE", path: path) }
        if let nul = bytes.firstIndex(of: 0) { throw InputError(path: path, reason: "binary file (NUL byte at offset \(nul))") }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let s = String(validating: body, as: UTF8.self) { return s }
        // Not UTF-8: try GB18030 (a superset of GBK and GB2312), the encoding of old Chinese systems.
        do { return try icu(body, charset: "GB18030", path: path) } catch {
            let bad = firstInvalidUTF8(body)
            throw InputError(path: path, reason: "neither UTF-8 (invalid byte at offset \(bad + (body.count < bytes.count ? 3 : 0))) nor GB18030; use --encoding")
        }
    }

    /// The encoding of a file from its first block (a file read in pieces): the charset for
    /// ICU and how many bytes of byte-order mark to skip. The same order of choices as
    /// `decode`: forced, UTF-16 BOM, NUL = binary, UTF-8 (BOM optional), else GB18030.
    public static func detect(_ head: [UInt8], path: String, forced: String?) throws -> (charset: String, skip: Int) {
        if let f = forced { return (f, 0) }
        if head.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if head.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        if let nul = head.firstIndex(of: 0) { throw InputError(path: path, reason: "binary file (NUL byte at offset \(nul))") }
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        // The block may end inside a character: valid UTF-8 up to its last 3 bytes will do.
        for cut in 0...min(3, head.count) where String(validating: head[..<(head.count - cut)], as: UTF8.self) != nil {
            return ("UTF-8", 0)
        }
        return ("GB18030", 0)
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
                    if b == 0 && !allowNUL { valid = false; break }   // binary
                    v = UInt32(b); i += 1
                } else if b & 0xF0 == 0xE0 {   // most of Chinese text
                    guard i + 2 < n, isCont(i + 1), isCont(i + 2) else { valid = false; break }
                    v = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    guard v >= 0x800, v & 0xF800 != 0xD800 else { valid = false; break }   // overlong, surrogate
                    i += 3
                } else if b >= 0xC2 && b < 0xE0 {
                    guard i + 1 < n, isCont(i + 1) else { valid = false; break }
                    v = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); i += 2
                } else if b >= 0xF0 && b < 0xF5 {
                    guard i + 3 < n, isCont(i + 1), isCont(i + 2), isCont(i + 3) else { valid = false; break }
                    v = UInt32(b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
                    guard (0x10000...0x10FFFF).contains(v) else { valid = false; break }
                    i += 4
                } else { valid = false; break }
                (o + k).initialize(to: Unicode.Scalar(v).unsafelyUnwrapped); k += 1   // valid, checked above
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
            if err == 15 { cap = n + 16; continue } // U_BUFFER_OVERFLOW_ERROR
            if err > 0 {
                if bad >= 0 { throw InputError(path: path, reason: "cannot decode as \(charset): invalid byte at offset \(bad)") }
                throw InputError(path: path, reason: "cannot decode as \(charset): \(String(cString: cicu_error_name(err)))")
            }
            let s = String(decoding: out[0..<Int(n)], as: UTF16.self)
            if s.unicodeScalars.contains("\u{0}") { throw InputError(path: path, reason: "binary file (NUL character)") }
            return s
        }
        throw InputError(path: path, reason: "cannot decode as \(charset)")
    }
}
