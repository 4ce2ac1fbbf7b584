import ArgumentParser
import ChuxiCore

/// `chuxi`: who attended what, from Chinese government and district newspaper issues.
@main
struct Chuxi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chuxi",
        abstract: "Extract who attended what (officials, titles, roles, events, dates) from Chinese newspaper issues.",
        discussion: """
        Reads plain-text newspaper issues and writes who-attended-what records as CSV
        (see the output contract in the README). Tagging rules are data in rules/.
        """,
        subcommands: [ExtractCommand.self, Explain.self, SegmentCommand.self, RulesCommand.self, Diff.self, Eval.self, BatchCommand.self, ExportCommand.self, WhoCommand.self, EventsCommand.self, MergeCommand.self, ReportCommand.self, ReviewCommand.self, Bench.self]
    )

    static func main() {
        Allocator.keepFreedMemory()
        main(nil)
    }
}
