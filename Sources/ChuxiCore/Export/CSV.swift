import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; lines end in "\n".
/// The one writer of every CSV the tool makes (contract files, store and graph exports).
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a CR is one a spreadsheet would run
/// as a formula (`=HYPERLINK(…)` in an event name, an issue file named `=cmd`): it is
/// written with a leading `'`, which spreadsheets show as text. Cells made only of digits,
/// `-` and `/` are written as they are: the contract's dates (`--06-11`, ranges) call nothing.
public enum CSV {
    public static func field(_ s: String) -> String {
        var out: [UInt8] = []
        var s = s
        s.withUTF8 { append($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
    public static func line(_ fields: [String]) -> String {
        var b = CSVBuffer()
        b.row(fields)
        return String(decoding: b.bytes, as: UTF8.self)
    }

    /// Appends one field, quoted and formula-guarded; scanned as UTF-8 bytes: every byte
    /// looked at is ASCII and never part of a multi-byte scalar.
    static func append(_ u: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        let quote = u.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
        if quote { bytes.append(0x22) }
        if let first = u.first, startsFormula(first),
            !u.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2F })
        {
            bytes.append(0x27)
        }
        if quote {
            for b in u { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: u)
        }
    }

    /// `=`, `+`, `-`, `@`, tab, CR.
    @inline(__always) static func startsFormula(_ b: UInt8) -> Bool {
        b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D
    }

    /// Parses CSV text into rows (handles quoted fields with commas, quotes and newlines).
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var inQuotes = false
        var it = Array(text.unicodeScalars)[...]
        if it.first == "\u{FEFF}" { it = it.dropFirst() }
        var i = it.startIndex
        while i < it.endIndex {
            let c = it[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < it.endIndex, it[i + 1] == "\"" {
                        field.unicodeScalars.append("\""); i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < it.endIndex, it[i + 1] == "\n" { i += 1 }
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

/// CSV rows written straight into UTF-8 bytes by `CSV.append`, the one field writer: a run writes
/// a row per record and mention, and building a String per field costs more than the rest.
public struct CSVBuffer {
    public private(set) var bytes: [UInt8] = []
    private var rowStart = true
    public init() {}

    public mutating func field(_ s: String) {
        if !rowStart { bytes.append(0x2C) }
        rowStart = false
        var s = s
        s.withUTF8 { CSV.append($0, to: &bytes) }
    }

    public mutating func field(_ n: Int) {
        if !rowStart { bytes.append(0x2C) }
        rowStart = false
        if n < 0 { bytes.append(0x2D) }
        var m = n.magnitude, digits: [UInt8] = []
        repeat { digits.append(UInt8(48 + m % 10)); m /= 10 } while m > 0
        bytes.append(contentsOf: digits.reversed())
    }

    public mutating func endRow() { bytes.append(0x0A); rowStart = true }
    public mutating func row(_ fields: [String]) { for f in fields { field(f) }; endRow() }
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

/// Writes a file so that readers never see half of it: to a temporary file in the same
/// directory, then an atomic rename.
public enum AtomicFile {
    public static func write(_ text: String, to url: URL) throws {
        let w = try AtomicFileWriter(url)
        try w.append(text)
        try w.commit()
    }
}

/// A file written piece by piece (a run's records as each issue is done) that appears
/// under its name only once complete: until `commit()` it is a hidden temporary file in the
/// same directory, removed if the writer is dropped without committing. A killed run
/// leaves the previous file intact and a stray `.NAME.PID.tmp`, which the next writer of
/// that name removes once no process of that id is alive.
public final class AtomicFileWriter {
    public let url: URL
    private let tmp: URL
    private let handle: FileHandle
    private var buffer = Data()
    private var committed = false

    public init(_ url: URL) throws {
        self.url = url
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        Self.removeStale(in: dir, name: url.lastPathComponent)
        // open(2) itself, not FileManager.createFile: that writes a hidden temporary of its own
        // (`.dat.nosync…`) first, which a kill at that moment would leave behind.
        unlink(tmp.path)  // a stale one of this pid
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: tmp.path]) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Temporary files of killed runs (`.NAME.PID.tmp` whose process is gone).
    static func removeStale(in dir: URL, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for e in entries where e.hasPrefix(".\(name).") && e.hasSuffix(".tmp") {
            guard let pid = Int32(e.dropFirst(name.count + 2).dropLast(4)),
                pid != ProcessInfo.processInfo.processIdentifier,
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(e))
        }
    }

    public func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func append(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered, so that a later `commit` is only a close and a rename
    /// (several files committed together: the window between their renames stays tiny).
    public func flushBuffer() throws { try flush() }

    public func commit() throws {
        try flush()
        try handle.close()
        if rename(tmp.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: tmp)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        committed = true
    }

    deinit {
        if !committed { try? handle.close(); try? FileManager.default.removeItem(at: tmp) }
    }
}
