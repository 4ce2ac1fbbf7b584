import Foundation

/// Why an input file could not be read: always names the file, never crashes.
public struct InputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
}

/// One input file to extract: its issue id (path below the root, no extension) and text.
public struct IssueInput: Sendable {
    public let id: String
    public let path: String
    public let text: String
    public let issueDate: IssueDate?
    /// Where `text` starts in the file (a piece of a large file; see `PieceReader`).
    public var offsets = PieceOffsets()

    /// The text already decoded to scalars (the UTF-8 fast path), else nil and `text` holds it.
    public var scalars: [Unicode.Scalar]? = nil
    /// A PDF's text: where each page starts (`ExtractedText.pageStarts`), for `P3:L12:C5` evidence.
    public var pageStarts: [Int]? = nil

    public init(
        id: String, path: String, text: String, issueDate: IssueDate?,
        offsets: PieceOffsets = PieceOffsets()
    ) {
        self.id = id; self.path = path; self.text = text; self.issueDate = issueDate; self.offsets = offsets
    }

    public init(id: String, path: String, scalars: [Unicode.Scalar], issueDate: IssueDate?) {
        self.init(id: id, path: path, text: "", issueDate: issueDate)
        self.scalars = scalars
    }

    /// The issue date from a path: `2024-06-17`, `20240617`, `19980106-04-003`.
    public static func date(fromPath path: String) -> IssueDate? {
        let scalars = Array(path.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard Normalizer.isDigit(scalars[i]), i == 0 || !Normalizer.isDigit(scalars[i - 1]) else {
                i += 1; continue
            }
            var j = i; var digits: [Int] = []; var seps = 0
            while j < scalars.count, digits.count < 8 {
                if Normalizer.isDigit(scalars[j]) {
                    digits.append(Int(scalars[j].value - 48))
                } else if (scalars[j] == "-" || scalars[j] == "_" || scalars[j] == "/")
                    && (digits.count == 4 || digits.count == 6)
                {
                    seps += 1
                } else {
                    break
                }
                j += 1
            }
            if digits.count == 8, seps == 0 || seps == 2 {
                let y = digits[0..<4].reduce(0) { $0 * 10 + $1 }, m = digits[4] * 10 + digits[5],
                    d = digits[6] * 10 + digits[7]
                if (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) { return (y, m, d) }
            }
            // (Not past `j`: a failed run may end inside the real date, `…1234/2022-04-01`
            // read as `1234/2022`, whose start is a candidate of its own.)
            i += 1
        }
        return nil
    }

