import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the store as an HTML folder that opens offline in a browser.",
        discussion: """
            index.html: counts, events over time, the co-attendance network of the most connected
            persons (laid out by Graphviz sfdp; without sfdp the report is written without the
            drawing, with a message), a name search. A page per person (career, events with role,
            date, evidence sentence and a link to the source line), per event and per source file.
            The folder is written under a temporary name and renamed when complete; an existing
            --out must be an earlier report or empty. Exit status 2 on a missing store or bad --out.
            """)
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "Output folder (created; an earlier report there is replaced).") var out: String
    @Option(name: .long, help: "Persons in the network drawing.") var networkSize: Int = 40
    @Option(name: .long, help: "Path of Graphviz sfdp (default: found in PATH).") var sfdp: String?
    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if networkSize < 1 || networkSize > 500 { throw badValue("--network-size \(networkSize) is not in 1...500") }
    }

    func run() throws {
        let store = try openStore(db)
        var o = ReportWriter.Options()
        o.networkSize = networkSize; o.sfdp = sfdp
        o.posts = try ruleOptions.load().posts
        let tty = isatty(2) != 0
        let started = Date()
        let s: ReportWriter.Summary
        do {
            s = try ReportWriter.write(store: store, out: URL(fileURLWithPath: out), options: o) { done, total in
                if tty {
                    if done == total || done % 25 == 0 {
                        try? writeAll(
                            2, Array("\rchuxi report: \(done)/\(total) pages\(done == total ? "\n" : "")".utf8),
                            what: "write to standard error")
                    }
                } else if done == total || done % 500 == 0 {
                    standardError("chuxi report: \(done)/\(total) pages")
                }
            }
        } catch let e as ReportWriter.ReportError { throw badValue(e.description) }
        if let m = s.networkMessage { standardError("chuxi: \(m)") }
        print(
            "chuxi report: \(s.pages) pages (\(s.persons) persons, \(s.events) events, network of \(s.networkNodes)) in \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s; open \(out)/index.html"
        )
    }
}
