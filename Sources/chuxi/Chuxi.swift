import ArgumentParser
import ChuxiCore
import Foundation

/// `chuxi`: who attended what, from Chinese government and district newspaper issues.
@main
struct Chuxi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chuxi",
        abstract: "Extract who attended what (officials, titles, roles, events, dates) from Chinese newspaper issues.",
        discussion: """
            Reads plain-text newspaper issues and writes who-attended-what records as CSV
            (see the output contract in the README). Tagging rules are data in rules/.
            A path that starts with '-' is given as ./-x.txt or after -- (chuxi extract --out DIR -- -x.txt).
            """,
        subcommands: [
            ExtractCommand.self, Explain.self, SegmentCommand.self, RulesCommand.self, Diff.self, Eval.self,
            BatchCommand.self, ExportCommand.self, WhoCommand.self, EventsCommand.self, MergeCommand.self,
            ReportCommand.self, ReviewCommand.self, Bench.self
        ]
    )

    /// Parses and runs the command, then makes sure what it printed reached standard output:
    /// a full disk, a closed descriptor or a closed pipe is a message and exit status 1, not
    /// a silent 0 (print() drops write errors until stdio is flushed).
    static func main() {
        Allocator.keepFreedMemory()
        let args = Array(CommandLine.arguments.dropFirst())
        if let p = pathTakenForAnOption(args) {
            standardError(
                "chuxi: \(p) is a file, but an argument that starts with '-' is read as an option (\(p.hasPrefix("-h") ? "-h asks for help" : "an unknown one")): write ./\(p), or give the paths after -- (chuxi extract --out DIR -- \(p))"
            )
            Foundation.exit(2)
        }
        var status: Int32 = 0
        do {
            var command = try parseAsRoot(args)
            try command.run()
        } catch let e as IOFailure {
            standardError("chuxi: \(e)")
            status = 1
        } catch {
            if let code = (error as? ExitCode)?.rawValue {
                status = code
            } else {
                flushStandardOutput()
                exit(withError: error)
            }
        }
        if !flushStandardOutput() { status = 1 }
        Foundation.exit(status)
    }

    /// Flushes stdout; false (the reason on stderr) when any of it could not be written.
    @discardableResult
    static func flushStandardOutput() -> Bool {
        let failed = fflush(stdout) != 0 || ferror(stdout) != 0
        if failed {
            standardError(
                "chuxi: cannot write to standard output: \(String(cString: strerror(errno == 0 ? EIO : errno)))")
        }
        return !failed
    }

    /// An argument before `--` that starts with '-' and names an existing file or directory
    /// (`-h.txt` printed help and exited 0; `-x.txt` was taken for options).
    static func pathTakenForAnOption(_ args: [String]) -> String? {
        for a in args {
            if a == "--" { return nil }
            var st = stat()
            if a.hasPrefix("-"), a != "-", !a.hasPrefix("--"), lstat(a, &st) == 0 { return a }
        }
        return nil
    }
}
