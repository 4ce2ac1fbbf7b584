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
    @Option(name: .long, help: "Parallel workers (default: all cores).") var jobs: Int = ProcessInfo.processInfo
        .activeProcessorCount
    @Option(name: .long, help: "Issue date YYYY-MM-DD (default: a date in each file's path).") var issueDate: String?
    @Option(name: .long, help: "Force an input encoding.") var encoding: String?
    @Option(name: .long, help: "Read every file as txt, pdf or html (default: by content, then extension).") var format:
        InputFormat?
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var correctionOptions: CorrectionOptions
    @OptionGroup var rosterOptions: RosterOptions

    func validate() throws { try checkIssueDate(issueDate) }

    func run() throws {
        let rules = try ruleOptions.load()
        let corrections = try correctionOptions.load(archive: archive)
        let roster = try rosterOptions.load()
        let store = try Store(path: db)
        let tty = isatty(2) != 0
        let s: Batch.Summary
        do {
            s = try Batch.run(
                archive: archive, store: store, rules: rules, jobs: jobs,
                issueDate: issueDate.flatMap(IssueInput.parseISODate), encoding: encoding, format: format,
                corrections: corrections, roster: roster
            ) { done, total in
                if tty {
                    let w = 30, filled = total > 0 ? done * w / total : w
                    try? writeAll(
                        2,
                        Array(
                            "\r[\(String(repeating: "#", count: filled))\(String(repeating: " ", count: w - filled))] \(done)/\(total)\(done == total ? "\n" : "")"
                                .utf8),
                        what: "write to standard error")
                } else if done == total || done % 100 == 0 {
                    standardError("chuxi: \(done)/\(total) issues")
                }
            }
            // a missing root, two files with one id
        } catch let e as InputError { standardError("chuxi: \(e)"); throw ExitCode(2) }
        for f in s.failures { standardError("chuxi: failed \(f)") }
        if let o = s.corrections { reportCorrections(o) }
        reportRoster(s.rosterMismatches)
        print("chuxi batch: \(s.description)")
        if s.failed > 0 { throw ExitCode(2) }
    }
}

/// The store a query or export reads: it must exist (opening a missing one would create
/// an empty store and answer nothing).
func openStore(_ path: String, readOnly: Bool = true) throws -> Store {
    guard FileManager.default.fileExists(atPath: path) else {
        throw badValue("no store at \(path) (run chuxi batch first)")
    }
    // (SQLite reads an empty file as an empty database: a query would answer nothing.)
    if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
        throw badValue("\(path) is empty (0 bytes): not a chuxi store (run chuxi batch to make one)")
    }
    do { return try Store(path: path, readOnly: readOnly) } catch let e as Store.StoreError {
        throw badValue(e.description)
    }
}

/// `--format` of the query commands.
enum QueryFormat: String, CaseIterable, ExpressibleByArgument { case text, csv, json }

