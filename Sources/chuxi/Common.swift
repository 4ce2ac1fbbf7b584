import ArgumentParser
import ChuxiCore
import Foundation

/// Options every command that tags text takes.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of rule files (default: the repository's rules/).")
    var rules: String?

    func load() throws -> RuleSet {
        let dir = rules.map { URL(fileURLWithPath: $0) } ?? RuleSet.defaultDirectory()
        do { return try RuleSet.load(from: dir) } catch let e as RuleError {
            throw ValidationError("bad rule file: \(e)")
        }
    }
}

func standardError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}

/// A bad option value that cannot be used: a message naming it, exit status 2 (the status
/// of "something was not done"), rather than the parser's usage error.
func badValue(_ message: String) -> ExitCode {
    standardError("chuxi: \(message)")
    return ExitCode(2)
}

/// `--issue-date`: nil when absent, else valid or an error.
func checkIssueDate(_ d: String?) throws {
    if let d = d, IssueInput.parseISODate(d) == nil {
        throw badValue("--issue-date \(d) is not a date: want YYYY-MM-DD, a day of the calendar, year 1000 or later")
    }
}
