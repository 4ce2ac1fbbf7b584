import Foundation
import XCTest
@testable import ChuxiCore

/// The repository root, found from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Rules loaded once for all tests.
let sharedRules: RuleSet = try! RuleSet.load(from: repoRoot.appendingPathComponent("rules"))

/// A test case with a fresh temporary directory, removed afterwards.
class TemporaryDirectoryTestCase: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-\(type(of: self))-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }
}

func seedPaths() throws -> [(path: String, id: String)] {
    try InputWalker.files([repoRoot.appendingPathComponent("seeds").path])
}

func seedText(_ prefix: String) throws -> String {
    let p = try seedPaths().first { $0.id.hasPrefix(prefix) }!
    return try String(contentsOfFile: p.path, encoding: .utf8)
}

/// Runs the whole pipeline over a text.
func extract(_ text: String, id: String = "t", issueDate: (Int, Int, Int)? = nil) throws -> IssueResult {
    try Pipeline(rules: sharedRules).run(
        IssueInput(id: id, path: id, text: text, issueDate: issueDate.map { ($0.0, $0.1, $0.2) }), keepSentences: true)
}

extension IssueResult {
    func records(_ name: String) -> [AttendanceRecord] { records.filter { $0.attendee == name } }
    var personNames: Set<String> { Set(mentions.filter { $0.type == .person }.map(\.text)) }
}

/// A copy of the repository's rule folder in a temporary directory, for a test to change.
func copyOfRules(_ label: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-\(label)-\(UUID())")
    try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("rules"), to: dir)
    return dir
}