/// JSON for scripts: sorted keys, slashes and Chinese as they are.
func printJSON<T: Encodable>(_ value: T) throws {
    let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try enc.encode(value), as: UTF8.self))
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the store: csv, neo4j, gephi, gexf, graphml, coattendance or careers.",
        discussion: """
            csv: attendance.csv of the contract. neo4j: node and relationship CSVs for neo4j-admin
            (co-attendance included). gephi: nodes.csv, edges.csv, coattendance_edges.csv.
            gexf, graphml: attendance and coattendance networks. coattendance: coattendance.csv.
            careers: careers.csv (posts over time; post words from --rules).
            """)
    static let formats = ["csv", "neo4j", "gephi", "gexf", "graphml", "coattendance", "careers"]
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "csv, neo4j, gephi, gexf, graphml, coattendance or careers.") var format: String = "csv"
    @Option(name: .long, help: "Output directory.") var out: String
    @OptionGroup var ruleOptions: RuleOptions
    @Option(name: .long, help: "Corrections CSV to apply (again) to the store's extracted records before exporting.")
    var corrections: String?

    func validate() throws {
        if !Self.formats.contains(format) {
            throw badValue("--format \(format) is not one of \(Self.formats.joined(separator: ", "))")
        }
    }

    func run() throws {
        // (Corrections are applied to the store: only then is the export a writer.)
        let store = try openStore(db, readOnly: corrections == nil)
        if let c = try CorrectionOptions.load(corrections) { reportCorrections(try store.applyCorrections(c)) }
        let dir = URL(fileURLWithPath: out)
        var files: [String: String]
        if format == "csv" {
            files = ["attendance.csv": try store.attendanceCSV()]
        } else {
            let g = try store.graph()
            switch format {
            case "neo4j": files = GraphExport.neo4j(g)
            case "gephi": files = GraphExport.gephi(g)
            case "gexf": files = GraphExport.gexfFiles(g)
            case "graphml": files = GraphExport.graphmlFiles(g)
            case "coattendance": files = ["coattendance.csv": GraphExport.coattendanceCSV(g, g.coattendance())]
            default: files = ["careers.csv": Careers.csv(Careers.table(g, posts: try ruleOptions.load().posts))]
            }
            for c in g.conflicts {
                standardError("chuxi: \(c.name) split by jurisdiction: \(c.jurisdictions.joined(separator: ", "))")
            }
        }
        // The folder is replaced whole (ExportFolder): a killed export leaves the previous
        // set, never a mix; the other formats' files in it stay.
        try ExportFolder.write(files.sorted(by: { $0.key < $1.key }).map { (name: $0.key, text: $0.value) }, to: dir)
        if format == "neo4j" { print("import with:\n" + GraphExport.neo4jCommand) }
    }
}

