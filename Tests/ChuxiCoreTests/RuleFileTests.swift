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
