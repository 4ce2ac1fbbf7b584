import Foundation
import XCTest
@testable import ChuxiCore

/// `chuxi diff` and `chuxi eval` on the real records of output/.
final class ReviewTests: XCTestCase {
    func committed() throws -> [[String: String]] {
        try ContractCSV.readAttendance(
            try String(contentsOf: repoRoot.appendingPathComponent("output/attendance.csv"), encoding: .utf8))
    }

    func testIdenticalAndReorderedOutputsHaveNoDifference() throws {
        let rows = try committed()
        XCTAssertTrue(RecordDiff.compare(old: rows, new: rows).isEmpty)
        XCTAssertTrue(RecordDiff.compare(old: rows, new: rows.reversed()).isEmpty)
    }

    func testRemovedRecord() throws {
        let rows = try committed()
        var new = rows; let gone = new.remove(at: 3)
        let d = RecordDiff.compare(old: rows, new: new)
        XCTAssertEqual(d.entries.map(\.change), [.removed])
        XCTAssertEqual(d.entries[0].attendee, gone["attendee"])
        XCTAssertEqual(d.entries[0].evidence, gone["evidence"])
    }

    func testChangedRoleAndChangedTitle() throws {
        let rows = try committed()
        var new = rows
        new[1]["role"] = "observe"
        new[2]["titles"] = "区委常委"
        let d = RecordDiff.compare(old: rows, new: new)
        XCTAssertEqual(d.entries.map(\.change), [.changed, .changed])
        XCTAssertTrue(d.entries[0].new.joined().contains("observe"), "\(d.entries[0].new)")
        XCTAssertEqual(d.entries[1].new, ["attend [区委常委] --06-11"])
        XCTAssertTrue(d.markdown().contains("| ~ |"))
    }

    func testNewIssueIsAdded() throws {
        let rows = try committed()
        let extra = rows.filter { $0["issue"]!.hasPrefix("004") }.map { r -> [String: String] in
            var r = r; r["issue"] = "005_new"; return r
        }
        let d = RecordDiff.compare(old: rows, new: rows + extra)
        XCTAssertEqual(d.count(.added), Set(extra.map { "\($0["attendee"]!)|\($0["event"]!)" }).count)
        XCTAssertEqual(d.count(.removed) + d.count(.changed), 0)
        XCTAssertTrue(d.entries.allSatisfy { $0.issue == "005_new" })
    }

    /// The Swift evaluation prints what score.py prints, on the committed output and on a
    /// damaged copy of it (misses, a false record, a wrong title).
    func testEvalMatchesScorePy() throws {
        // eval/score.py is a copy of ../shared/eval/score.py, the reference scorer.
        let score = repoRoot.appendingPathComponent("eval/score.py")
        let gold = repoRoot.appendingPathComponent("eval/seeds_gold.csv").path
        var rows = try committed()
        rows.removeFirst(5)
        rows[0]["titles"] = "副区长"; rows[1]["attendee"] = "无名氏"; rows[2]["date"] = ""
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-eval-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = CSV.line(ContractCSV.attendanceHeader)
        for r in rows { csv += CSV.line(ContractCSV.attendanceHeader.map { r[$0] ?? "" }) }
        let damaged = dir.appendingPathComponent("a.csv")
        try csv.write(to: damaged, atomically: true, encoding: .utf8)
        for pred in [repoRoot.appendingPathComponent("output/attendance.csv").path, damaged.path] {
            // python3 is a dependency of the tests (scripts/test, README): a missing python3 or a
            // failing scorer fails here instead of skipping (`/usr/bin/env` itself always starts).
            let r = try Subprocess.run(
                "/usr/bin/env", ["python3", score.path, "--gold", gold, "--pred", pred, "--show"], timeout: 120)
            XCTAssertEqual(r.status, 0, "python3 eval/score.py failed: \(String(decoding: r.stderr, as: UTF8.self))")
            let expected = String(decoding: r.stdout, as: UTF8.self)
            let ours = Evaluation.evaluate(
                gold: try ContractCSV.readAttendance(try String(contentsOfFile: gold, encoding: .utf8)),
                pred: try ContractCSV.readAttendance(try String(contentsOfFile: pred, encoding: .utf8)))
            XCTAssertEqual(ours.report(show: true), expected, pred)
        }
    }
}
