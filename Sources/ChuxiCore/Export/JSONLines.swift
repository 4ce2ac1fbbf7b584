import Foundation

/// JSON lines in and out, for `chuxi extract --jsonl -` as a Spark `RDD.pipe()` stage or a
/// Hadoop Streaming mapper: one issue per input line (`{"path": …, "text": …, "date": …}`),
/// one record per output line (the contract's attendance fields, plus `"type"`).
public enum JSONLines {
    /// One input line: the text straight as scalars (never a String of the whole line, nor
    /// Foundation's JSONDecoder, whose memory grew faster than the line), its size in UTF-8
    /// bytes (what decides, as for a file, whether it is run in pieces), and the date as given.
    public struct IssueLine {
        public var path = ""
        public var text: [Unicode.Scalar] = []
        public var textBytes = 0
        public var date: String? = nil
    }

    /// Why a line cannot be read, with the byte of the line where it went wrong; `path`
    /// when the line got as far as naming its file.
    public struct LineError: Error, CustomStringConvertible {
        public let reason: String
        public let offset: Int?
        public var path: String?
        public var description: String { reason + (offset.map { " at byte \($0) of the line" } ?? "") }
    }

    /// Parses `{"path": …, "text": …, "date": …}` (other keys skipped, `date` optional or
    /// null), validated as a file is: UTF-8 that is not valid (a bad byte is never replaced),
    /// a NUL, an empty text, a lone surrogate escape, a key given twice, a value of the wrong
    /// type, and anything after the object are errors; so is a date that is not a day of the
    /// calendar. Memory: the scalars of the text, nothing per byte beyond them.
    public static func parseIssue(_ bytes: UnsafeBufferPointer<UInt8>) throws -> IssueLine {
        var p = LineParser(b: bytes)
        var line = IssueLine()
        var seen = Set<String>()
        do {
            p.skipSpace()
            try p.expect(UInt8(ascii: "{"))
            p.skipSpace()
            if p.peek == UInt8(ascii: "}") {
                p.i += 1
            } else {
                while true {
                    p.skipSpace()
                    var keyScalars: [Unicode.Scalar] = []
                    guard p.peek == UInt8(ascii: "\"") else { throw p.fail("a key (a string) expected") }
                    try p.string(into: &keyScalars)
                    let key = String(String.UnicodeScalarView(keyScalars))
                    guard seen.insert(key).inserted else { throw p.fail("key \"\(key)\" given twice") }
                    p.skipSpace(); try p.expect(UInt8(ascii: ":")); p.skipSpace()
                    switch key {
                    case "path", "date":
                        if key == "date" && p.literal("null") { break }
                        guard p.peek == UInt8(ascii: "\"") else { throw p.fail("\"\(key)\" must be a string") }
                        var v: [Unicode.Scalar] = []
                        try p.string(into: &v)
                        let str = String(String.UnicodeScalarView(v))
                        if key == "path" { line.path = str } else { line.date = str }
                    case "text":
                        guard p.peek == UInt8(ascii: "\"") else { throw p.fail("\"text\" must be a string") }
                        line.text.reserveCapacity(max(0, bytes.count / 3))
                        try p.string(into: &line.text, countBytes: &line.textBytes)
                    default:
                        try p.skipValue()
                    }
                    p.skipSpace()
                    if p.peek == UInt8(ascii: ",") { p.i += 1; continue }
                    try p.expect(UInt8(ascii: "}"))
                    break
                }
            }
            p.skipSpace()
            guard p.i == bytes.count else { throw p.fail("text after the object") }
            func fail(_ r: String) -> LineError { LineError(reason: r, offset: nil, path: nil) }
            guard seen.contains("path") else { throw fail("no \"path\"") }
            guard seen.contains("text") else { throw fail("no \"text\"") }
            if line.text.isEmpty { throw fail("empty text") }
            if let d = line.date, IssueInput.parseISODate(d) == nil {
                throw fail(
                    "\"date\" \(d.debugDescription) is not a date: want YYYY-MM-DD, a day of the calendar, year 1000 or later, or no date"
                )
            }
        } catch var e as LineError {
            e.path = seen.contains("path") ? line.path : nil
            throw e
        }
        return line
    }

