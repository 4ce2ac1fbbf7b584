import ChuxiCore
import Foundation
import XCTest

/// Cases of the hostile-input battery (issue 20, `scripts/hostile`) as a user meets them
/// through `chuxi`: a clear message, a non-zero exit where something was not done, nothing lost.
final class HostileInputTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { if let d = dir { try? FileManager.default.removeItem(at: d) } }

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    /// chuxi with `args` in the test's directory; `shell` runs it through `/bin/sh -c` ("$@" is chuxi and its arguments).
    @discardableResult
    func chuxi(_ args: [String], shell: String? = nil, input: Data? = nil) throws -> Run {
        let p = Process()
        let argv = [chuxiBinary.path] + args
        if let sh = shell {
            p.executableURL = URL(fileURLWithPath: "/bin/sh"); p.arguments = ["-c", sh, "sh"] + argv
        } else {
            p.executableURL = URL(fileURLWithPath: argv[0]); p.arguments = Array(argv.dropFirst())
        }
        p.currentDirectoryURL = dir
        // Files, not pipes, for the streams: nothing to drain while the child runs.
        let base = dir.appendingPathComponent(".run-\(UUID())")
        try (input ?? Data()).write(to: base.appendingPathExtension("in"))
        FileManager.default.createFile(atPath: base.appendingPathExtension("out").path, contents: nil)
        FileManager.default.createFile(atPath: base.appendingPathExtension("err").path, contents: nil)
        p.standardInput = try FileHandle(forReadingFrom: base.appendingPathExtension("in"))
        p.standardOutput = try FileHandle(forWritingTo: base.appendingPathExtension("out"))
        p.standardError = try FileHandle(forWritingTo: base.appendingPathExtension("err"))
        try p.run(); p.waitUntilExit()
        let o = try Data(contentsOf: base.appendingPathExtension("out")),
            e = try Data(contentsOf: base.appendingPathExtension("err"))
        return Run(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
    var rules: [String] { ["--rules", repoRoot.appendingPathComponent("rules").path] }
    func write(_ data: Data, _ rel: String) throws {
        let u = dir.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
    }
    func write(_ text: String, _ rel: String) throws { try write(Data(text.utf8), rel) }
    func read(_ rel: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8)
    }

    /// Big5 bytes (here written by hand: 區長王某某出席會議。) were read as GB18030 and gave no record.
    func testBig5FileGivesItsRecords() throws {
        let big5: [UInt8] = [
            0xB0, 0xCF, 0xAA, 0xF8, 0xA4, 0xFD, 0xAC, 0x59, 0xAC, 0x59, 0xA5, 0x58, 0xAE, 0x75, 0xB7, 0x7C, 0xC4, 0xB3,
            0xA1, 0x43, 0x0A
        ]
        try write(Data(big5), "in/b5.txt")
        let r = try chuxi(["extract", "in", "--out", "out"] + rules)
        XCTAssertEqual(r.status, 0, r.stderr)
        let csv = try read("out/attendance.csv")
        XCTAssertTrue(csv.contains("b5,1,,会议,王某某,person,区长,attend"), csv)
    }

    func testUTF16WithoutBOMAndUnknownEncodingsSayWhatToDo() throws {
        var le = Data(); for u in "区长王某某出席会议。\n".utf16 { le.append(UInt8(u & 0xFF)); le.append(UInt8(u >> 8)) }
        try write(le, "in/u16.txt")
        let r = try chuxi(["extract", "in", "--out", "out"] + rules)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("--encoding UTF-16LE"), r.stderr)
        XCTAssertEqual(try chuxi(["extract", "in", "--out", "out2", "--encoding", "UTF-16LE"] + rules).status, 0)
        let u = try chuxi(["extract", "in", "--out", "out3", "--encoding", "UTF-17"] + rules)
        XCTAssertEqual(u.status, 2, u.stderr)
        XCTAssertTrue(u.stderr.contains("unknown encoding \"UTF-17\""), u.stderr)
        XCTAssertFalse(u.stderr.contains("U_"), u.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out3").path))
    }

    /// Invalid UTF-8 inside a line and an impossible date are error lines (exit 2); the
    /// lines around them still give their records.
    func testJSONLinesRejectInvalidUTF8AndBadDates() throws {
        var input = Data("{\"path\":\"a.txt\",\"text\":\"区委书记林一主持会议。\"}\n".utf8)
        input += Data("{\"path\":\"b.txt\",\"text\":\"区长".utf8) + Data([0xE5, 0x8C]) + Data("王二出席会议。\"}\n".utf8)
        input += Data("{\"path\":\"c.txt\",\"text\":\"区长王三出席会议。\",\"date\":\"2024-02-30\"}\n".utf8)
        // no final line break
        input += Data("{\"path\":\"d.txt\",\"text\":\"区长王四出席会议。\",\"date\":\"2024-03-01\"}".utf8)
        let r = try chuxi(["extract", "--jsonl", "-"] + rules, input: input)
        XCTAssertEqual(r.status, 2, r.stderr)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, r.stdout)
        XCTAssertTrue(lines[0].contains("\"attendee\":\"林一\""), lines[0])
        XCTAssertTrue(
            lines[1].contains("\"type\":\"error\"") && lines[1].contains("b.txt") && lines[1].contains("invalid UTF-8"),
            lines[1])
        XCTAssertTrue(lines[2].contains("\"type\":\"error\"") && lines[2].contains("2024-02-30"), lines[2])
        XCTAssertTrue(lines[3].contains("\"attendee\":\"王四\"") && lines[3].contains("\"date\":\"\""), lines[3])
    }

    /// merge took a truncated last line, a record of wrong types and a part given twice,
    /// and dropped the mapper's error lines; now the parts are checked before the store is touched.
    func testMergeRejectsWhatItCannotRead() throws {
        let good = try chuxi(
            ["extract", "--jsonl", "-"] + rules,
            input: Data(
                "{\"path\":\"a.txt\",\"text\":\"区委书记林一主持会议。\"}\n{\"path\":\"b.txt\",\"text\":\"区长王二出席会议。\"}\n".utf8))
        XCTAssertEqual(good.status, 0, good.stderr)
        let recs = good.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(recs.count, 2)
        try write(recs[0] + "\n", "p/part-00000"); try write(recs[1] + "\n", "p/part-00001")
        let ok = try chuxi(["merge", "p", "--db", "ok.sqlite", "--out", "okout"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertEqual(try read("okout/attendance.csv").split(separator: "\n").count, 3)

        let cases: [(String, [String], String)] = [
            ("truncated", ["t/part-0"], "t/part-0:2: not a whole JSON record (truncated?)"),
            ("wrong types", ["w/part-0"], "w/part-0:1: \"article\" must be a whole number"),
            ("given twice", ["p", "p/part-00000"], "given twice"),
            ("issue in two parts", ["p", "dup"], "is also in"),
            ("missing", ["nowhere"], "nowhere: no such file or directory")
        ]
        try write(recs[0] + "\n" + String(recs[1].prefix(40)), "t/part-0")
        try write(recs[0].replacingOccurrences(of: "\"article\":1", with: "\"article\":\"one\"") + "\n", "w/part-0")
        try write(recs[0] + "\n", "dup/part-9")
        for (name, parts, message) in cases {
            let r = try chuxi(["merge"] + parts + ["--db", "\(name).sqlite"])
            XCTAssertEqual(r.status, 2, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains(message), "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("nothing merged"), "\(name): \(r.stderr)")
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: dir.appendingPathComponent("\(name).sqlite").path), name)
        }
        // The mapper's error lines: reported by issue, the others merged, exit 2.
        try write(
            recs[0] + "\n" + "{\"path\":\"c.txt\",\"reason\":\"line 3: invalid UTF-8\",\"type\":\"error\"}\n",
            "e/part-0")
        let e = try chuxi(["merge", "e", "--db", "e.sqlite", "--out", "eout"])
        XCTAssertEqual(e.status, 2, e.stderr)
        XCTAssertTrue(e.stderr.contains("not merged: c.txt") && e.stderr.contains("invalid UTF-8"), e.stderr)
        XCTAssertTrue(try read("eout/attendance.csv").contains("林一"))
    }

    /// `-h.txt` printed help and exited 0; `-x.txt` was taken for options.
    func testAPathThatStartsWithADashIsNamed() throws {
        try write("区长王某某出席会议。\n", "-h.txt")
        let r = try chuxi(["extract", "-h.txt", "--out", "out"] + rules)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("./-h.txt") && r.stderr.contains("--"), r.stderr)
        XCTAssertEqual(try chuxi(["extract", "--out", "out"] + rules + ["--", "-h.txt"]).status, 0)
        XCTAssertEqual(try chuxi(["extract", "./-h.txt", "--out", "out2"] + rules).status, 0)
        XCTAssertTrue(try read("out2/attendance.csv").contains("王某某"))
    }

    /// A command whose output cannot be written says so and exits 1 (print() dropped the error).
    func testStdoutThatCannotBeWrittenIsExit1() throws {
        try write("6月11日，区委书记林一主持会议。\n", "d/a.txt")
        XCTAssertEqual(try chuxi(["batch", "d", "--db", "s.sqlite"] + rules).status, 0)
        for args in [
            ["rules", "check"] + rules, ["who", "林一", "--db", "s.sqlite"],
            ["events", "--date=--06-11", "--db", "s.sqlite"]
        ] {
            let r = try chuxi(args, shell: "exec \"$@\" > /dev/full")
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("cannot write to standard output"), "\(args): \(r.stderr)")
        }
    }

    /// A file name that is not UTF-8 (GBK bytes) was "no such file"; it is named, escaped, and counted.
    func testNonUTF8FileNamesAreReported() throws {
        try write("区委书记林一主持会议。\n", "n/ok.txt")
        let bad = dir.path + "/n/\u{1}.txt"
        try Data("区长王二出席会议。\n".utf8).write(to: URL(fileURLWithPath: bad))
        // Rename to a GBK name through rename(2) with raw bytes.
        var from = Array(bad.utf8CString),
            to =
                Array((dir.path + "/n/").utf8CString.dropLast()) + [CChar(bitPattern: 0xD5), CChar(bitPattern: 0xC5)]
                + Array(".txt".utf8CString)
        XCTAssertEqual(rename(&from, &to), 0)
        let r = try chuxi(["extract", "n", "--out", "out"] + rules)
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("n/\\xD5\\xC5.txt: the file name is not UTF-8"), r.stderr)
        XCTAssertFalse(r.stderr.contains("no such file"), r.stderr)
        XCTAssertTrue(try read("out/attendance.csv").contains("林一"))
    }

    /// explain said a bare "cannot read" (exit 64 with usage) for a link loop and a missing file.
    func testExplainNamesWhyAFileCannotBeRead() throws {
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("loop").path, withDestinationPath: "loop")
        for (path, why) in [
            ("loop", "loop: symbolic link loop"), ("nothere.txt", "nothere.txt: no such file or directory"),
            (".", "is a directory")
        ] {
            let r = try chuxi(["explain", path, "--line", "1"] + rules)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains(why), r.stderr)
        }
    }
}
