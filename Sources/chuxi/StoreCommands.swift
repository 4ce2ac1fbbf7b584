import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Extract the new and changed issues of an archive into the store.",
        discussion: """
        Issues already stored with the same content hash are skipped; a changed file replaces
        its old records. Each issue is committed in its own transaction: an interrupted batch
        keeps what it finished, and running it again completes the rest. Exit status 2 when a
        file failed.
        """)
    @Argument(help: "Archive directory (walked for *.txt, *.pdf, *.html, *.htm) or files.") var archive: [String]
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "Parallel workers (default: all cores).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .long, help: "Issue date YYYY-MM-DD (default: a date in each file's path).") var issueDate: String?
    @Option(name: .long, help: "Force an input encoding.") var encoding: String?
    @Option(name: .long, help: "Read every file as txt, pdf or html (default: by content, then extension).") var format: InputFormat?
    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws { try checkIssueDate(issueDate) }

    func run() throws {
        let rules = try ruleOptions.load()
        let store = try Store(path: db)
        let tty = isatty(2) != 0
        let s: Batch.Summary
        do { s = try Batch.run(archive: archive, store: store, rules: rules, jobs: jobs,
                              issueDate: issueDate.flatMap(IssueInput.parseISODate), encoding: encoding, format: format) { done, total in
            if tty {
                let w = 30, filled = total > 0 ? done * w / total : w
                try? writeAll(2, Array("\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: w - filled))] \(done)/\(total)\(done == total ? "\n" : "")".utf8),
                              what: "write to standard error")
            } else if done == total || done % 100 == 0 { standardError("chuxi: \(done)/\(total) issues") }
        } } catch let e as InputError { standardError("chuxi: \(e)"); throw ExitCode(2) }   // a missing root, two files with one id
        for f in s.failures { standardError("chuxi: failed \(f)") }
        print("chuxi batch: \(s.description)")
        if s.failed > 0 { throw ExitCode(2) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store: csv (attendance.csv of the contract), neo4j or gephi.")
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "csv, neo4j or gephi.") var format: String = "csv"
    @Option(name: .long, help: "Output directory.") var out: String

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no store at \(db) (run chuxi batch first)") }
        let store = try Store(path: db)
        let dir = URL(fileURLWithPath: out)
        var files: [String: String]
        switch format {
        case "csv": files = ["attendance.csv": try store.attendanceCSV()]
        case "neo4j": files = GraphExport.neo4j(try store.refreshGraph())
        case "gephi": files = GraphExport.gephi(try store.refreshGraph())
        default: throw ValidationError("--format must be csv, neo4j or gephi")
        }
        for (name, text) in files.sorted(by: { $0.key < $1.key }) { try AtomicFile.write(text, to: dir.appendingPathComponent(name)) }
        if format == "neo4j" { print("import with:\n" + GraphExport.neo4jCommand) }
        let g = format == "csv" ? nil : try store.refreshGraph()
        for c in g?.conflicts ?? [] { standardError("chuxi: \(c.name) split by jurisdiction: \(c.jurisdictions.joined(separator: ", "))") }
    }
}

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "who", abstract: "Events a person attended, with roles, dates and titles over time.")
    @Argument(help: "Name of a person or organization.") var name: String
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"

    func run() throws {
        let g = try Store(path: db).refreshGraph()
        let nodes = g.persons.values.filter { $0.name == name }.sorted { $0.id < $1.id }
        let orgs = g.organizations.filter { $0.value == name }.map(\.key)
        if nodes.isEmpty && orgs.isEmpty { print("no record of \(name)"); throw ExitCode(1) }
        for p in nodes {
            print("\(p.name)\(p.jurisdiction.isEmpty ? "" : " (\(p.jurisdiction))")")
            for (t, s) in p.titles.sorted(by: { Graph.dateKey($0.value.first) < Graph.dateKey($1.value.first) }) {
                print("  title  \(t)  \(s.first.isEmpty ? "?" : s.first) .. \(s.last.isEmpty ? "?" : s.last)")
            }
        }
        for e in g.attendance where nodes.contains(where: { $0.id == e.from }) || orgs.contains(e.from) {
            let ev = g.events[e.to]!
            print("  \(e.date.isEmpty ? "(no date)" : e.date)  \(e.role)  \(ev.name)  [\(e.evidence)]")
        }
    }
}

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Events on a date or between two dates, with who attended.",
        discussion: "Dates are YYYY-MM-DD or year-less --MM-DD; a year-less date matches any year, and year-less events match by month and day.")
    @Option(name: .long, help: "One date.") var date: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Two dates D1 D2 (inclusive).") var between: [String] = []
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"

    func validate() throws {
        if (date == nil) == between.isEmpty { throw ValidationError("give --date D or --between D1 D2") }
        if !between.isEmpty && between.count != 2 { throw ValidationError("--between takes two dates") }
        for d in date.map { [$0] } ?? between where !Self.isQueryDate(d) {
            throw badValue("\(date != nil ? "--date" : "--between") \(d) is not a date: want YYYY-MM-DD (year 1000 or later) or year-less --MM-DD, a day of the calendar")
        }
    }

    /// `YYYY-MM-DD` or year-less `--MM-DD` (`--02-29` is one).
    static func isQueryDate(_ d: String) -> Bool {
        guard d.hasPrefix("--") else { return IssueInput.parseISODate(d) != nil }
        // A leap year stands in for the missing one.
        guard let p = IssueInput.parseISODate("2000" + d.dropFirst(1)) else { return false }
        return p.day <= IssueInput.daysIn(month: p.month, year: nil)
    }

    func run() throws {
        let g = try Store(path: db).refreshGraph()
        let (lo, hi) = date.map { ($0, $0) } ?? (between[0], between[1])
        func md(_ d: String) -> String { String(d.suffix(5)) }
        func inRange(_ d: String) -> Bool {
            guard !d.isEmpty else { return false }
            if d.hasPrefix("--") || lo.hasPrefix("--") || hi.hasPrefix("--") { return md(lo) <= md(d) && md(d) <= md(hi) }
            return lo <= String(d.prefix(10)) && String(d.prefix(10)) <= hi
        }
        for e in g.events.values.filter({ inRange($0.date) }).sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            print("\(e.date)  \(e.name)  (\(e.issue), article \(e.article))")
            for a in g.attendance where a.to == e.id { print("    \(a.role)  \(g.persons[a.from]?.name ?? g.organizations[a.from] ?? a.from)") }
        }
    }
}
