import ChuxiCore
import Foundation
import XCTest
@testable import ChuxiStore

/// Each file of a folder (hidden ones too) and its bytes.
func folderFiles(_ folder: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    for n in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        out[n] = try Data(contentsOf: folder.appendingPathComponent(n))
    }
    return out
}

let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let rules = try! RuleSet.load(from: repoRoot.appendingPathComponent("rules"))
/// The `chuxi` built with these tests: it sits next to the test bundle, whatever the
/// build directory (`--scratch-path`), so a stale `.build/debug/chuxi` is never run.
let chuxiBinary: URL = {
    // On Linux the test runner is itself an executable in the products directory.
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let candidates = [runner, Bundle.main.bundleURL, repoRoot.appendingPathComponent(".build/debug")].map {
        $0.appendingPathComponent("chuxi")
    }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}()

/// Batch runs over an archive made of the seeds, the store, and the graph exports.
final class StoreTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-store-\(UUID())")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// `copies` copies of each seed under archive/, named like dated issues.
    func makeArchive(copies: Int) throws -> URL {
        let arch = dir.appendingPathComponent("archive")
        let seeds = try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("seeds").path)
            .sorted()
        for c in 0..<copies {
            for s in seeds {
                try FileManager.default.copyItem(
                    at: repoRoot.appendingPathComponent("seeds").appendingPathComponent(s),
                    to: arch.appendingPathComponent(String(format: "%03d-", c) + s))
            }
        }
        return arch
    }

    func testSecondBatchExtractsNothingAndAnAddedIssueIsTheOnlyOneExtracted() throws {
        let arch = try makeArchive(copies: 2)
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        let first = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 2)
        XCTAssertEqual(first.new, 10)
        let before = try store.attendanceCSV()
        let second = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 2)
        XCTAssertEqual(second, Batch.Summary(unchanged: 10))
        XCTAssertEqual(try store.attendanceCSV(), before)
        try FileManager.default.copyItem(
            at: arch.appendingPathComponent("000-004_a5110991cdcd8b2d.txt"),
            to: arch.appendingPathComponent("zzz-new.txt"))
        let third = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 2)
        XCTAssertEqual(third.new, 1); XCTAssertEqual(third.unchanged, 10); XCTAssertGreaterThan(third.recordsAdded, 10)
    }

    func testChangedFileReplacesItsRecords() throws {
        let arch = try makeArchive(copies: 1)
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 1)
        let f = arch.appendingPathComponent("000-004_a5110991cdcd8b2d.txt")
        let text = try String(contentsOf: f, encoding: .utf8).replacingOccurrences(of: "李新华", with: "林新华")
        try text.write(to: f, atomically: true, encoding: .utf8)
        let s = try Batch.run(archive: [arch.path], store: store, rules: rules, jobs: 1)
        XCTAssertEqual(s.changed, 1); XCTAssertEqual(s.unchanged, 4); XCTAssertEqual(s.recordsAdded, s.recordsRemoved)
        let rows = try store.attendanceRows()
        XCTAssertFalse(rows.contains { $0["attendee"] == "李新华" })
        XCTAssertTrue(rows.contains { $0["attendee"] == "林新华" && $0["role"] == "chair" })
    }

    /// A batch killed with SIGKILL mid-run, run again, ends with exactly a clean run's records.
    func testKilledBatchRerunEqualsCleanRun() throws {
        let bin = chuxiBinary
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: bin.path), "build chuxi first (swift build)")
        // 1,000 issues: enough that a batch still runs when the first 20 are committed,
        // even as extraction gets faster (200 no longer were).
        let arch = try makeArchive(copies: 200)
        func batch(_ db: String) throws -> Process {
            let p = Process(); p.executableURL = bin
            p.arguments = [
                "batch", arch.path, "--db", db, "--jobs", "2", "--rules", repoRoot.appendingPathComponent("rules").path
            ]
            p.standardOutput = FileHandle.nullDevice; p.standardError = FileHandle.nullDevice
            try p.run(); return p
        }
        let killed = dir.appendingPathComponent("killed.sqlite").path
        let p = try batch(killed)
        // Kill once some issues are committed, well before the end.
        let deadline = Date().addingTimeInterval(20)
        var stored = 0
        while Date() < deadline, p.isRunning {
            usleep(10_000)
            stored = (try? Store(path: killed).storedHashes().count) ?? 0
            if stored >= 20 { break }
        }
        XCTAssertTrue(p.isRunning, "the batch finished before it could be killed")
        kill(p.processIdentifier, SIGKILL); p.waitUntilExit()
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        let partial = try Store(path: killed).storedHashes().count
        XCTAssertLessThan(partial, 1000)
        let rerun = try batch(killed); rerun.waitUntilExit()
        XCTAssertEqual(rerun.terminationStatus, 0)
        let clean = dir.appendingPathComponent("clean.sqlite").path
        let c = try batch(clean); c.waitUntilExit()
        XCTAssertEqual(try Store(path: killed).attendanceCSV(), try Store(path: clean).attendanceCSV())
        XCTAssertEqual(try Store(path: killed).storedHashes(), try Store(path: clean).storedHashes())
    }

    func testNeo4jAndGephiExportsAreConsistent() throws {
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try Batch.run(archive: [repoRoot.appendingPathComponent("seeds").path], store: store, rules: rules, jobs: 2)
        let g = try store.refreshGraph()
        let neo = GraphExport.neo4j(g)
        var ids: [String: Set<String>] = [:]  // ID space -> ids
        for f in ["persons.csv", "organizations.csv", "events.csv", "titles.csv"] {
            let rows = CSV.parse(neo[f]!)
            let header = rows[0]
            let idCol = header.firstIndex { $0.contains(":ID(") }!
            let space = String(header[idCol].split(separator: "(")[1].dropLast())
            XCTAssertTrue(header.contains(":LABEL"), f)
            ids[space, default: []].formUnion(rows.dropFirst().map { $0[idCol] })
            XCTAssertEqual(Set(rows.dropFirst().map { $0[idCol] }).count, rows.count - 1, "duplicate ids in \(f)")
        }
        var edges = 0
        for f in [
            "person_event.csv", "organization_event.csv", "person_title.csv", "person_person.csv",
            "organization_person.csv"
        ] {
            let rows = CSV.parse(neo[f]!)
            let h = rows[0]
            let s = h.firstIndex { $0.hasPrefix(":START_ID(") }!, e = h.firstIndex { $0.hasPrefix(":END_ID(") }!
            XCTAssertTrue(h.contains(":TYPE"), f)
            let sSpace = String(h[s].dropFirst(":START_ID(".count).dropLast()),
                eSpace = String(h[e].dropFirst(":END_ID(".count).dropLast())
            for r in rows.dropFirst() {
                XCTAssertTrue(ids[sSpace]!.contains(r[s]), "\(f): \(r[s]) not among \(sSpace) nodes")
                XCTAssertTrue(ids[eSpace]!.contains(r[e]), "\(f): \(r[e]) not among \(eSpace) nodes")
            }
            if f.hasSuffix("_event.csv") { edges += rows.count - 1 }
        }
        // One attendance edge per record of the committed seeds output (its rows are unique).
        let committed = try String(
            contentsOf: repoRoot.appendingPathComponent("output/attendance.csv"), encoding: .utf8)
        XCTAssertEqual(edges, CSV.parse(committed).count - 1)
        // Gephi: the same nodes (persons, organizations, events); one edge per attendee and
        // event, its Weight the records (so Gephi merges no parallel edges), unique Ids.
        let gephi = GraphExport.gephi(g)
        let nodes = CSV.parse(gephi["nodes.csv"]!), gEdges = CSV.parse(gephi["edges.csv"]!)
        XCTAssertEqual(Array(nodes[0].prefix(2)), ["Id", "Label"])
        XCTAssertEqual(
            Array(gEdges[0].prefix(8)), ["Id", "Source", "Target", "Type", "Label", "Weight", "Start", "End"])
        XCTAssertEqual(
            Set(nodes.dropFirst().map { $0[0] }), ids["Person"]!.union(ids["Organization"]!).union(ids["Event"]!))
        XCTAssertEqual(Set(gEdges.dropFirst().map { $0[0] }).count, gEdges.count - 1)
        XCTAssertEqual(Set(gEdges.dropFirst().map { "\($0[1])|\($0[2])" }).count, gEdges.count - 1)
        XCTAssertEqual(gEdges.dropFirst().map { Int($0[5])! }.reduce(0, +), edges)
        // The seeds have no year: no time columns, the date kept as text.
        XCTAssertTrue(
            gEdges.dropFirst().allSatisfy { $0[6].isEmpty && $0[7].isEmpty && $0[9].hasPrefix("--") || $0[9].isEmpty },
            gephi["edges.csv"]!)
    }

    /// The graph files go through the one CSV writer: a name or issue id that a spreadsheet
    /// would run as a formula starts with `'`.
    func testGraphExportsWriteFormulaLikeCellsAsText() {
        let g = Graph(rows: [
            [
                "issue": "=cmd", "article": "1", "date": "--06-11", "event": "=1+1研讨会", "attendee": "@林一",
                "kind": "person",
                "titles": "+区长", "role": "attend", "evidence": "L1:C1-L1:C2"
            ]
        ])
        let files = GraphExport.neo4j(g).merging(GraphExport.gephi(g)) { a, _ in a }
        for (name, text) in files {
            for cell in CSV.parse(text).joined() {
                XCTAssertFalse(
                    ["=", "+", "@"].contains(cell.first) || (cell.first == "-" && !cell.hasPrefix("--06-11")),
                    "\(name): \(cell)")
            }
        }
        XCTAssertTrue(
            files["events.csv"]!.contains(",'=1+1研讨会,--06-11,'=cmd,1,研讨会,,'=1+1研讨会,'=cmd#1,Event\n"),
            files["events.csv"]!)
        XCTAssertTrue(
            files["person_event.csv"]!.contains(",attend,--06-11,'=cmd:L1:C1-L1:C2,ATTENDED\n"),
            files["person_event.csv"]!)
    }

    func testSameNameInTwoJurisdictionsBecomesTwoNodes() {
        let rows: [[String: String]] = [
            [
                "issue": "a", "article": "1", "date": "2024-01-02", "event": "会议", "attendee": "王伟", "kind": "person",
                "titles": "静安区委书记", "role": "attend"
            ],
            [
                "issue": "b", "article": "1", "date": "2024-02-02", "event": "会议", "attendee": "王伟", "kind": "person",
                "titles": "徐汇区副区长", "role": "attend"
            ],
            [
                "issue": "c", "article": "1", "date": "2024-03-02", "event": "会议", "attendee": "周岩", "kind": "person",
                "titles": "区委书记", "role": "chair"
            ],
            [
                "issue": "d", "article": "1", "date": "2024-05-02", "event": "会议", "attendee": "周岩", "kind": "person",
                "titles": "区委书记", "role": "chair"
            ]
        ]
        let g = Graph(rows: rows)
        XCTAssertEqual(Set(g.persons.keys), ["P:王伟@静安区", "P:王伟@徐汇区", "P:周岩"])
        XCTAssertEqual(g.conflicts.map(\.name), ["王伟"])
        XCTAssertEqual(g.persons["P:周岩"]!.titles["区委书记"]!.first, "2024-03-02")
        XCTAssertEqual(g.persons["P:周岩"]!.titles["区委书记"]!.last, "2024-05-02")
    }
}

