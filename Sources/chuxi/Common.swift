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

/// Best effort: a closed or full stderr loses the message, never the run.
func standardError(_ s: String) {
    try? writeAll(2, Array((s + "\n").utf8), what: "write to standard error")
}

/// An I/O error on a stream: with what was being done and the system's reason.
struct IOFailure: Error, CustomStringConvertible {
    let what: String
    let code: Int32
    var description: String { "cannot \(what): \(String(cString: strerror(code)))" }
}

/// write(2) until all is written. Foundation's `FileHandle.write(_:)` and
/// `readData(ofLength:)` trap on an I/O error (a full disk, a closed descriptor, a closed
/// pipe with SIGPIPE ignored); these throw instead, so a command can say why and exit 1.
func writeAll(_ fd: Int32, _ bytes: [UInt8], what: String) throws {
    var done = 0
    while done < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
        if n < 0 { if errno == EINTR { continue }; throw IOFailure(what: what, code: errno) }
        done += n
    }
}

/// read(2) of at most `count` bytes; empty at the end of the stream.
func readSome(_ fd: Int32, count: Int, what: String) throws -> [UInt8] {
    var buf = [UInt8](repeating: 0, count: count)
    while true {
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, count) }
        if n < 0 { if errno == EINTR { continue }; throw IOFailure(what: what, code: errno) }
        buf.removeSubrange(n...)
        return buf
    }
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

/// `--format txt|pdf|html`.
extension InputFormat: ExpressibleByArgument {}

/// `--encoding`: nil when absent, else a name ICU knows or an error before any work.
func checkEncoding(_ e: String?) throws {
    if let e = e, !TextDecoding.isKnownEncoding(e) { throw badValue("--encoding: " + TextDecoding.unknownEncoding(e)) }
}
