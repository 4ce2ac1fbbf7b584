import XCTest
@testable import ChuxiCore

final class RuleFileTests: XCTestCase {
    /// Every `+`/`-` example carried by the rule files holds.
    func testEveryRuleExampleHolds() throws {
        let (n, failures) = RuleExamples.run(try Pipeline(rules: sharedRules))
        XCTAssertGreaterThan(n, 20)
        XCTAssertTrue(failures.isEmpty, failures.map(\.description).joined(separator: "\n"))
    }

    /// A bad rule file stops with file, line and reason.
    func testBadRuleFileNamesFileLineAndReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-rules-\(UUID())")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("rules"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let roles = dir.appendingPathComponent("roles.rules")
        var text = try String(contentsOf: roles, encoding: .utf8)
        text += "\nchair shout 大喊\n"
        try text.write(to: roles, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            let err = e as! RuleError
            XCTAssertTrue(err.file.hasSuffix("roles.rules"))
            XCTAssertEqual(err.line, lines)
            XCTAssertTrue(err.reason.contains("shout"), err.reason)
        }
        try (text + "\n+ 区长王伟出席 => persn:王伟\n").write(to: roles, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir))
    }
}

/// Rule files written on Windows (CRLF) or old Macs (CR) load the same entries; a file that
/// loads none is an error, never an empty rule set.
final class RuleLineEndingTests: XCTestCase {
    func testCRLFAndCRRuleFilesLoadLikeLF() throws {
        for ending in ["\r\n", "\r"] {
            let dir = try copyOfRules("eol")
            defer { try? FileManager.default.removeItem(at: dir) }
            for name in RuleSet.layout.keys {
                let url = dir.appendingPathComponent(name)
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: ending).write(to: url, atomically: true, encoding: .utf8)
            }
            let rules = try RuleSet.load(from: dir)
            XCTAssertEqual(rules.triggers.count, sharedRules.triggers.count, "line ending \(ending.debugDescription)")
            XCTAssertEqual(rules.files.map { $0.examples.count }, sharedRules.files.map { $0.examples.count })
        }
    }

    func testARuleFileWithNoEntriesIsAnError() throws {
        let dir = try copyOfRules("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# nothing but a comment\n".write(to: dir.appendingPathComponent("dates.rules"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            XCTAssertTrue((e as! RuleError).file.hasSuffix("dates.rules"))
            XCTAssertTrue((e as! RuleError).reason.contains("no entries"), (e as! RuleError).reason)
        }
    }

    func testAnUnknownRuleFileIsAnError() throws {
        let dir = try copyOfRules("unknown")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "post 书记\n".write(to: dir.appendingPathComponent("places.rules"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            XCTAssertTrue((e as! RuleError).file.hasSuffix("places.rules"))
            XCTAssertTrue((e as! RuleError).reason.contains("unknown rule file"))
        }
    }
}

/// The name model file: CRLF line endings read alike; a malformed line names file and line.
final class NameModelFileTests: XCTestCase {
    func testModelFileWithCRLFFindsTheSameNames() throws {
        let dir = try copyOfRules("model-eol")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("names.model")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        let crlf = try RuleSet.load(from: dir)
        let s = Array("市长王建中会见了某国总统马尔科维奇。".unicodeScalars)
        XCTAssertEqual(crlf.nameModel.find(s, 0..<s.count), sharedRules.nameModel.find(s, 0..<s.count))
        XCTAssertTrue(sharedRules.nameModel.find(s, 0..<s.count).contains { String(String.UnicodeScalarView(s[$0.range])) == "王建中" })
    }

    func testMalformedModelLineIsAnErrorWithItsLine() throws {
        let dir = try copyOfRules("model-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("names.model")
        var text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += "f u9 李 1:20\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            let err = e as! RuleError
            XCTAssertTrue(err.file.hasSuffix("names.model"))
            XCTAssertEqual(err.line, lines)
        }
    }
}

/// `chuxi rules schema`: every keyword of every rule file is documented in its file's header
/// (a keyword added to the layout without its doc line fails here).
final class RuleSchemaTests: XCTestCase {
    func testEveryKeywordHasADocLine() {
        let schema = RuleSet.schema(in: repoRoot.appendingPathComponent("rules"))
        XCTAssertEqual(Set(schema.map(\.file)), Set(RuleSet.layout.keys))
        for e in schema { XCTAssertFalse(e.doc.isEmpty, "\(e.file) \(e.keyword) has no doc line in the file's header") }
        XCTAssertTrue(schema.contains { $0.file == "titles.rules" && $0.keyword == "post" && $0.candidate })
    }
}
