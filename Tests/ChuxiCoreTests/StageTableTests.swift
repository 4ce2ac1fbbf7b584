import ChuxiCore
import Foundation
import XCTest

/// The stage list is a value: the README's and docs/ARCHITECTURE.md's stage tables name
/// exactly `Stage.allCases`, in order, each with its folder, and every folder exists. A stage
/// added to the enum and not to the docs (or a folder renamed) fails here.
final class StageTableTests: XCTestCase {
    /// The `| stage | folder | … |` rows of a markdown file's first table that starts with `| input |`.
    func stageRows(_ file: String) throws -> [(String, String)] {
        let text = try String(contentsOf: repoRoot.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("| input |") }) else { return [] }
        return lines[start...].prefix(while: { $0.hasPrefix("|") }).map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let folder =
                cells[1].split(separator: "`").first.map {
                    String($0).split(separator: "/").first.map(String.init) ?? ""
                } ?? ""
            return (cells[0], folder)
        }
    }

    func testDocsListTheStagesInOrderWithTheirFolders() throws {
        let want = Stage.allCases.map { ($0.rawValue, $0.folder) }
        for file in ["README.md", "docs/ARCHITECTURE.md"] {
            let got = try stageRows(file)
            XCTAssertEqual(got.map(\.0), want.map(\.0), "\(file): stage rows")
            XCTAssertEqual(got.map(\.1), want.map(\.1), "\(file): stage folders")
        }
        for st in Stage.allCases {
            var isDir: ObjCBool = false
            let path = repoRoot.appendingPathComponent("Sources/ChuxiCore/\(st.folder)").path
            XCTAssertTrue(
                FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue,
                "\(st): no folder \(path)")
        }
    }
}
