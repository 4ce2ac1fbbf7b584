import ChuxiCore
import Foundation
import XCTest

/// Adding a span kind takes the steps docs/ARCHITECTURE.md lists ("A span kind"); each one
/// left out fails here instead of passing silently: a kind no stage makes and that is not
/// `SpanKind.reserved`, a reserved kind a stage does make, a kind the README's mentions.csv
/// line does not name, a kind no rule example expects.
final class SpanKindTests: XCTestCase {
    /// The kinds of the seeds' mentions.csv, as a fresh run writes them.
    func seedKinds() throws -> Set<SpanKind> {
        let pipeline = try Pipeline(rules: sharedRules)
        var kinds = Set<SpanKind>()
        for p in try seedPaths() {
            let text = try String(contentsOfFile: p.path, encoding: .utf8)
            let r = pipeline.run(IssueInput(id: p.id, path: p.path, text: text, issueDate: nil))
            kinds.formUnion(r.mentions.map(\.type))
        }
        return kinds
    }

    func testEveryKindIsMadeUnlessReservedAndNoReservedKindIs() throws {
        let made = try seedKinds()
        for kind in SpanKind.allCases {
            if SpanKind.reserved.contains(kind) {
                XCTAssertFalse(made.contains(kind), "\(kind) is made now: take it out of SpanKind.reserved")
            } else {
                XCTAssertTrue(made.contains(kind), "no stage makes \(kind) on the seeds: make it, or reserve it")
            }
        }
    }

    func testReadmeNamesEveryKindMentionsCSVHolds() throws {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try XCTUnwrap(readme.split(separator: "\n").first { $0.contains("`mentions.csv` lists every") })
        for kind in SpanKind.allCases where !SpanKind.reserved.contains(kind) {
            XCTAssertTrue(line.contains(kind.rawValue), "README's mentions.csv line does not name \(kind)")
        }
    }

    func testEveryKindMadeHasAnExampleThatExpectsIt() {
        let expected = Set(
            RuleExamples.cases(sharedRules).filter { $0.example.positive }
                .flatMap { $0.example.expectations.map(\.kind) })
        for kind in SpanKind.allCases where !SpanKind.reserved.contains(kind) {
            XCTAssertTrue(expected.contains(kind.rawValue), "no `+` example in rules/ expects a \(kind)")
        }
        XCTAssertTrue(RuleFile.expectationKinds.isSuperset(of: SpanKind.allCases.map(\.rawValue)))
    }
}
