import ChuxiCore
import Foundation
import XCTest
@testable import ChuxiStore

/// The roster: three invented officials of an invented city, a text that names them only
/// by aliases and surname+post, and what changes (and what does not) without the roster.
final class RosterTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-roster-\(UUID())")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    static let roster = """
        name,aliases,posts
        林海峰,林书记;海峰同志,江川市委书记@2020-01-01/2024-12-31;江川市市长@2015-03-01/2019-12-31
        欧阳明远,,江川市发展改革委主任@2021-06-01/
        唐雨桐,,江川市副市长@2019-01-01/2025-12-31
        """
    /// Only aliases: 林书记 and 海峰同志 (listed), 欧阳主任 and 唐副市长 (surname + post).
    static let aliasText = """
        江川市召开春耕工作会议
        本报讯 3月4日上午，江川市春耕工作会议召开。林书记主持会议并讲话。欧阳主任、唐副市长出席会议。
        3月4日下午，海峰同志在市政府会见来访的客商代表。

        """
    /// A title the roster's dates do not allow (he was mayor until 2019), and a second
    /// jurisdiction for one name.
    static let laterText = """
        临山县召开植树工作会议
        本报讯 3月11日，临山县植树工作会议召开。江川市市长林海峰出席会议。

        """
    static let countyText = """
        临山县召开防汛工作会议
        本报讯 3月19日，临山县防汛工作会议召开。临山县县长林海峰主持会议。

        """

    func write(_ name: String, _ text: String) throws -> String {
        let p = dir.appendingPathComponent("archive/\(name)").path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
    var rules: RuleSet { get throws { try RuleSet.load(from: repoRoot.appendingPathComponent("rules")) } }

    func testAliasesResolveToThePersonsAndWithoutTheRosterNothingChanges() throws {
        let path = try write("2024-03-05.txt", Self.aliasText)
        let roster = try Roster.parse(Self.roster)
        let pipeline = try Pipeline(rules: try rules)
        let plain = try pipeline.run(path: path, id: "i", issueDate: nil, encoding: nil).result
        XCTAssertFalse(
            plain.records.contains { ["林海峰", "欧阳明远", "唐雨桐"].contains($0.attendee) },
            "without the roster the aliases name no one")
        let r = try roster.run(pipeline, path: path, id: "i", issueDate: nil, encoding: nil, format: nil).result
        let got = Set(r.records.map { "\($0.attendee) \($0.role.rawValue) \($0.event)" })
        XCTAssertEqual(
            got,
            [
                "林海峰 chair 江川市春耕工作会议", "林海峰 speak 江川市春耕工作会议", "欧阳明远 attend 江川市春耕工作会议",
                "唐雨桐 attend 江川市春耕工作会议", "林海峰 attend 会见来访的客商代表"
            ])
        // Evidence and offsets point into the original file, at the alias.
        let lines = Self.aliasText.components(separatedBy: "\n").map { Array($0.unicodeScalars) }
        let scalars = Array(Self.aliasText.unicodeScalars)
        for rec in r.records {
            let sp = Corrections.span(rec.evidence)!
            let cited = String(String.UnicodeScalarView(lines[sp.0 - 1][(sp.1 - 1)...].prefix(4)))
            let byName = ["林海峰": ["林书记", "海峰同志"], "欧阳明远": ["欧阳主任"], "唐雨桐": ["唐副市长"]][rec.attendee]!
            XCTAssertTrue(byName.contains { cited.hasPrefix($0) }, "\(rec.evidence) cites \(cited)")
            XCTAssertTrue(byName.contains { String(String.UnicodeScalarView(scalars[rec.source])).hasPrefix($0) })
        }
        // A surname and post gives the post as title; a vice-mayor is no 唐市长.
        XCTAssertEqual(r.records.first { $0.attendee == "唐雨桐" }?.titles, ["江川市副市长"])
        XCTAssertEqual(try roster.aliasTable(day: "2024-03-05", surnames: rules.surnames)["唐市长"], nil)
        XCTAssertEqual(
            try roster.aliasTable(day: "2024-03-05", surnames: rules.surnames)["林市长"], nil, "not mayor in 2024")
        XCTAssertEqual(try roster.aliasTable(day: "2017-03-05", surnames: rules.surnames)["林市长"], "林海峰")
        // The seeds name none of the roster: with it, extraction is record for record the same.
        for f in try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("seeds").path)
            .sorted()
        {
            let p = repoRoot.appendingPathComponent("seeds/\(f)").path
            XCTAssertEqual(
                try roster.run(pipeline, path: p, id: f, issueDate: nil, encoding: nil, format: nil).result.records,
                try pipeline.run(path: p, id: f, issueDate: nil, encoding: nil).result.records, f)
        }
    }

    func testBatchWithTheRosterChecksTitlesAndKeepsOnePerson() throws {
        _ = try write("2024-03-05.txt", Self.aliasText)
        _ = try write("2024-03-12.txt", Self.laterText)
        _ = try write("2024-03-20.txt", Self.countyText)
        let arch = dir.appendingPathComponent("archive").path
        let plainStore = try Store(path: dir.appendingPathComponent("plain.sqlite").path)
        let s0 = try Batch.run(archive: [arch], store: plainStore, rules: try rules, jobs: 1)
        XCTAssertEqual(s0.rosterMismatches, [])
        let g0 = try plainStore.refreshGraph()
        XCTAssertEqual(
            g0.persons.values.filter { $0.name == "林海峰" }.count, 2, "without a roster two jurisdictions are two persons"
        )

        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        let s = try Batch.run(
            archive: [arch], store: store, rules: try rules, jobs: 1, roster: try Roster.parse(Self.roster))
        XCTAssertEqual(s.rosterMismatches.count, 1, "\(s.rosterMismatches)")
        XCTAssertTrue(
            s.rosterMismatches[0].contains("林海峰 is 江川市市长 on 2024-03-11; roster: 江川市市长 2015-03-01..2019-12-31"),
            s.rosterMismatches[0])
        let g = try store.refreshGraph()
        let lin = g.persons.values.filter { $0.name == "林海峰" }
        XCTAssertEqual(lin.map(\.id), ["P:林海峰"], "the roster says who he is")
        XCTAssertEqual(
            Set(g.attendance.filter { $0.from == "P:林海峰" }.map { g.events[$0.to]!.name }),
            ["江川市春耕工作会议", "会见来访的客商代表", "临山县植树工作会议", "临山县防汛工作会议"])
        // Dropping the roster extracts again and the store is as without one.
        let s2 = try Batch.run(archive: [arch], store: store, rules: try rules, jobs: 1)
        XCTAssertEqual(s2.reextractedForRules, 3)
        XCTAssertEqual(try store.attendanceRows(), try plainStore.attendanceRows())
    }

    /// The commands: extract and batch with --roster, a bad roster exit 2.
    func testCommands() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        _ = try write("2024-03-05.txt", Self.aliasText)
        _ = try write("2024-03-12.txt", Self.laterText)
        let roster = dir.appendingPathComponent("roster.csv").path
        try Self.roster.write(toFile: roster, atomically: true, encoding: .utf8)
        func run(_ args: [String]) throws -> (Int32, String) {
            let p = Process(); p.executableURL = chuxiBinary; p.arguments = args
            let e = Pipe(); p.standardError = e; p.standardOutput = FileHandle.nullDevice
            try p.run()
            let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, err)
        }
        let arch = dir.appendingPathComponent("archive").path
        func attendees(_ out: String) throws -> [String] {
            CSV.parse(try String(contentsOfFile: out + "/attendance.csv", encoding: .utf8)).dropFirst().map { $0[4] }
        }
        XCTAssertEqual(try run(["extract", arch, "--out", dir.appendingPathComponent("a").path]).0, 0)
        let x = try run(["extract", arch, "--out", dir.appendingPathComponent("b").path, "--roster", roster])
        XCTAssertEqual(x.0, 0, x.1)
        XCTAssertFalse(try attendees(dir.appendingPathComponent("a").path).contains("欧阳明远"))
        XCTAssertEqual(
            try attendees(dir.appendingPathComponent("b").path).filter { $0 == "欧阳明远" || $0 == "唐雨桐" }.count, 2)
        XCTAssertTrue(x.1.contains("roster: title outside its dates"), x.1)
        let b = try run(["batch", arch, "--db", dir.appendingPathComponent("s.sqlite").path, "--roster", roster])
        XCTAssertEqual(b.0, 0, b.1)
        XCTAssertTrue(b.1.contains("林海峰 is 江川市市长 on 2024-03-11"), b.1)
        try "name,aliases,posts\n林海峰,,市长@someday\n".write(toFile: roster, atomically: true, encoding: .utf8)
        let bad = try run(["batch", arch, "--db", dir.appendingPathComponent("s.sqlite").path, "--roster", roster])
        XCTAssertEqual(bad.0, 2)
        XCTAssertTrue(bad.1.contains("line 2"), bad.1)
    }

    func testBadRosterRowsNameTheirLine() {
        XCTAssertThrowsError(try Roster.parse("name,aliases,posts\n林海峰,,市长@2020-13-01/\n")) {
            XCTAssertTrue("\($0)".contains("line 2"))
        }
        XCTAssertThrowsError(try Roster.parse("name,aliases,posts\n林海峰,,\n林海峰,,\n")) {
            XCTAssertTrue("\($0)".contains("twice"))
        }
        XCTAssertThrowsError(try Roster.parse("aliases\nx\n"))
    }
}
