import ChuxiCore
import Foundation
import XCTest
@testable import ChuxiStore

/// Corrections survive re-extraction: applied after every batch, so a rule change never
/// undoes them, in the store, every export and the report. Corrections name seed records
/// (output/attendance.csv) and an invented attendee.
final class CorrectionsTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-corrections-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let seed0 = "000_2d8a954f069979b9"
    /// 姜坚's name is fixed (as a name cut by a rank would be), 龙婉丽's record rejected, an
    /// invented 陈小明 added, and one correction points at a record that never existed.
    static let file = """
        action,issue,evidence,attendee,role,field,value,article,date,event,kind,titles,who,when,why
        fix,\(seed0),L7:C73-L7:C82,姜坚,,attendee,姜坚强,,,,,,ana,2026-12-01,the text cuts the name
        reject,\(seed0),L7:C69-L7:C82,龙婉丽,,,,,,,,,ana,2026-12-01,not present
        add,\(seed0),L7:C1-L7:C5,陈小明,attend,,,1,--06-11,二届区政府第96次常务会议,person,副区长,ana,2026-12-01,named in the photo caption
        reject,\(seed0),L999:C1-L999:C3,无此人,,,,,,,,,ana,2026-12-01,an orphan
        """

    func rows(_ s: Store) throws -> [[String: String]] { try s.attendanceRows() }
    func has(_ rows: [[String: String]], _ name: String) -> Bool { rows.contains { $0["attendee"] == name } }

    func testParseErrorsNameTheLine() {
        XCTAssertThrowsError(try Corrections.parse("action,issue,evidence\nerase,a,L1:C1-L1:C2\n")) {
            XCTAssertTrue("\($0)".contains("line 2"))
        }
        XCTAssertThrowsError(try Corrections.parse("action,issue,evidence,field,value\nfix,a,L1:C1-L1:C2,role,boss\n"))
        { XCTAssertTrue("\($0)".contains("role")) }
        XCTAssertThrowsError(try Corrections.parse("action,issue\nreject,a\n")) {
            XCTAssertTrue("\($0)".contains("evidence"))
        }
    }

    /// A span moved by a rule change (the name now a character longer) still finds its record.
    func testAMovedSpanStillMatches() throws {
        let c = try Corrections.parse("action,issue,evidence,attendee,field,value\nfix,i,L3:C5-L3:C9,,role,chair\n")
        let (out, o) = c.apply(to: [
            ["issue": "i", "article": "1", "attendee": "甲乙", "role": "attend", "evidence": "L3:C4-L3:C9"],
            ["issue": "i", "article": "1", "attendee": "丙丁", "role": "attend", "evidence": "L4:C1-L4:C3"]
        ])
        XCTAssertEqual(o.orphans.count, 0)
        XCTAssertEqual(out.map { $0["role"]! }, ["chair", "attend"])
    }

    func testCorrectionsHoldAfterARuleChangeInStoreExportsAndReport() throws {
        let arch = dir.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("seeds"), to: arch)
        let corr = try Corrections.parse(Self.file)
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        let rules = try RuleSet.load(from: repoRoot.appendingPathComponent("rules"))
        let s1 = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 2, corrections: corr)
        XCTAssertEqual(s1.corrections?.applied, 3)
        XCTAssertEqual(s1.corrections?.orphans.map(\.line), [5])
        var r = try rows(store)
        XCTAssertTrue(has(r, "姜坚强") && !has(r, "姜坚") && !has(r, "龙婉丽") && has(r, "陈小明"))
        let raw1 = try store.extractedRows()
        XCTAssertTrue(has(raw1, "姜坚") && has(raw1, "龙婉丽"), "the extraction itself is kept")

        // A rule change: 主持 is no chair trigger any more. Every issue is extracted again.
        let changed = dir.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("rules"), to: changed)
        let roles = changed.appendingPathComponent("roles.rules")
        let text = try String(contentsOf: roles, encoding: .utf8)
        XCTAssertTrue(text.contains("\nchair verb 主持\n"))
        try text.replacingOccurrences(of: "\nchair verb 主持\n", with: "\n").write(
            to: roles, atomically: true, encoding: .utf8)
        let s2 = try Batch.run(
            archive: [arch.path], store: store, rules: try RuleSet.load(from: changed), jobs: 2, corrections: corr)
        XCTAssertEqual(s2.reextractedForRules, 5)
        let raw2 = try store.extractedRows()
        XCTAssertNotEqual(raw1, raw2, "the rule change changed the extraction")
        XCTAssertTrue(has(raw2, "姜坚") && has(raw2, "龙婉丽"), "the new extraction has the records the decisions are about")
        r = try rows(store)
        XCTAssertTrue(
            has(r, "姜坚强") && !has(r, "姜坚") && !has(r, "龙婉丽") && has(r, "陈小明"),
            "the decisions hold after the rule change")
        XCTAssertEqual(s2.corrections?.orphans.map(\.line), [5])

        // Every export, through the binary.
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        for format in ["csv", "neo4j", "gephi", "gexf", "graphml", "coattendance", "careers"] {
            let out = dir.appendingPathComponent("x-\(format)")
            let p = try run([
                chuxiBinary.path, "export", "--db", dir.appendingPathComponent("s.sqlite").path, "--format", format,
                "--out", out.path
            ])
            XCTAssertEqual(p.status, 0, p.err)
            let all = try FileManager.default.contentsOfDirectory(atPath: out.path).map {
                try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)
            }.joined()
            XCTAssertTrue(all.contains("姜坚强"), format)
            XCTAssertFalse(all.contains("龙婉丽"), format)
            if format != "careers" { XCTAssertTrue(all.contains("陈小明"), format) }
        }
        // The report.
        let rep = dir.appendingPathComponent("report")
        _ = try ReportWriter.write(
            store: store, out: rep,
            options: {
                var o = ReportWriter.Options(); o.sfdp = "/nonexistent"; return o
            }())
        let persons = try String(contentsOf: rep.appendingPathComponent("persons.html"), encoding: .utf8)
        XCTAssertTrue(persons.contains(">姜坚强</a>") && persons.contains(">陈小明</a>") && !persons.contains("龙婉丽"))

        // Orphans listed by batch and by review --orphans.
        let cfile = dir.appendingPathComponent("corrections.csv")
        try Self.file.write(to: cfile, atomically: true, encoding: .utf8)
        let b = try run([
            chuxiBinary.path, "batch", arch.path, "--db", dir.appendingPathComponent("s.sqlite").path, "--corrections",
            cfile.path
        ])
        XCTAssertEqual(b.status, 0, b.err)
        XCTAssertTrue(b.err.contains("orphaned correction, no such record: line 5: reject"), b.err)
        XCTAssertTrue(b.out.contains("corrections: 3 applied, 1 orphaned"), b.out)
        let o = try run([
            chuxiBinary.path, "review", "--orphans", "--db", dir.appendingPathComponent("s.sqlite").path,
            "--corrections", cfile.path
        ])
        XCTAssertEqual(o.status, 1)
        XCTAssertTrue(o.out.contains("orphan: line 5: reject \(Self.seed0) L999:C1-L999:C3 无此人"), o.out)
        // extract applies them too, with the changed rules.
        let xe = dir.appendingPathComponent("xe")
        let x = try run([
            chuxiBinary.path, "extract", arch.path, "--out", xe.path, "--rules", changed.path, "--corrections",
            cfile.path
        ])
        XCTAssertEqual(x.status, 0, x.err)
        let att = try String(contentsOf: xe.appendingPathComponent("attendance.csv"), encoding: .utf8)
        XCTAssertTrue(att.contains(",姜坚强,") && att.contains(",陈小明,") && !att.contains("龙婉丽"))
        XCTAssertTrue(x.err.contains("orphaned correction"), x.err)
        // A bad corrections file: exit 2, the store untouched.
        try "action,issue\nerase,x\n".write(to: cfile, atomically: true, encoding: .utf8)
        let bad = try run([
            chuxiBinary.path, "batch", arch.path, "--db", dir.appendingPathComponent("s.sqlite").path, "--corrections",
            cfile.path
        ])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(has(try rows(store), "姜坚强"))
    }

    /// review writes a reproducible sample, reads the marked file back into corrections,
    /// and eval --gold scores the records against the reviewed sample.
    func testReviewSampleRoundTripAndEvalOnIt() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        let db = dir.appendingPathComponent("s.sqlite").path
        _ = try Batch.run(
            archive: [repoRoot.appendingPathComponent("seeds").path], store: try Store(path: db),
            rules: try RuleSet.load(from: repoRoot.appendingPathComponent("rules")), jobs: 2)
        let a = dir.appendingPathComponent("a.csv").path, b = dir.appendingPathComponent("b.csv").path,
            md = dir.appendingPathComponent("m.md").path
        for p in [a, b] {
            XCTAssertEqual(
                try run([chuxiBinary.path, "review", "--db", db, "--out", p, "--random", "6", "--seed", "42"]).status, 0
            )
        }
        XCTAssertEqual(
            try String(contentsOfFile: a, encoding: .utf8), try String(contentsOfFile: b, encoding: .utf8),
            "same seed, same sample")
        XCTAssertEqual(
            try run([chuxiBinary.path, "review", "--db", db, "--out", md, "--per-issue", "2", "--seed", "42"]).status, 0
        )
        // Mark the markdown: the first record rejected.
        var lines = try String(contentsOfFile: md, encoding: .utf8).components(separatedBy: "\n")
        let first = lines.firstIndex { $0.hasPrefix("| confirm") }!
        XCTAssertTrue(lines[first].contains("【"), "the sample carries the evidence sentence")
        lines[first] = lines[first].replacingOccurrences(of: "| confirm |", with: "| reject |")
        try lines.joined(separator: "\n").write(toFile: md, atomically: true, encoding: .utf8)
        let corr = dir.appendingPathComponent("corrections.csv").path
        let rd = try run([chuxiBinary.path, "review", "--read", md, "--corrections", corr, "--who", "ana"])
        XCTAssertEqual(rd.status, 0, rd.err)
        let c = try Corrections.load(path: corr)
        XCTAssertEqual(c.items.count, 8)  // 2 per issue of the 4 issues with records
        XCTAssertEqual(c.items.filter { $0.action == "reject" }.count, 1)
        XCTAssertTrue(c.items.allSatisfy { $0["who"] == "ana" && !$0["when"].isEmpty })
        // eval on the reviewed sample: 7 of 8 predicted records confirmed, one false.
        let out = dir.appendingPathComponent("x")
        XCTAssertEqual(
            try run([chuxiBinary.path, "export", "--db", db, "--format", "csv", "--out", out.path]).status, 0)
        let e = try run([
            chuxiBinary.path, "eval", "--gold", corr, "--pred", out.appendingPathComponent("attendance.csv").path
        ])
        XCTAssertEqual(e.status, 0, e.err)
        XCTAssertTrue(e.err.contains("7 gold record(s), 8 reviewed predicted record(s)"), e.err)
    }

    func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: args[0]); p.arguments = Array(args.dropFirst())
        p.currentDirectoryURL = dir
        let o = Pipe(), e = Pipe()
        p.standardOutput = o; p.standardError = e
        try p.run()
        let out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out, err)
    }
}
