import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine per-partition JSON-lines outputs (chuxi extract --jsonl) into one store and graph.",
        discussion: """
            PART is a JSON-lines file or a directory of them (e.g. Spark's part-* files). Records are
            grouped by issue; each issue replaces its old records in one transaction, and the graph is
            rebuilt with the same person-identity rules as chuxi batch. --out also writes attendance.csv.
            Every part is read and checked before the store is touched: a line that is not a whole
            JSON record of the right types (a truncated last line, invalid UTF-8, a record with a
            number for a name), a part given twice or an issue found in two parts stops the merge
            with file:line and the reason (exit 2, the store unchanged). The mapper's error lines
            (an issue it could not read) are reported by issue; the other issues are merged and the
            exit status is 2.
            """)
    @Argument(help: "JSON-lines files or directories of part files.") var parts: [String]
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "Also write attendance.csv (the contract) of the whole store here.") var out: String?

    func run() throws {
        let files: [String]
        var problems: [String] = []
        (files, problems) = Self.partFiles(parts)
        var byIssue: [String: [[String: String]]] = [:], partOf: [String: String] = [:]
        var mapperErrors: [(part: String, path: String, reason: String)] = []
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else {
                problems.append("\(f): cannot read: \(String(cString: strerror(errno)))"); continue
            }
            var here: Set<String> = []
            Self.lines(data) { number, line in
                switch Self.record(line) {
                case .failure(let reason): problems.append("\(f):\(number): \(reason)")
                case .success(.attendance(let issue, let row)):
                    if let other = partOf[issue], other != f, !here.contains(issue) {
                        problems.append(
                            "\(f):\(number): issue \(issue) is also in \(other) (a part given twice, or two runs' parts mixed)"
                        )
                        return
                    }
                    partOf[issue] = f; here.insert(issue)
                    byIssue[issue, default: []].append(row)
                case .success(.error(let path, let reason)): mapperErrors.append((f, path, reason))
                case .success(.other): break
                }
            }
        }
        if !problems.isEmpty {
            for p in problems.prefix(20) { standardError("chuxi: \(p)") }
            if problems.count > 20 { standardError("chuxi: and \(problems.count - 20) more") }
            standardError(
                "chuxi merge: nothing merged (\(problems.count) problem(s) in the parts); the store is unchanged")
            throw ExitCode(2)
        }
        let store = try Store(path: db)
        var added = 0
        for issue in byIssue.keys.sorted() {
            // Partitions keep each issue's records in text order; the hash makes reruns idempotent.
            let rows = byIssue[issue]!
            let lines = rows.map { row in ContractCSV.attendanceHeader.map { row[$0] ?? "" }.joined(separator: "\u{1F}")
            }
            let hash = Store.contentHash(Data(lines.joined(separator: "\n").utf8))
            added += try store.replace(issue: issue, rows: rows, hash: hash).added
        }
        let g = try store.refreshGraph()
        if let o = out {
            try AtomicFile.write(
                try store.attendanceCSV(), to: URL(fileURLWithPath: o).appendingPathComponent("attendance.csv"))
        }
        try writeAll(
            1,
            Array(
                "chuxi merge: \(byIssue.count) issue(s), \(added) record(s) from \(files.count) part file(s); \(g.persons.count) person node(s)\n"
                    .utf8),
            what: "write to standard output")
        for c in g.conflicts {
            standardError("chuxi: \(c.name) split by jurisdiction: \(c.jurisdictions.joined(separator: ", "))")
        }
        if !mapperErrors.isEmpty {
            for e in mapperErrors {
                standardError("chuxi: not merged: \(e.path): the mapper could not read it (\(e.part)): \(e.reason)")
            }
            standardError(
                "chuxi merge: \(mapperErrors.count) issue(s) the mapper could not read (above) are not in the store")
            throw ExitCode(2)
        }
    }

    /// The part files under the paths given (a directory: its files, Spark's `_SUCCESS` and
    /// `.crc` files aside), each once; what cannot be listed, and a path given twice, as problems.
    static func partFiles(_ parts: [String]) -> (files: [String], problems: [String]) {
        var files: [String] = [], problems: [String] = [], seen: [String: String] = [:]
        func add(_ f: String) {
            let real = realPath(f)
            if let first = seen[real] {
                problems.append("\(f): the same part as \(first), given twice: its records would be counted twice");
                return
            }
            seen[real] = f; files.append(f)
        }
        for p in parts {
            var st = stat()
            guard stat(p, &st) == 0 else { problems.append("\(p): \(InputWalker.statFailure(p))"); continue }
            guard st.st_mode & S_IFMT == S_IFDIR else { add(p); continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: p) else {
                problems.append("\(p): cannot read directory: \(String(cString: strerror(errno)))"); continue
            }
            for n in names.sorted() where !n.hasPrefix(".") && !n.hasPrefix("_") && !n.hasSuffix(".crc") {
                let f = (p as NSString).appendingPathComponent(n)
                var s = stat()
                if stat(f, &s) != 0 { problems.append("\(f): \(InputWalker.statFailure(f))"); continue }
                if s.st_mode & S_IFMT == S_IFDIR {
                    problems.append("\(f): a directory inside a directory of parts"); continue
                }
                add(f)
            }
        }
        return (files, problems)
    }

    static func realPath(_ p: String) -> String {
        guard let r = realpath(p, nil) else { return p }
        defer { free(r) }
        return String(cString: r)
    }

    /// Each line of a part with its number (blank lines skipped): the last one read too when
    /// it has no line break (where a truncated part ends).
    static func lines(_ data: Data, _ each: (Int, Data) -> Void) {
        var number = 0, start = data.startIndex
        while start < data.endIndex {
            let nl = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            number += 1
            let line = data[start..<nl]
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { each(number, line) }
            start = nl < data.endIndex ? nl + 1 : nl
        }
    }

    enum Line { case attendance(issue: String, row: [String: String]), error(path: String, reason: String), other }

    /// One line of a part, checked: a JSON object whose "type" is attendance (every field of
    /// the contract, of its type), mention or error.
    static func record(_ line: Data) -> Result<Line, Failure> {
        guard String(validating: [UInt8](line), as: UTF8.self) != nil else { return .failure(Failure("not UTF-8")) }
        guard let any = try? JSONSerialization.jsonObject(with: line, options: []) else {
            return .failure(Failure(line.last == 0x7D ? "not a JSON record" : "not a whole JSON record (truncated?)"))
        }
        guard let o = any as? [String: Any] else { return .failure(Failure("not a JSON object")) }
        func string(_ k: String, nonEmpty: Bool = false) throws -> String {
            guard let v = o[k] else { throw Failure("no \"\(k)\"") }
            guard let s = v as? String, !(v is NSNumber) else { throw Failure("\"\(k)\" must be a string") }
            if nonEmpty && s.isEmpty { throw Failure("\"\(k)\" is empty") }
            return s
        }
        do {
            switch try string("type") {
            case "attendance":
                var row: [String: String] = [:]
                for k in ContractCSV.attendanceHeader where k != "article" {
                    row[k] = try string(k, nonEmpty: ["issue", "attendee", "kind", "role", "evidence"].contains(k))
                }
                guard let n = o["article"] as? NSNumber, String(cString: n.objCType) != "c",
                    let a = Int(exactly: n.doubleValue), a >= 1
                else {
                    throw Failure("\"article\" must be a whole number, 1 or more")
                }
                row["article"] = String(a)
                guard Role(rawValue: row["role"]!) != nil else {
                    throw Failure(
                        "\"role\" \(row["role"]!.debugDescription) is none of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                guard ["person", "organization"].contains(row["kind"]!) else {
                    throw Failure("\"kind\" \(row["kind"]!.debugDescription) is neither person nor organization")
                }
                return .success(.attendance(issue: row["issue"]!, row: row))
            case "mention": _ = try string("issue", nonEmpty: true); return .success(.other)
            case "error": return .success(.error(path: try string("path"), reason: try string("reason")))
            case let t: throw Failure("unknown \"type\" \(t.debugDescription)")
            }
        } catch let f as Failure { return .failure(f) } catch { return .failure(Failure("\(error)")) }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }
}