/// After a rule change, a batch extracts every issue again.
final class RulesChangeTests: XCTestCase {
    func testChangedRulesReextractEverything() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-rules-batch-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(
            at: repoRoot.appendingPathComponent("rules"), to: dir.appendingPathComponent("rules"))
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        let seeds = repoRoot.appendingPathComponent("seeds").path
        _ = try Batch.run(
            archive: [seeds], store: store, rules: try RuleSet.load(from: dir.appendingPathComponent("rules")), jobs: 2)
        XCTAssertEqual(
            try Batch.run(
                archive: [seeds], store: store, rules: try RuleSet.load(from: dir.appendingPathComponent("rules")),
                jobs: 2
            ).unchanged, 5)
        // A rule that drops 列席 as a trigger: the observers of seed 004 disappear.
        let roles = dir.appendingPathComponent("rules/roles.rules")
        let text = try String(contentsOf: roles, encoding: .utf8).replacingOccurrences(
            of: "observe verb 列席", with: "observe verb 旁听"
        )
        .split(separator: "\n").filter { !$0.contains("列席了会议") }.joined(separator: "\n")
        try text.write(to: roles, atomically: true, encoding: .utf8)
        let s = try Batch.run(
            archive: [seeds], store: store, rules: try RuleSet.load(from: dir.appendingPathComponent("rules")), jobs: 2)
        XCTAssertEqual(s.reextractedForRules, 5)
        XCTAssertEqual(s.changed, 5)
        XCTAssertFalse(try store.attendanceRows().contains { $0["role"] == "observe" })
    }
}
