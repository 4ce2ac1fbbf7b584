import ChuxiCore
import Foundation
import XCTest

/// `chuxi` as a user meets it when something is wrong: the message, the exit status, and
/// outputs left as they were.
final class CommandFaultTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-faults-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws {
        if let d = dir {
            _ = try? run(["/bin/chmod", "-R", "u+rwx", d.path], tool: true); try? FileManager.default.removeItem(at: d)
        }
    }

    /// Runs chuxi (or a tool) with `args`; `prefix` runs it through another program (setpriv).
    @discardableResult
    func run(_ args: [String], tool: Bool = false, prefix: [String] = [], stdout: FileHandle? = nil) throws -> (
        status: Int32, stderr: String
    ) {
        let p = Process()
        let argv = prefix + (tool ? args : [chuxiBinary.path] + args)
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardError = err
        p.standardOutput = stdout ?? FileHandle.nullDevice
        try p.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, e)
    }

    var rulesArgs: [String] { ["--rules", repoRoot.appendingPathComponent("rules").path] }

    func write(_ text: String, _ rel: String) throws {
        let u = dir.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: u, atomically: true, encoding: .utf8)
    }

    func testTwoFilesWithOneIssueIdExit2NamingBothAndLeaveOutputs() throws {
        try write("区委书记林一主持会议。\n", "d1/a.txt"); try write("区长王二出席会议。\n", "d2/a.txt")
        try write("previous\n", "out/attendance.csv")
        let r = try run(["extract", "d1", "d2", "--out", "out"] + rulesArgs)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("d1/a.txt") && r.stderr.contains("d2/a.txt"), r.stderr)
        XCTAssertEqual(
            try String(contentsOf: dir.appendingPathComponent("out/attendance.csv"), encoding: .utf8), "previous\n")
        let b = try run(["batch", "d1", "d2", "--db", "s.sqlite"] + rulesArgs)
        XCTAssertEqual(b.status, 2, b.stderr)
        XCTAssertTrue(b.stderr.contains("d1/a.txt") && b.stderr.contains("d2/a.txt"), b.stderr)
    }

    func testSamePathTwiceIsExtractedOnce() throws {
        try write("区委书记林一主持会议。\n", "d1/a.txt")
        XCTAssertEqual(try run(["extract", "d1", "--out", "once"] + rulesArgs).status, 0)
        XCTAssertEqual(try run(["extract", "d1", "./d1/", "d1/a.txt", "--out", "twice"] + rulesArgs).status, 0)
        let once = try String(contentsOf: dir.appendingPathComponent("once/attendance.csv"), encoding: .utf8)
        XCTAssertGreaterThan(once.split(separator: "\n").count, 1)
        XCTAssertEqual(
            try String(contentsOf: dir.appendingPathComponent("twice/attendance.csv"), encoding: .utf8), once)
    }

    /// A symlinked archive is read like the folder itself.
    func testSymlinkedDirectoryIsExtracted() throws {
        try write("区委书记林一主持会议。\n", "d1/a.txt")
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("sl").path, withDestinationPath: "d1")
        XCTAssertEqual(try run(["extract", "d1", "--out", "direct"] + rulesArgs).status, 0)
        let r = try run(["extract", "sl", "--out", "linked"] + rulesArgs)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            try String(contentsOf: dir.appendingPathComponent("linked/attendance.csv"), encoding: .utf8),
            try String(contentsOf: dir.appendingPathComponent("direct/attendance.csv"), encoding: .utf8))
    }

    /// An unreadable subdirectory and an unreadable file are named with the reason and give
    /// exit status 2; the readable issue is still written. Root reads everything, so the run
    /// is made as `nobody` (setpriv) when the tests run as root.
    func testUnreadableSubdirectoryAndFileAreReportedAndCounted() throws {
        var prefix: [String] = []
        if getuid() == 0 {
            try XCTSkipUnless(
                FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                "root without setpriv: cannot lose read permission")
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        try write("区委书记林一主持会议。\n", "arch/good.txt"); try write("区长王二出席会议。\n", "arch/locked/b.txt")
        try write("区长王二出席会议。\n", "arch/secret.txt")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try run(["/bin/chmod", "755", dir.path], tool: true);
        try run(["/bin/chmod", "777", dir.appendingPathComponent("out").path], tool: true)
        try run(
            [
                "/bin/chmod", "000", dir.appendingPathComponent("arch/locked").path,
                dir.appendingPathComponent("arch/secret.txt").path
            ], tool: true)
        let r = try run(
            ["extract", dir.appendingPathComponent("arch").path, "--out", dir.appendingPathComponent("out").path]
                + rulesArgs, prefix: prefix)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("arch/locked: cannot read directory: Permission denied"), r.stderr)
        XCTAssertTrue(r.stderr.contains("arch/secret.txt: cannot read: Permission denied"), r.stderr)
        XCTAssertFalse(r.stderr.contains("no such file"), r.stderr)
        XCTAssertTrue(
            try String(contentsOf: dir.appendingPathComponent("out/attendance.csv"), encoding: .utf8).contains("林一"))
    }

    /// An impossible or year-0 date exits 2 with a message naming it, before any work.
    func testInvalidDatesExit2WithAMessage() throws {
        try write("区委书记林一主持会议。\n", "d1/a.txt")
        for d in ["2024-02-30", "0001-01-01", "2024-6-1"] {
            for cmd in [["extract", "d1", "--out", "out"], ["batch", "d1", "--db", "s.sqlite"]] {
                let r = try run(cmd + ["--issue-date", d] + rulesArgs)
                XCTAssertEqual(r.status, 2, "\(cmd[0]) \(d): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("--issue-date \(d) is not a date"), r.stderr)
            }
        }
        for args in [
            ["--date", "2024-02-30"], ["--date=--06-31"], ["--date", "junk"], ["--between", "2024-01-01", "2024-13-01"]
        ] {
            let r = try run(["events"] + args + ["--db", "q.sqlite"])
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("is not a date"), r.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("s.sqlite").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("q.sqlite").path))
        // Valid dates still run, a year-less leap day included.
        XCTAssertEqual(try run(["extract", "d1", "--out", "out", "--issue-date", "2024-02-29"] + rulesArgs).status, 0)
        XCTAssertEqual(try run(["batch", "d1", "--db", "s.sqlite"] + rulesArgs).status, 0)
        XCTAssertEqual(try run(["events", "--date=--02-29", "--db", "s.sqlite"]).status, 0)
    }

    /// `extract --jsonl` on an I/O error: the reason and exit status 1, never a trap.
    func testJSONLinesIOErrorsExit1WithAReason() throws {
        try write("{\"path\":\"a.txt\",\"text\":\"区委书记林一主持会议。\"}\n", "in.jsonl")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("adir"), withIntermediateDirectories: true)
        let jsonl = ["extract", "--jsonl", "-"] + rulesArgs
        func sh(_ script: String) -> [String] { ["/bin/sh", "-c", script, "sh"] }
        let cases: [(String, [String], [String], String)] = [
            (
                "stdout /dev/full", sh("exec \"$@\" < in.jsonl > /dev/full"), jsonl,
                "cannot write to standard output: No space left on device"
            ),
            (
                "stdout closed", sh("exec \"$@\" < in.jsonl >&-"), jsonl,
                "cannot write to standard output: Bad file descriptor"
            ),
            ("stdin closed", sh("exec \"$@\" <&-"), jsonl, "cannot read standard input: Bad file descriptor"),
            ("a directory", [], ["extract", "--jsonl", "adir"] + rulesArgs, "cannot read adir: Is a directory")
        ]
        for (name, prefix, args, message) in cases {
            let r = try run(args, prefix: prefix)
            XCTAssertEqual(r.status, 1, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(name): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Fatal error"), "\(name): \(r.stderr)")
        }
        // A closed pipe with SIGPIPE ignored (the reader gone after a second); the shell
        // reports chuxi's status, a pipeline's being that of its last command.
        let piped = try run(
            jsonl, prefix: sh("trap '' PIPE; { sleep 1; \"$@\" < in.jsonl; echo \"status $?\" >&2; } | true"))
        XCTAssertTrue(piped.stderr.contains("cannot write to standard output: Broken pipe"), piped.stderr)
        XCTAssertTrue(piped.stderr.contains("status 1"), piped.stderr)
    }
}
