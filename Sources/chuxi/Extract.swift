import ArgumentParser
import ChuxiCore
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract attendance.csv and mentions.csv from issues.",
        discussion: """
        PATH is a text file (one issue) or a directory, walked recursively for *.txt in sorted
        order. The outputs are written atomically: a killed run leaves the previous files intact.
        A file that cannot be read is reported and skipped; the exit status is then 2.
        """)

    @Argument(help: "Input files or directories.")
    var paths: [String]

    @Option(name: .long, help: "Output directory.")
    var out: String

    @Option(name: .long, help: "Issue date YYYY-MM-DD (default: a date in the file's path).")
    var issueDate: String?

    @Option(name: .long, help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Force an input encoding (e.g. GB18030, UTF-16LE).")
    var encoding: String?

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if let d = issueDate, IssueInput.parseISODate(d) == nil { throw ValidationError("--issue-date must be YYYY-MM-DD, got \(d)") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let rules = try ruleOptions.load()
        let files: [(path: String, id: String)]
        do { files = try InputWalker.files(paths) } catch let e as InputError { throw ValidationError(e.description) }
        let result = try Extraction.run(files: files, rules: rules, jobs: jobs,
                                        issueDate: issueDate.flatMap(IssueInput.parseISODate), encoding: encoding)
        try result.write(to: URL(fileURLWithPath: out))
        let records = result.results.reduce(0) { $0 + $1.records.count }
        standardError("chuxi: \(result.results.count) issue(s), \(records) record(s) -> \(out)")
        for f in result.failures { standardError("chuxi: skipped \(f.path): \(f.reason)") }
        if !result.failures.isEmpty {
            standardError("chuxi: \(result.failures.count) file(s) failed")
            throw ExitCode(2)
        }
    }
}
