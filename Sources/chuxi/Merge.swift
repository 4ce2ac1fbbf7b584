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
        """)
    @Argument(help: "JSON-lines files or directories of part files.") var parts: [String]
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "Also write attendance.csv (the contract) of the whole store here.") var out: String?

    func run() throws {
        var files: [String] = []
        for p in parts {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { throw ValidationError("\(p): no such file or directory") }
            if isDir.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: p).filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && !$0.hasSuffix(".crc") }.sorted()
                files += names.map { (p as NSString).appendingPathComponent($0) }
            } else { files.append(p) }
        }
        var byIssue: [String: [[String: String]]] = [:], order: [String] = []
        for f in files {
            let text = try String(contentsOfFile: f, encoding: .utf8)
            for r in JSONLines.attendanceRows(text) {
                let i = r["issue"] ?? ""
                if byIssue[i] == nil { order.append(i) }
                byIssue[i, default: []].append(r)
            }
        }
        let store = try Store(path: db)
        var added = 0
        for issue in order.sorted() {
            // Partitions keep each issue's records in text order; the hash makes reruns idempotent.
            let rows = byIssue[issue]!
            let lines = rows.map { row in ContractCSV.attendanceHeader.map { row[$0] ?? "" }.joined(separator: "\u{1F}") }
            let hash = Store.contentHash(Data(lines.joined(separator: "\n").utf8))
            added += try store.replace(issue: issue, rows: rows, hash: hash).added
        }
        let g = try store.refreshGraph()
        if let o = out { try AtomicFile.write(try store.attendanceCSV(), to: URL(fileURLWithPath: o).appendingPathComponent("attendance.csv")) }
        print("chuxi merge: \(order.count) issue(s), \(added) record(s) from \(files.count) part file(s); \(g.persons.count) person node(s)")
        for c in g.conflicts { standardError("chuxi: \(c.name) split by jurisdiction: \(c.jurisdictions.joined(separator: ", "))") }
    }
}
