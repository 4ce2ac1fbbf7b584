import ChuxiCore
import Foundation
import XCTest
@testable import ChuxiStore

/// `chuxi report` as a browser shows it: headless Chromium (Debian's `chromium`) loads the
/// pages of a report of the seeds and the test reads the DOM it built.
final class ReportTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-report-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func seedStore() throws -> Store {
        let store = try Store(path: dir.appendingPathComponent("s.sqlite").path)
        _ = try Batch.run(
            archive: [repoRoot.appendingPathComponent("seeds").path], store: store,
            rules: try RuleSet.load(from: repoRoot.appendingPathComponent("rules")), jobs: 2)
        return store
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The DOM Chromium builds from a page (scripts run), via --dump-dom.
    func dom(_ page: URL) throws -> String {
        guard let exe = Self.chromium else {
            throw XCTSkip(
                "Chromium is not installed (Debian: apt-get install chromium; scripts/test installs it): browser test skipped"
            )
        }
        let profile = dir.appendingPathComponent("profile-\(UUID())")
        let r = try Subprocess.run(
            exe,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                "--dump-dom", page.absoluteString
            ], timeout: 90)
        XCTAssertFalse(r.timedOut, "chromium timed out")
        XCTAssertEqual(r.status, 0, String(decoding: r.stderr, as: UTF8.self))
        return String(decoding: r.stdout, as: UTF8.self)
    }

    func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testBrowserShowsPersonEventsAndNetwork() throws {
        try XCTSkipUnless(
            SVGNetwork.findSfdp() != nil,
            "Graphviz sfdp is not installed (Debian: apt-get install graphviz): test skipped")
        let store = try seedStore()
        let out = dir.appendingPathComponent("report")
        let s = try ReportWriter.write(store: store, out: out)
        XCTAssertNil(s.networkMessage)
        let g = try store.refreshGraph()
        // 翟磊 chairs the standing meeting in seed 000 (output/attendance.csv line 2).
        let index = g.persons.keys.sorted().firstIndex(of: "P:翟磊")!
        let person = try dom(out.appendingPathComponent("person/p\(index).html"))
        XCTAssertTrue(person.contains("<h1 class=\"person\">翟磊</h1>"), person)
        XCTAssertTrue(person.contains(">二届区政府第96次常务会议</a>"), "the seed's event is listed")
        XCTAssertTrue(person.contains("主持 chair"))
        XCTAssertTrue(
            person.contains("<mark>翟磊主持</mark>") || person.contains("<mark>翟磊"), "the evidence sentence marks the name")
        XCTAssertTrue(person.contains("000_2d8a954f069979b9:7</a>"), "a link to the source line")
        // The drawing: one node per person of the network, each labelled and linked.
        let top = SVGNetwork.top(g, edges: g.coattendance(), limit: 40).nodes
        let home = try dom(out.appendingPathComponent("index.html"))
        XCTAssertEqual(count(home, "class=\"node person\""), top.count)
        XCTAssertEqual(top.count, 40)
        for n in top { XCTAssertTrue(home.contains(">\(g.label(n))</text>"), "node \(n) drawn") }
        XCTAssertTrue(home.contains("<b id=\"n-records\">96</b>"))
        // The source page holds the line the link points at.
        let link = person.range(of: "href=\"../source/")!
        let file = person[link.upperBound...].prefix { $0 != "#" }
        let src = try dom(out.appendingPathComponent("source/\(file)"))
        XCTAssertTrue(src.contains("<span id=\"L7\"><i>7</i>本报讯"), "line 7 of seed 000 is anchored")
    }

    func testWithoutSfdpTheReportIsWrittenWithAMessage() throws {
        let store = try seedStore()
        var o = ReportWriter.Options(); o.sfdp = dir.appendingPathComponent("no-sfdp").path
        let out = dir.appendingPathComponent("report")
        let s = try ReportWriter.write(store: store, out: out, options: o)
        XCTAssertTrue(s.networkMessage?.contains("sfdp not found") == true)
        let home = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("id=\"network-missing\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("network.svg").path))
        XCTAssertGreaterThan(s.persons, 40)
    }

    func testAnOutThatIsNoReportIsRefusedAndNothingIsLeft() throws {
        let store = try seedStore()
        let out = dir.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "keep".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReportWriter.write(store: store, out: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["notes.txt"])
        // A second report over a first replaces it, and no temporary folder stays behind.
        let rep = dir.appendingPathComponent("rep")
        _ = try ReportWriter.write(store: store, out: rep)
        _ = try ReportWriter.write(store: store, out: rep)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }, [])
    }

    func testEscaping() {
        XCTAssertEqual(ReportWriter.esc("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        XCTAssertEqual(SVGNetwork.dot("a\"b\\c"), "\"a\\\"b\\\\c\"")
    }
}
