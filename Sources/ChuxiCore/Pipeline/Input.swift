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
    public let issueDate: (year: Int, month: Int, day: Int)?
    /// Where `text` starts in the file (a piece of a large file; see `PieceReader`).
    public var offsets = PieceOffsets()

    /// The text already decoded to scalars (the UTF-8 fast path), else nil and `text` holds it.
    public var scalars: [Unicode.Scalar]? = nil

    public init(id: String, path: String, text: String, issueDate: (year: Int, month: Int, day: Int)?, offsets: PieceOffsets = PieceOffsets()) {
        self.id = id; self.path = path; self.text = text; self.issueDate = issueDate; self.offsets = offsets
    }

    public init(id: String, path: String, scalars: [Unicode.Scalar], issueDate: (year: Int, month: Int, day: Int)?) {
        self.init(id: id, path: path, text: "", issueDate: issueDate)
        self.scalars = scalars
    }

    /// The issue date from a path: `2024-06-17`, `20240617`, `19980106-04-003`.
    public static func date(fromPath path: String) -> (year: Int, month: Int, day: Int)? {
        let scalars = Array(path.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard Normalizer.isDigit(scalars[i]), i == 0 || !Normalizer.isDigit(scalars[i - 1]) else { i += 1; continue }
            var j = i; var digits: [Int] = []; var seps = 0
            while j < scalars.count, digits.count < 8 {
                if Normalizer.isDigit(scalars[j]) { digits.append(Int(scalars[j].value - 48)) }
                else if (scalars[j] == "-" || scalars[j] == "_" || scalars[j] == "/") && (digits.count == 4 || digits.count == 6) { seps += 1 }
                else { break }
                j += 1
            }
            if digits.count == 8, seps == 0 || seps == 2 {
                let y = digits[0..<4].reduce(0) { $0 * 10 + $1 }, m = digits[4] * 10 + digits[5], d = digits[6] * 10 + digits[7]
                if (1900...2100).contains(y), (1...12).contains(m), (1...31).contains(d) { return (y, m, d) }
            }
            i = max(j, i + 1)
        }
        return nil
    }

    /// Parses `YYYY-MM-DD`.
    public static func parseISODate(_ s: String) -> (year: Int, month: Int, day: Int)? {
        let p = s.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3, (1...12).contains(p[1]), (1...31).contains(p[2]) else { return nil }
        return (p[0], p[1], p[2])
    }
}

/// Lists the `*.txt` files under the given paths (directories walked recursively, sorted),
/// each with its issue id: the path below the root given, without extension.
public enum InputWalker {
    public static func files(_ roots: [String]) throws -> [(path: String, id: String)] {
        var out: [(String, String)] = []
        let fm = FileManager.default
        for root in roots {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDir) else { throw InputError(path: root, reason: "no such file or directory") }
            if !isDir.boolValue {
                let name = URL(fileURLWithPath: root).deletingPathExtension().lastPathComponent
                out.append((root, name)); continue
            }
            guard let e = fm.enumerator(atPath: root) else { throw InputError(path: root, reason: "cannot read directory") }
            var rel: [String] = []
            while let f = e.nextObject() as? String { if f.hasSuffix(".txt") { rel.append(f) } }
            for f in rel.sorted() {
                let id = (f as NSString).deletingPathExtension
                out.append(((root as NSString).appendingPathComponent(f), id))
            }
        }
        return out
    }
}