    /// A JSON reader over one line's bytes (RFC 8259, strict).
    struct LineParser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0
        var peek: UInt8? { i < b.count ? b[i] : nil }
        func fail(_ reason: String) -> LineError { LineError(reason: reason, offset: i, path: nil) }
        mutating func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        }
        mutating func expect(_ c: UInt8) throws {
            guard i < b.count else { throw fail("the line ends before its object does (truncated?)") }
            guard b[i] == c else { throw fail("\"\(Character(Unicode.Scalar(c)))\" expected") }
            i += 1
        }
        mutating func literal(_ w: String) -> Bool {
            let u = Array(w.utf8)
            guard i + u.count <= b.count, (0..<u.count).allSatisfy({ b[i + $0] == u[$0] }) else { return false }
            i += u.count; return true
        }
        mutating func string(into out: inout [Unicode.Scalar]) throws {
            var n = 0; try string(into: &out, countBytes: &n)
        }

        /// A string at `i` (its opening quote), its scalars appended to `out`, their UTF-8 size added to `countBytes`.
        mutating func string(into out: inout [Unicode.Scalar], countBytes: inout Int) throws {
            i += 1
            let n = b.count
            var bytes = 0
            @inline(__always) func isCont(_ j: Int) -> Bool { j < n && b[j] & 0xC0 == 0x80 }
            while true {
                guard i < n else { throw fail("the line ends inside a string (truncated?)") }
                let c = b[i]
                var v: UInt32
                if c == 0x22 { i += 1; break }
                if c == 0x5C {
                    guard i + 1 < n else { throw fail("the line ends inside a string (truncated?)") }
                    let e = b[i + 1]
                    switch e {
                    case 0x22, 0x5C, 0x2F: v = UInt32(e); i += 2
                    case UInt8(ascii: "b"): v = 8; i += 2
                    case UInt8(ascii: "f"): v = 12; i += 2
                    case UInt8(ascii: "n"): v = 10; i += 2
                    case UInt8(ascii: "r"): v = 13; i += 2
                    case UInt8(ascii: "t"): v = 9; i += 2
                    case UInt8(ascii: "u"):
                        guard let u1 = hex4(i + 2) else { throw fail("bad \\u escape") }
                        i += 6
                        if (0xD800...0xDBFF).contains(u1) {
                            guard i + 1 < n, b[i] == 0x5C, b[i + 1] == UInt8(ascii: "u"), let u2 = hex4(i + 2),
                                (0xDC00...0xDFFF).contains(u2)
                            else {
                                throw fail("a lone surrogate \\u escape")
                            }
                            v = 0x10000 + ((u1 - 0xD800) << 10) + (u2 - 0xDC00); i += 6
                        } else if (0xDC00...0xDFFF).contains(u1) {
                            throw fail("a lone surrogate \\u escape")
                        } else {
                            v = u1
                        }
                    default: throw fail("bad escape")
                    }
                } else if c < 0x20 {
                    throw fail("a control character (byte \(c)) inside a string: JSON escapes them")
                } else if c < 0x80 {
                    v = UInt32(c); i += 1
                } else if c & 0xF0 == 0xE0 {
                    guard isCont(i + 1), isCont(i + 2) else { throw fail("invalid UTF-8") }
                    v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                    guard v >= 0x800, v & 0xF800 != 0xD800 else { throw fail("invalid UTF-8") }
                    i += 3
                } else if c >= 0xC2 && c < 0xE0 {
                    guard isCont(i + 1) else { throw fail("invalid UTF-8") }
                    v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2
                } else if c >= 0xF0 && c < 0xF5 {
                    guard isCont(i + 1), isCont(i + 2), isCont(i + 3) else { throw fail("invalid UTF-8") }
                    v =
                        UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                        | UInt32(b[i + 3] & 0x3F)
                    guard (0x10000...0x10FFFF).contains(v) else { throw fail("invalid UTF-8") }
                    i += 4
                } else {
                    throw fail("invalid UTF-8")
                }
                if v == 0 { throw fail("a NUL character (a binary file?)") }
                out.append(Unicode.Scalar(v).unsafelyUnwrapped)
                bytes += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            }
            countBytes += bytes
        }

        func hex4(_ j: Int) -> UInt32? {
            guard j + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for k in j..<(j + 4) {
                let c = b[k]
                switch c {
                case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
                case 0x41...0x46: v = v << 4 | UInt32(c - 0x37)
                case 0x61...0x66: v = v << 4 | UInt32(c - 0x57)
                default: return nil
                }
            }
            return v
        }

        /// Any value (of a key that is not read), checked and dropped.
        mutating func skipValue(depth: Int = 0) throws {
            guard depth < 256 else { throw fail("nested too deep") }
            guard let c = peek else { throw fail("the line ends before a value (truncated?)") }
            switch c {
            case 0x22: var sink: [Unicode.Scalar] = []; try string(into: &sink)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                i += 1; skipSpace()
                if peek == close { i += 1; return }
                while true {
                    skipSpace()
                    if c == UInt8(ascii: "{") {
                        guard peek == 0x22 else { throw fail("a key (a string) expected") }
                        var sink: [Unicode.Scalar] = []; try string(into: &sink)
                        skipSpace(); try expect(UInt8(ascii: ":")); skipSpace()
                    }
                    try skipValue(depth: depth + 1)
                    skipSpace()
                    if peek == UInt8(ascii: ",") { i += 1; continue }
                    try expect(close); return
                }
            default:
                if literal("true") || literal("false") || literal("null") { return }
                let start = i
                while i < b.count, (0x30...0x39).contains(b[i]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(b[i]) {
                    i += 1
                }
                if i == start { throw fail("a value expected") }
            }
        }
    }

    /// The issue id of a JSON-lines input: its path without extension.
    public static func issueId(_ path: String) -> String { (path as NSString).deletingPathExtension }

    static func encode(_ obj: [String: Any]) -> String {
        let d =
            (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: d, as: UTF8.self)
    }

    public static func record(_ r: AttendanceRecord) -> String {
        encode([
            "type": "attendance", "issue": r.issue, "article": r.article, "date": r.date, "event": r.event,
            "attendee": r.attendee,
            "kind": r.kind, "titles": r.titles.joined(separator: ";"), "role": r.role.rawValue, "evidence": r.evidence
        ])
    }
    public static func mention(_ m: MentionRecord) -> String {
        encode([
            "type": "mention", "issue": m.issue, "article": m.article, "mention_type": m.type.rawValue, "text": m.text,
            "start": m.start, "end": m.end
        ])
    }
    public static func error(path: String, reason: String) -> String {
        encode(["type": "error", "path": path, "reason": reason])
    }

    /// Attendance rows (as attendance.csv would give them) from record lines; other lines are skipped.
    public static func attendanceRows(_ text: String) -> [[String: String]] {
        var out: [[String: String]] = []
        for line in text.split(separator: "\n") {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                o["type"] as? String == "attendance"
            else { continue }
            var r: [String: String] = [:]
            for k in ContractCSV.attendanceHeader { r[k] = o[k].map { "\($0)" } ?? "" }
            out.append(r)
        }
        return out
    }
}