struct WhoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who", abstract: "Events a person attended, with roles, dates and titles over time.")
    @Argument(help: "Name of a person or organization.") var name: String
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "text, csv or json.") var format: QueryFormat = .text

    struct Title: Encodable { let title, first, last: String }
    struct Node: Encodable { let id, name, jurisdiction: String; let titles: [Title] }
    struct Attended: Encodable { let node, date, role, event, eventName, evidence: String; let titles: [String] }
    struct Answer: Encodable { let name: String; let nodes: [Node]; let attended: [Attended] }

    func run() throws {
        let g = try openStore(db).graph()
        let persons = g.persons.values.filter { $0.name == name }.sorted { $0.id < $1.id }
        let orgs = g.organizations.filter { $0.value == name }.map(\.key).sorted()
        if persons.isEmpty && orgs.isEmpty { throw badValue("no person or organization named \(name) in \(db)") }
        let nodes =
            persons.map { p in
                Node(
                    id: p.id, name: p.name, jurisdiction: p.jurisdiction,
                    titles: p.titles.sorted {
                        (Graph.dateKey($0.value.first), $0.key) < (Graph.dateKey($1.value.first), $1.key)
                    }
                    .map { Title(title: $0.key, first: $0.value.first, last: $0.value.last) })
            } + orgs.map { Node(id: $0, name: name, jurisdiction: "", titles: []) }
        let ids = Set(nodes.map(\.id))
        let attended = g.attendance.filter { ids.contains($0.from) }.map {
            Attended(
                node: $0.from, date: $0.date, role: $0.role, event: $0.to, eventName: g.events[$0.to]!.name,
                evidence: $0.evidence, titles: $0.titles)
        }
        switch format {
        case .json: try printJSON(Answer(name: name, nodes: nodes, attended: attended))
        case .csv:
            print(
                CSV.line(["node", "name", "jurisdiction", "date", "role", "event_id", "event", "titles", "evidence"]),
                terminator: "")
            let jur = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.jurisdiction) })
            for a in attended {
                print(
                    CSV.line([
                        a.node, name, jur[a.node] ?? "", a.date, a.role, a.event, a.eventName,
                        a.titles.joined(separator: ";"), a.evidence
                    ]), terminator: "")
            }
        case .text:
            for n in nodes {
                print("\(n.name)\(n.jurisdiction.isEmpty ? "" : " (\(n.jurisdiction))")")
                for t in n.titles {
                    print("  title  \(t.title)  \(t.first.isEmpty ? "?" : t.first) .. \(t.last.isEmpty ? "?" : t.last)")
                }
            }
            for a in attended {
                print("  \(a.date.isEmpty ? "(no date)" : a.date)  \(a.role)  \(a.eventName)  [\(a.evidence)]")
            }
        }
    }
}

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Events (merged: every name and source) on a date, between two dates, or all, with who attended.",
        discussion:
            "Dates are YYYY-MM-DD or year-less --MM-DD; a year-less date matches any year, and year-less events match by month and day."
    )
    @Option(name: .long, help: "One date.") var date: String?
    @Option(name: .long, parsing: .upToNextOption, help: "Two dates D1 D2 (inclusive).") var between: [String] = []
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "text, csv or json.") var format: QueryFormat = .text

    func validate() throws {
        if date != nil && !between.isEmpty { throw badValue("give --date D or --between D1 D2, not both") }
        if !between.isEmpty && between.count != 2 { throw badValue("--between takes two dates") }
        for d in date.map { [$0] } ?? between where !Self.isQueryDate(d) {
            throw badValue(
                "\(date != nil ? "--date" : "--between") \(d) is not a date: want YYYY-MM-DD (year 1000 or later) or year-less --MM-DD, a day of the calendar"
            )
        }
    }

    /// `YYYY-MM-DD` or year-less `--MM-DD` (`--02-29` is one).
    static func isQueryDate(_ d: String) -> Bool {
        guard d.hasPrefix("--") else { return IssueInput.parseISODate(d) != nil }
        // A leap year stands in for the missing one.
        guard let p = IssueInput.parseISODate("2000" + d.dropFirst(1)) else { return false }
        return p.day <= IssueInput.daysIn(month: p.month, year: nil)
    }

    struct Attendee: Encodable { let id, name, role: String }
    struct Listed: Encodable {
        let id, date, kind, place, name: String; let names, sources: [String]; let attendees: [Attendee]
    }

    func run() throws {
        let g = try openStore(db).graph()
        let range = date.map { ($0, $0) } ?? (between.isEmpty ? nil : (between[0], between[1]))
        func md(_ d: String) -> String { String(d.suffix(5)) }
        func inRange(_ d: String) -> Bool {
            guard let (lo, hi) = range else { return true }
            guard !d.isEmpty else { return false }
            if d.hasPrefix("--") || lo.hasPrefix("--") || hi.hasPrefix("--") {
                return md(lo) <= md(d) && md(d) <= md(hi)
            }
            return lo <= String(d.prefix(10)) && String(d.prefix(10)) <= hi
        }
        var byEvent: [String: [Attendee]] = [:]
        for a in g.attendance {
            byEvent[a.to, default: []].append(Attendee(id: a.from, name: g.label(a.from), role: a.role))
        }
        let listed = g.events.values.filter { inRange($0.date) }.sorted {
            (Graph.dateKey($0.date), $0.id) < (Graph.dateKey($1.date), $1.id)
        }.map {
            Listed(
                id: $0.id, date: $0.date, kind: $0.kind, place: $0.place, name: $0.name, names: $0.names,
                sources: $0.sources, attendees: byEvent[$0.id] ?? [])
        }
        switch format {
        case .json: try printJSON(listed)
        case .csv:
            print(
                CSV.line(["event_id", "date", "kind", "place", "name", "names", "sources", "attendees"]), terminator: ""
            )
            for e in listed {
                print(
                    CSV.line([
                        e.id, e.date, e.kind, e.place, e.name, e.names.joined(separator: ";"),
                        e.sources.joined(separator: ";"),
                        e.attendees.map { "\($0.name):\($0.role)" }.joined(separator: ";")
                    ]), terminator: "")
            }
        case .text:
            for e in listed {
                print(
                    "\(e.date.isEmpty ? "(no date)" : e.date)  \(e.names.joined(separator: " / "))  [\(e.id)]  sources: \(e.sources.joined(separator: ", "))"
                )
                for a in e.attendees { print("    \(a.role)  \(a.name)") }
            }
        }
    }
}
