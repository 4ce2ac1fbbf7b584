import Foundation
import XCTest

/// A query while a batch writes: the query waits for no lock (it only reads) and answers
/// from a consistent store; the batch is never aborted by it. Twenty rounds, each a batch
/// that re-extracts an issue while `who`, `events` and `export` run beside it.
final class ConcurrentQueryTests: XCTestCase {
    func process(_ args: [String], cwd: URL) throws -> Process {
        let p = Process()
        p.executableURL = chuxiBinary
        p.arguments = args
        p.currentDirectoryURL = cwd
        p.standardOutput = FileHandle.nullDevice
        p.standardError = Pipe()
        try p.run()
        return p
    }

    func stderr(_ p: Process) -> String {
        String(decoding: (p.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func testQueriesDuringABatchNeitherFailNorBlockIt() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-concurrent-\(UUID())")
        let archive = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let seed = try String(
            contentsOf: repoRoot.appendingPathComponent("seeds/000_2d8a954f069979b9.txt"), encoding: .utf8)
        let issue = archive.appendingPathComponent("000.txt")
        try seed.write(to: issue, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("s.sqlite").path
        let rules = ["--rules", repoRoot.appendingPathComponent("rules").path]
        let first = try process(["batch", archive.path, "--db", db] + rules, cwd: dir)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0, stderr(first))
        func exportedRows(_ name: String) throws -> Int {
            try String(contentsOf: dir.appendingPathComponent("\(name)/attendance.csv"), encoding: .utf8).split(
                separator: "\n"
            ).count - 1
        }
        let reference = try process(
            ["export", "--db", db, "--format", "csv", "--out", dir.appendingPathComponent("ref").path], cwd: dir)
        reference.waitUntilExit()
        let expected = try exportedRows("ref")
        XCTAssertGreaterThan(expected, 10, "the seed gives records")
        for round in 0..<20 {
            // A changed issue (a line added) makes the batch re-extract and rewrite it.
            try (seed + String(repeating: "\n", count: round + 1)).write(to: issue, atomically: true, encoding: .utf8)
            let batch = try process(["batch", archive.path, "--db", db] + rules, cwd: dir)
            let queries = try [
                process(["who", "翟磊", "--db", db], cwd: dir),
                process(["events", "--db", db, "--format", "csv"], cwd: dir),
                process(
                    ["export", "--db", db, "--format", "csv", "--out", dir.appendingPathComponent("out\(round)").path],
                    cwd: dir)
            ]
            for q in queries {
                q.waitUntilExit()
                XCTAssertEqual(
                    q.terminationStatus, 0,
                    "round \(round): \(q.arguments!.prefix(2).joined(separator: " ")): \(stderr(q))")
            }
            batch.waitUntilExit()
            XCTAssertEqual(batch.terminationStatus, 0, "round \(round): batch: \(stderr(batch))")
            // Every export saw a whole issue: the seed's records, never a half-written set.
            XCTAssertEqual(
                try exportedRows("out\(round)"), expected, "round \(round): an export read a store mid-write")
        }
    }

    /// An empty file is no store: every query says so and exits 2, instead of answering nothing.
    func testAnEmptyStoreIsNamed() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-empty-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("empty.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: db.path, contents: Data()))
        for args in [
            ["export", "--db", db.path, "--format", "csv", "--out", dir.appendingPathComponent("out").path],
            ["events", "--db", db.path], ["who", "某某", "--db", db.path]
        ] {
            let p = try process(args, cwd: dir)
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 2, args[0])
            XCTAssertTrue(stderr(p).contains("empty (0 bytes)"), args[0])
        }
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/attendance.csv").path),
            "no export from an empty store")
    }

    /// A query never creates or migrates a store: it opens it read-only.
    func testAQueryWritesNothing() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-readonly-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        let b = try process(
            [
                "batch", repoRoot.appendingPathComponent("seeds").path, "--db", db, "--rules",
                repoRoot.appendingPathComponent("rules").path
            ], cwd: dir)
        b.waitUntilExit()
        XCTAssertEqual(b.terminationStatus, 0, stderr(b))
        // The graph tables a query used to rebuild: emptied here, a query must not refill them.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = [
            "python3", "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DELETE FROM persons'); c.commit()", db
        ]
        try sqlite.run(); sqlite.waitUntilExit()
        try XCTSkipUnless(sqlite.terminationStatus == 0, "python3 with sqlite3 is needed to empty a table")
        let q = try process(["who", "翟磊", "--db", db], cwd: dir)
        q.waitUntilExit()
        XCTAssertEqual(q.terminationStatus, 0, stderr(q))
        let count = Process()
        count.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        count.arguments = [
            "python3", "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM persons').fetchone()[0])",
            db
        ]
        let out = Pipe(); count.standardOutput = out
        try count.run(); count.waitUntilExit()
        XCTAssertEqual(
            String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines), "0")
    }
}
