import Testing
@testable import ChuxiCore

/// Every example the rule files carry is its own test case, named `roles.rules:57` (the way
/// SwiftLint generates a test per rule example). swift-testing runs them: scripts/test runs
/// `swift test --disable-xctest` after the XCTest run. The XCTest
/// `RuleFileTests.testEveryRuleExampleHolds` and `chuxi rules check` run them all at once.
@Suite struct RuleExampleCases {
    @Test("rule example", arguments: RuleExamples.cases(sharedRules))
    func example(_ c: RuleExamples.Case) throws {
        let failures = RuleExamples.check(c, pipeline: try Pipeline(rules: sharedRules))
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyFileCarriesExamples() {
        let cases = RuleExamples.cases(sharedRules)
        #expect(cases.count > 200)
        #expect(Set(cases.map { String($0.id.split(separator: ":")[0]) }) == Set(RuleSchema.files))
        #expect(Set(cases.map(\.id)).count == cases.count)
    }
}

extension RuleExamples.Case: CustomTestStringConvertible {
    public var testDescription: String { id }
}
