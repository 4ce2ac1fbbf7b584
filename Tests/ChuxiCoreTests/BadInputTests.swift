import Foundation
import XCTest
@testable import ChuxiCore

/// Messy input: other encodings, traditional script, empty and binary files, huge lines.
final class BadInputTests: TemporaryDirectoryTestCase {
    func keys(_ r: IssueResult) -> [String] {
        r.records.map { "\($0.attendee)/\($0.role.rawValue)/\($0.date)/\($0.titles.joined(separator: ";"))" }
    }

    func testGB18030SeedGivesTheSameRecordsAsUTF8() throws {
        let iconv = "/usr/bin/iconv"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: iconv), "iconv not installed")
        let src =
            repoRoot.appendingPathComponent("seeds").path + "/" + (try seedPaths().first { $0.id.hasPrefix("003") }!.id)
            + ".txt"
        let out = dir.appendingPathComponent("gb.txt")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: iconv)
        p.arguments = ["-f", "UTF-8", "-t", "GB18030", src]
        FileManager.default.createFile(atPath: out.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        try p.run(); p.waitUntilExit()
        let bytes = try Data(contentsOf: out)
        XCTAssertNil(String(data: bytes, encoding: .utf8), "the converted file must not be UTF-8")
        let decoded = try TextDecoding.decode(bytes, path: out.path)
        XCTAssertEqual(keys(try extract(decoded)), keys(try extract(try seedText("003"))))
    }

    func testUTF16WithBOMAndUTF8WithBOM() throws {
        let text = try seedText("004")
        var le = Data([0xFF, 0xFE]); for u in text.utf16 { le.append(UInt8(u & 0xFF)); le.append(UInt8(u >> 8)) }
        var be = Data([0xFE, 0xFF]); for u in text.utf16 { be.append(UInt8(u >> 8)); be.append(UInt8(u & 0xFF)) }
        XCTAssertEqual(try TextDecoding.decode(le, path: "le"), text)
        XCTAssertEqual(try TextDecoding.decode(be, path: "be"), text)
        XCTAssertEqual(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), path: "bom"), text)
    }

    /// The fast path decodes straight to scalars; on every input it must accept exactly what
    /// Swift's own UTF-8 validation accepts (and decode it the same), else defer to `decode`.
    func testUTF8FastPathAgreesWithSwiftValidation() throws {
        let seed = Array(try seedText("001").utf8.prefix(3000))
        var rng = FuzzTests.SplitMix64(state: 7)
        var inputs: [[UInt8]] = [
            seed, [0xEF, 0xBB, 0xBF] + seed, [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
            [0xE0, 0x80, 0xAF], [0xF0, 0x9F, 0x98, 0x80]
        ]
        for _ in 0..<400 {
            var m = seed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                m[Int.random(in: 0..<m.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            inputs.append(m)
        }
        for b in inputs {
            let body = b.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(b.dropFirst(3)) : b
            let swift =
                body.contains(0) ? nil : String(validating: body, as: UTF8.self).map { Array($0.unicodeScalars) }
            XCTAssertEqual(TextDecoding.utf8Scalars(Data(b)), swift, "\(b.prefix(8))")
        }
    }

    func testEmptyBinaryAndUndecodableFilesGiveClearErrors() {
        XCTAssertThrowsError(try TextDecoding.decode(Data(), path: "e.txt")) {
            XCTAssertTrue("\($0)".contains("e.txt: empty file"))
        }
        XCTAssertThrowsError(try TextDecoding.decode(Data([0x41, 0x00, 0x42]), path: "b.txt")) {
            XCTAssertTrue("\($0)".contains("NUL byte at offset 1"))
        }
        // Valid neither as UTF-8 nor as GB18030 (0xFF is never a GB18030 lead byte).
        XCTAssertThrowsError(try TextDecoding.decode(Data("区长".utf8) + Data([0xFF, 0xFF]), path: "x.txt")) {
            XCTAssertTrue("\($0)".contains("x.txt"), "\($0)"); XCTAssertTrue("\($0)".contains("offset 6"), "\($0)")
        }
    }

    func testTraditionalScriptGivesTheSamePeopleAndRoles() throws {
        let simplified = try seedText("000")
        let trad = String(
            String.UnicodeScalarView(
                try ScriptFolding(id: "Simplified-Traditional").transform(Array(simplified.unicodeScalars))))
        XCTAssertNotEqual(trad, simplified)
        let a = try extract(simplified), b = try extract(trad)
        XCTAssertEqual(
            Set(b.records.map { "\($0.attendee)/\($0.role.rawValue)" }),
            Set(a.records.map { "\($0.attendee)/\($0.role.rawValue)" }))
        // Evidence still cites the original (traditional) characters at the same offsets.
        XCTAssertEqual(b.records.map(\.evidence), a.records.map(\.evidence))
    }

    func testHugeSingleLineDoesNotCrash() throws {
        let para = try seedText("000").replacingOccurrences(of: "\n", with: "")
        let huge = String(repeating: para, count: 60)  // ~1.1 MB on one line
        let r = try extract(huge)
        XCTAssertGreaterThan(r.records.count, 10)
    }

    func testOneBadFileDoesNotStopTheOthers() throws {
        try Data().write(to: dir.appendingPathComponent("a-empty.txt"))
        try Data([0, 1, 2, 3]).write(to: dir.appendingPathComponent("b-binary.txt"))
        try Data(try seedText("004").utf8).write(to: dir.appendingPathComponent("c-good.txt"))
        let ex = try Extraction.run(
            files: try InputWalker.files([dir.path]), rules: sharedRules, jobs: 2, issueDate: nil)
        XCTAssertEqual(
            ex.failures.map { URL(fileURLWithPath: $0.path).lastPathComponent }, ["a-empty.txt", "b-binary.txt"])
        XCTAssertEqual(ex.results.map(\.issue), ["c-good"])
        XCTAssertGreaterThan(ex.results[0].records.count, 5)
    }

    /// A cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR first)
    /// is written with a leading `'`; the contract's dates (`--06-11`, ranges) are not formulas.
    func testCSVCellsThatStartAFormulaAreWrittenAsText() {
        let cases: [(String, String)] = [
            ("=1+1研讨会", "'=1+1研讨会"), ("+86会议", "'+86会议"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=x", "'\t=x"), ("\r=x", "\"'\r=x\""), ("=a,b", "\"'=a,b\""), ("区长=", "区长="),
            ("--06-11", "--06-11"), ("--06-11/--06-12", "--06-11/--06-12"), ("2024-06-11", "2024-06-11"), ("", "")
        ]
        for (value, written) in cases {
            XCTAssertEqual(CSV.field(value), written, value.debugDescription)
            var b = CSVBuffer(); b.field(value)
            XCTAssertEqual(String(decoding: b.bytes, as: UTF8.self), written, value.debugDescription)
        }
        let r = AttendanceRecord(
            issue: "=cmd", article: 1, date: "--06-11", event: "=1+1研讨会", attendee: "林一", kind: "person",
            titles: ["-区长"], role: .attend, source: 0..<2, evidence: "L1:C1-L1:C2")
        XCTAssertEqual(
            ContractCSV.attendance([r]).split(separator: "\n")[1],
            "'=cmd,1,--06-11,'=1+1研讨会,林一,person,'-区长,attend,L1:C1-L1:C2")
    }

    /// The same path given twice (or inside another root) is listed once; two different
    /// files with one issue id are an error naming both, before any work.
    func testIssueIdsNeverCollideSilently() throws {
        let fm = FileManager.default
        for d in ["d1", "d2"] {
            try fm.createDirectory(at: dir.appendingPathComponent(d), withIntermediateDirectories: true)
        }
        try "区委书记林一主持会议。\n".write(to: dir.appendingPathComponent("d1/a.txt"), atomically: true, encoding: .utf8)
        try "区长王二出席会议。\n".write(to: dir.appendingPathComponent("d2/a.txt"), atomically: true, encoding: .utf8)
        let d1 = dir.appendingPathComponent("d1").path, d2 = dir.appendingPathComponent("d2").path
        let once = try InputWalker.files([d1, d1, d1 + "/", d1 + "/a.txt"])
        XCTAssertEqual(once.map(\.id), ["a"])
        for roots in [[d1, d2], [d1 + "/a.txt", d2 + "/a.txt"]] {
            XCTAssertThrowsError(try InputWalker.list(roots)) {
                XCTAssertTrue("\($0)".contains(d1 + "/a.txt") && "\($0)".contains(d2 + "/a.txt"), "\($0)")
            }
        }
    }

    /// A symlinked directory is walked (a link back up is not walked again); a broken link
    /// and a link loop are skipped by name with their reason, never as "no such file".
    func testSymlinkedDirectoriesAreFollowedAndBrokenLinksReported() throws {
        let fm = FileManager.default
        let real = dir.appendingPathComponent("real")
        try fm.createDirectory(at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "区委书记林一主持会议。\n".write(to: real.appendingPathComponent("sub/a.txt"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: real.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: real.appendingPathComponent("gone.txt").path, withDestinationPath: "nowhere")
        try fm.createSymbolicLink(atPath: real.appendingPathComponent("loop").path, withDestinationPath: "loop")
        let link = dir.appendingPathComponent("link").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: real.path)
        let l = try InputWalker.list([link])
        XCTAssertEqual(l.files.map(\.id), ["sub/a"])
        XCTAssertEqual(
            l.skipped.map(\.description), [link + "/gone.txt: broken symbolic link", link + "/loop: symbolic link loop"]
        )
        XCTAssertThrowsError(try InputWalker.list([real.appendingPathComponent("loop").path])) {
            XCTAssertTrue("\($0)".hasSuffix("symbolic link loop"), "\($0)")
        }
    }

    /// An issue date is a day of the calendar in a four-digit year, written YYYY-MM-DD.
    func testIssueDatesAreDaysOfTheCalendar() {
        for ok in ["2024-02-29", "2000-02-29", "1000-01-01", "2024-12-31", "2024-04-30"] {
            XCTAssertNotNil(IssueInput.parseISODate(ok), ok)
        }
        for bad in [
            "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-06-00",
            "0001-01-01", "0999-12-31", "999-01-01", "2024-6-1", "+024-06-11", "2024-06-11x", "2024/06/11", ""
        ] {
            XCTAssertNil(IssueInput.parseISODate(bad), bad)
        }
    }

    /// Zero-width characters inside a name (pasted from the web) are dropped by the
    /// normalizer: the record is found, and spans still cite the original offsets.
    func testZeroWidthCharactersInsideANameAreIgnored() throws {
        let plain = try extract("区委书记林一主持会议。\n")
        XCTAssertEqual(plain.records.map(\.attendee), ["林一"])
        for zw in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"] {
            let r = try extract("区委书记林\(zw)一主持会议。\n")
            XCTAssertEqual(r.records.map(\.attendee), ["林一"], zw.unicodeScalars.first!.escaped(asASCII: true))
            XCTAssertEqual(r.records.map(\.evidence), ["L1:C5-L1:C9"])
            let person = r.mentions.first { $0.type == .person }
            XCTAssertEqual(person.map { $0.start..<$0.end }, 4..<7)
            XCTAssertFalse(r.normalized.scalars.contains(zw.unicodeScalars.first!))
        }
        // Between digits and around spaces they vanish as well (`3月 9日` rules still apply).
        let d = try extract("3月\u{200B} \u{200B}9日，区委书记林一主持会议。\n")
        XCTAssertEqual(String(String.UnicodeScalarView(d.normalized.scalars.prefix(4))), "3月9日")
    }

    /// Bytes in a legacy charset, made by Python's codecs (not by ICU, the decoder under test).
    func pythonEncoded(_ text: String, _ codec: String) throws -> Data {
        let py = "/usr/bin/python3"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: py), "python3 not installed")
        let p = Process(), out = Pipe(), inp = Pipe()
        p.executableURL = URL(fileURLWithPath: py)
        p.arguments = [
            "-c", "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('\(codec)'))"
        ]
        p.standardOutput = out; p.standardInput = inp
        try p.run()
        inp.fileHandleForWriting.write(Data(text.utf8)); try inp.fileHandleForWriting.close()
        let d = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return d
    }

    /// Big5 bytes are mostly valid GB18030 too: both are decoded and the text of common
    /// characters wins (before, Big5 was read as GB18030 gibberish and gave no record).
    func testBig5IsToldFromGB18030ByDecodingBoth() throws {
        let trad = "區長王某某出席會議。\n副區長陳某某主持會議並講話。\n"
        let big5 = try pythonEncoded(trad, "big5")
        XCTAssertNotNil(
            try? TextDecoding.icu([UInt8](big5), charset: "GB18030", path: ""),
            "the Big5 bytes must be valid GB18030 too, else this tests nothing")
        XCTAssertEqual(try TextDecoding.decode(big5, path: "b.txt"), trad)
        XCTAssertEqual(
            Set(try extract(try TextDecoding.decode(big5, path: "b.txt")).records.map(\.attendee)), ["王某某", "陈某某"])
        // One line of four traditional markers is folded too (five were needed before).
        let line = try pythonEncoded("區長王某某出席會議。\n", "big5")
        XCTAssertEqual(try extract(try TextDecoding.decode(line, path: "l.txt")).records.map(\.attendee), ["王某某"])
        // Simplified and traditional text in GB18030 stay GB18030.
        let simp = "区长王某某出席会议。\n副区长陈某某主持会议并讲话。\n"
        XCTAssertEqual(try TextDecoding.decode(try pythonEncoded(simp, "gb18030"), path: "g.txt"), simp)
        XCTAssertEqual(try TextDecoding.decode(try pythonEncoded(trad, "gb18030"), path: "t.txt"), trad)
        // The first block of a large file is told the same way (cut inside a character too).
        XCTAssertEqual(TextDecoding.legacyCharset([UInt8](big5)), "Big5")
        XCTAssertEqual(TextDecoding.legacyCharset([UInt8](big5.dropLast(2))), "Big5")
        XCTAssertEqual(TextDecoding.legacyCharset([UInt8](try pythonEncoded(simp, "gb18030"))), "GB18030")
    }

    /// UTF-16 without a byte-order mark is named as such, with the option that reads it.
    func testUTF16WithoutBOMIsNamedWithAHint() throws {
        let text = "区长王某某出席会议。Meeting 2024.\n"
        let le = try pythonEncoded(text, "utf-16-le"), be = try pythonEncoded(text, "utf-16-be")
        XCTAssertThrowsError(try TextDecoding.decode(le, path: "le.txt")) {
            XCTAssertTrue("\($0)".contains("--encoding UTF-16LE"), "\($0)")
        }
        XCTAssertThrowsError(try TextDecoding.decode(be, path: "be.txt")) {
            XCTAssertTrue("\($0)".contains("--encoding UTF-16BE"), "\($0)")
        }
        XCTAssertEqual(try TextDecoding.decode(le, path: "le.txt", forced: "UTF-16LE"), text)
        // Chinese only: no NUL at all in many pairs, still told apart from a binary file.
        let zh = try pythonEncoded("区长王某某出席会议。\n", "utf-16-le")
        if zh.contains(0) {
            XCTAssertThrowsError(try TextDecoding.decode(zh, path: "zh.txt")) {
                XCTAssertTrue("\($0)".contains("UTF-16LE"), "\($0)")
            }
        }
        XCTAssertThrowsError(
            try TextDecoding.decode(Data([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x17, 0x99]), path: "b.bin")
        ) {
            XCTAssertFalse("\($0)".contains("UTF-16"), "\($0)")
        }
    }

    /// An encoding ICU does not know is named, with the names that work, never an ICU code.
    func testUnknownEncodingIsNamedWithoutICUCodes() {
        XCTAssertFalse(TextDecoding.isKnownEncoding("FOO-8"))
        XCTAssertTrue(
            TextDecoding.isKnownEncoding("gbk") && TextDecoding.isKnownEncoding("Big5")
                && TextDecoding.isKnownEncoding("UTF-16LE"))
        XCTAssertThrowsError(try TextDecoding.decode(Data("区长".utf8), path: "x.txt", forced: "FOO-8")) {
            XCTAssertTrue("\($0)".contains("unknown encoding \"FOO-8\""), "\($0)");
            XCTAssertFalse("\($0)".contains("U_"), "\($0)")
        }
    }
}
