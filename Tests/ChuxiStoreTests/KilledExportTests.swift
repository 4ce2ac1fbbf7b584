import Foundation
import XCTest

/// An export killed while it writes its files leaves the folder's previous export whole:
/// every file of the format still the old one, none half-written under its name, the other
/// formats' files untouched; the next export writes the new set and removes the killed
/// run's hidden temporaries.
///
/// The kill comes at a chosen point, not a random moment: the export runs under a file-size
/// limit (`ulimit -f`) just above the size of the first files it writes (in name order) and
/// below the next one, so SIGXFSZ ends it in the middle of writing that file, after the
/// earlier ones are complete. Written one file after another (each renamed into place when
/// done), the earlier files would already be the new ones: a mix. The files are written
/// into a folder staged beside `out` and the two exchanged whole at the end
/// (`ExportFolder`); scripts/hostile's killed-export aims SIGKILLs at every moment of that.
final class KilledExportTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-killed-export-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { if let dir { try? FileManager.default.removeItem(at: dir) } }

    /// `/bin/sh -c SCRIPT sh chuxi ARGS…`; the status and how the process ended.
    func sh(_ script: String, _ args: [String]) throws -> (status: Int32, signaled: Bool, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, "sh", chuxiBinary.path] + args
        p.currentDirectoryURL = dir
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // (sh execs chuxi: a signal that ends it ends the process run here.)
        return (p.terminationStatus, p.terminationReason == .uncaughtSignal, text)
    }
    func chuxi(_ args: [String]) throws -> (status: Int32, signaled: Bool, err: String) { try sh(#"exec "$@""#, args) }

    /// Invented issues: officials of invented names chairing and attending meetings.
    func archive(_ name: String, issues: Int, seed: Int) throws -> String {
        let sur = Array("林王陈张李赵周吴郑孙"), given = Array("一二三四五六七八九十")
        let titles = ["区委书记", "区长", "副区长", "区委副书记", "市委常委"], events = ["工作会议", "座谈会", "研讨会", "推进会", "动员大会"]
        let a = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        for i in seed..<(seed + issues) {
            var text = ""
            for k in 0..<6 {
                let x = "\(sur[(i + k) % 10])\(given[(i * 3 + k) % 10])",
                    y = "\(sur[(i + k + 3) % 10])\(given[(i * 7 + k + 1) % 10])"
                text +=
                    "6月\(i % 28 + 1)日，\(titles[(i + k) % 5])\(x)主持召开\(events[(i + k) % 5])，\(titles[(i + k + 2) % 5])\(y)出席会议并讲话。\n"
            }
            try text.write(
                to: a.appendingPathComponent(String(format: "%04d.txt", i)), atomically: true, encoding: .utf8)
        }
        return a.path
    }

    func files(_ folder: URL) throws -> [String: Data] { try folderFiles(folder) }

    func testAnExportKilledWhileWritingLeavesThePreviousFiles() throws {
        let rules = ["--rules", repoRoot.appendingPathComponent("rules").path]
        for (name, issues, seed) in [("old", 3, 0), ("new", 60, 500)] {
            let b = try chuxi(
                ["batch", try archive(name, issues: issues, seed: seed), "--db", "\(name).sqlite"] + rules)
            XCTAssertEqual(b.status, 0, b.err)
        }
        let out = dir.appendingPathComponent("out")
        for format in ["neo4j", "gephi"] {
            XCTAssertEqual(try chuxi(["export", "--db", "old.sqlite", "--format", format, "--out", out.path]).status, 0)
        }
        let old = try files(out)
        var points = 0
        for format in ["neo4j", "gephi"] {
            let ref = dir.appendingPathComponent("ref-\(format)")
            XCTAssertEqual(try chuxi(["export", "--db", "new.sqlite", "--format", format, "--out", ref.path]).status, 0)
            let new = try files(ref)
            let names = new.keys.sorted()
            XCTAssertGreaterThanOrEqual(
                names.filter { new[$0] != old[$0] }.count, 3, "\(format): the two stores must give different files")
            // A limit (in 512-byte blocks) that lets files 0..<j be written whole and stops file j;
            // 32 KB at least, the size of the store's `-shm`, which SQLite extends to that when it
            // maps it (under a lower limit the export dies before it writes anything).
            for j in 1..<names.count {
                let blocks = max(64, (names[..<j].map { new[$0]!.count }.max()! + 511) / 512)
                guard new[names[j]]!.count > blocks * 512 else { continue }
                points += 1
                let k = try sh(
                    "ulimit -c 0; ulimit -f \(blocks); exec \"$@\"",
                    ["export", "--db", "new.sqlite", "--format", format, "--out", out.path])
                let at = "\(format) killed writing \(names[j]) (limit \(blocks * 512) bytes)"
                XCTAssertTrue(k.signaled || k.status != 0, "\(at): the export was not stopped: \(k.err)")
                let after = try files(out)
                // The kill came where it was aimed: in the middle of file j of the staged folder
                // (`.out.export-PID` beside `out`), as the limit cut it.
                let stages = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
                    $0.hasPrefix(".out.export-")
                }
                XCTAssertEqual(
                    try stages.map { try files(dir.appendingPathComponent($0))[names[j]]?.count }, [blocks * 512],
                    "\(at): not stopped writing \(names[j]): \(k.err)")
                XCTAssertEqual(after, old, "\(at): the folder is not the previous export")
                for s in stages { try FileManager.default.removeItem(at: dir.appendingPathComponent(s)) }
            }
            // Uninterrupted: every file new, the killed runs' temporaries gone.
            XCTAssertEqual(try chuxi(["export", "--db", "new.sqlite", "--format", format, "--out", out.path]).status, 0)
            let done = try files(out)
            for n in names { XCTAssertEqual(done[n], new[n], "\(format) \(n) after a whole export") }
            XCTAssertEqual(
                done.keys.filter { $0.hasSuffix(".tmp") }, [], "\(format): temporaries left after a whole export")
            XCTAssertEqual(
                try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".out.export-") },
                [],
                "\(format): a stage or old folder left after a whole export")
            // The next format's kills start again from the old files.
            for n in done.keys where old[n] == nil {
                try FileManager.default.removeItem(at: out.appendingPathComponent(n))
            }
            for (n, data) in old { try data.write(to: out.appendingPathComponent(n)) }
        }
        XCTAssertGreaterThanOrEqual(
            points, 2, "no file size separates the first files from a later one: no point to stop the export at")
    }
}