    /// Parses `YYYY-MM-DD`: a day of the calendar (no `2024-02-30`) in a four-digit year
    /// (`0001-01-01` would write year 0 dates, `0-06-11`, that no reader takes).
    public static func parseISODate(_ s: String) -> IssueDate? {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D,
            u.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) })
        else { return nil }
        let n = { (r: Range<Int>) in u[r].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let (y, m, d) = (n(0..<4), n(5..<7), n(8..<10))
        guard y >= 1000, (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return (y, m, d)
    }

    /// Days in a month; `year` nil for a year-less date (`--02-29` is a date).
    public static func daysIn(month m: Int, year y: Int?) -> Int {
        switch m {
        case 2: return y.map { $0 % 4 == 0 && ($0 % 100 != 0 || $0 % 400 == 0) } ?? true ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Lists the `*.txt`, `*.pdf`, `*.html` and `*.htm` files under the given paths (directories walked recursively, sorted),
/// each with its issue id: the path below the root given, without extension.
///
/// Symbolic links are followed; a directory already walked (a link back up, the same folder
/// given twice or inside another root) is not walked again, and a file reached twice is
/// listed once. Two different files with the same id are an error naming both: ids stay the
/// path below the root rather than being prefixed with the root's name, because a prefix
/// would make an issue's id depend on which other roots are given (`batch d1` then
/// `batch d1 d2` would store d1's issues twice) and two roots can share a name (`x/a`, `y/a`).
public enum InputWalker {
    /// The files to extract, and the paths that could not be walked or read, each with its
    /// reason: a run goes on without them and reports them (exit status 2).
    public struct Listing {
        public var files: [(path: String, id: String)] = []
        public var skipped: [InputError] = []
    }

    /// The files, or the first path that could not be read (for callers that cannot skip).
    public static func files(_ roots: [String]) throws -> [(path: String, id: String)] {
        let l = try list(roots)
        if let e = l.skipped.first { throw e }
        return l.files
    }

    /// Throws for a root that does not exist and for two files with one id, before any work.
    public static func list(_ roots: [String]) throws -> Listing {
        var out = Listing()
        var walked = Set<String>()  // real paths of directories walked
        var listed = Set<String>()  // real paths of files listed
        var byId: [String: String] = [:]  // id -> path
        func add(_ path: String, _ id: String) throws {
            guard access(path, R_OK) == 0 else {
                out.skipped.append(InputError(path: path, reason: "cannot read: \(errnoText())")); return
            }
            guard listed.insert(realPath(path)).inserted else { return }
            if let other = byId[id] {
                throw InputError(
                    path: path,
                    reason:
                        "same issue id `\(id)` as \(other) (an id is the path below the root given, without extension): give the roots in separate runs or rename one"
                )
            }
            byId[id] = path
            out.files.append((path, id))
        }
        for root in roots {
            var st = stat()
            guard stat(root, &st) == 0 else { throw InputError(path: root, reason: statFailure(root)) }
            if st.st_mode & S_IFMT != S_IFDIR {
                try add(root, URL(fileURLWithPath: root).deletingPathExtension().lastPathComponent)
                continue
            }
            var rel: [String] = []
            walk(root, "", &rel, &walked, &out.skipped)
            for f in rel.sorted() {
                try add((root as NSString).appendingPathComponent(f), (f as NSString).deletingPathExtension)
            }
        }
        return out
    }

    /// Collects the paths of inputs (`InputFormat.extensions`) below `dir` (relative to the root); what cannot be read is skipped by name.
    static func walk(
        _ dir: String, _ rel: String, _ out: inout [String], _ walked: inout Set<String>, _ skipped: inout [InputError]
    ) {
        guard walked.insert(realPath(dir)).inserted else { return }
        guard let d = opendir(dir) else {
            skipped.append(InputError(path: dir, reason: "cannot read directory: \(errnoText())")); return
        }
        var names: [String] = []
        while let e = readdir(d) {
            let raw = withUnsafePointer(to: e.pointee.d_name) {
                $0.withMemoryRebound(to: UInt8.self, capacity: 256) { p in
                    Array(
                        UnsafeBufferPointer(
                            start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))))
                }
            }
            guard let name = String(validating: raw, as: UTF8.self) else {
                // A name in GBK or Latin-1 (an old archive copied as it was): a Swift path cannot
                // name it, so it is reported, never silently read as a missing file.
                let shown = String(decoding: raw, as: UTF8.self)
                let isDir = e.pointee.d_type == UInt8(DT_DIR) || e.pointee.d_type == UInt8(DT_LNK)
                let ext = (shown as NSString).pathExtension.lowercased()
                if isDir || InputFormat.extensions[ext] != nil {
                    let hex = raw.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
                    skipped.append(
                        InputError(
                            path: (dir as NSString).appendingPathComponent(hex),
                            reason:
                                "the file name is not UTF-8 and cannot be opened: rename it (convmv -f GBK -t UTF-8 -r --notest DIR)"
                        ))
                }
                continue
            }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(d)
        for name in names.sorted() {
            let path = (dir as NSString).appendingPathComponent(name), r = rel.isEmpty ? name : rel + "/" + name
            var st = stat()
            if stat(path, &st) != 0 { skipped.append(InputError(path: path, reason: statFailure(path))); continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                walk(path, r, &out, &walked, &skipped)
            } else if InputFormat.extensions[(name as NSString).pathExtension.lowercased()] != nil {
                out.append(r)
            }
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    static func realPath(_ p: String) -> String {
        guard let r = realpath(p, nil) else { return p }
        defer { free(r) }
        return String(cString: r)
    }

    /// Why `stat` failed, told apart from a plain missing file: a dangling link, a link loop, a permission.
    public static func statFailure(_ path: String) -> String {
        let e = errno
        var st = stat()
        let isLink = lstat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
        switch e {
        case ENOENT:
            if isLink { return "broken symbolic link" }
            // The command line's bytes that are not UTF-8 reach Swift as U+FFFD.
            return path.unicodeScalars.contains("\u{FFFD}")
                ? "no such file or directory (the name given is not UTF-8, or was not when it reached chuxi: rename the file to UTF-8)"
                : "no such file or directory"
        case ELOOP: return "symbolic link loop"
        default: return String(cString: strerror(e))
        }
    }
}
