import Foundation
import XCTest

/// A query changes nothing beside the store and reads a store whose file and folder are
/// read-only: the batch leaves `-wal` and `-shm` (persistent WAL), which SQLite needs to
/// read a WAL store where it may create no file. Root ignores permissions: then the
/// read-only query runs as nobody (setpriv), or is skipped.
final class ReadOnlyStoreTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: chuxiBinary.path), "build chuxi first (swift build)")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-readonly-store-\(UUID())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("st"), withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws {
        guard let dir else { return }
        _ = try? run(["/bin/chmod", "-R", "u+rwx", dir.path])
        try? FileManager.default.removeItem(at: dir)
    }

    func run(_ argv: [String]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func files(_ folder: URL) throws -> [String: Data] { try folderFiles(folder) }

    func testQueriesChangeNothingAndReadAReadOnlyStore() throws {
        let arch = dir.appendingPathComponent("arch")
        try FileManager.default.createDirectory(at: arch, withIntermediateDirectories: true)
        try "6月1日，区委书记林一主持召开工作会议，区长王二出席会议并讲话。\n".write(
            to: arch.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "6月2日，副区长陈三主持召开座谈会，区委书记林一出席。\n".write(
            to: arch.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let st = dir.appendingPathComponent("st"), db = st.appendingPathComponent("s.sqlite").path
        let b = try run([
            chuxiBinary.path, "batch", arch.path, "--db", db, "--rules", repoRoot.appendingPathComponent("rules").path
        ])
        XCTAssertEqual(b.status, 0, b.err)
        let before = try files(st)
        let who = try run([chuxiBinary.path, "who", "林一", "--db", db])
        XCTAssertEqual(who.status, 0, who.err)
        XCTAssertTrue(who.out.contains("工作会议") && who.out.contains("座谈会"), who.out)
        XCTAssertEqual(try run([chuxiBinary.path, "events", "--db", db]).status, 0)
        let after = try files(st)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "a query added or removed a file beside the store")
        for n in ["s.sqlite", "s.sqlite-wal"] { XCTAssertEqual(after[n], before[n], "a query changed \(n)") }

        var prefix: [String] = []
        if getuid() == 0 {
            let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            }
            try XCTSkipIf(setpriv == nil, "root without setpriv: permissions do not bite")
            prefix = [setpriv!, "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        for n in after.keys {
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o444], ofItemAtPath: st.appendingPathComponent(n).path)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: st.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        let ro = try run(prefix + [chuxiBinary.path, "who", "林一", "--db", db])
        XCTAssertEqual(ro.status, 0, "who on a read-only store: \(ro.err)")
        XCTAssertEqual(ro.out, who.out)
        XCTAssertEqual(try files(st), after, "a query changed the read-only store")

        // A store without its -wal/-shm (closed by an older chuxi) in a read-only folder: named, exit 2.
        let old = dir.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: db, toPath: old.appendingPathComponent("s.sqlite").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: old.path)
        let o = try run(prefix + [chuxiBinary.path, "who", "林一", "--db", old.appendingPathComponent("s.sqlite").path])
        XCTAssertEqual(o.status, 2, o.err)
        XCTAssertTrue(o.err.contains("s.sqlite-wal") && o.err.contains("run chuxi batch"), o.err)
    }
}
