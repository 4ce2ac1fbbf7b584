import Foundation
import XCTest
@testable import ChuxiCore

/// `chuxi extract --jsonl`: input lines read from their bytes and validated as files are,
/// and a long text run in pieces as a file of the same text is.
final class JSONLinesTests: TemporaryDirectoryTestCase {
    func parse(_ bytes: [UInt8]) throws -> JSONLines.IssueLine {
        try bytes.withUnsafeBufferPointer { try JSONLines.parseIssue($0) }
    }
    func parse(_ s: String) throws -> JSONLines.IssueLine { try parse(Array(s.utf8)) }
    func reason(_ bytes: [UInt8]) -> String {
        do { _ = try parse(bytes); return "accepted" } catch { return "\(error)" }
    }

    func testAValidLineIsReadWithEscapesAndUnknownKeys() throws {
        let l = try parse(
            #"{"date":"2024-06-11","extra":{"a":[1,2.5e3,true,null,"x"]},"path":"d/a.txt","text":"区长林一\n主持\u4f1a\u8bae\ud83d\ude00\"\\\/"}"#
        )
        XCTAssertEqual(l.path, "d/a.txt")
        XCTAssertEqual(l.date, "2024-06-11")
        XCTAssertEqual(String(String.UnicodeScalarView(l.text)), "区长林一\n主持会议😀\"\\/")
        XCTAssertEqual(l.textBytes, Array("区长林一\n主持会议😀\"\\/".utf8).count)
        XCTAssertNil(try parse(#" {"path":"a","text":"x","date":null} "# + "\r").date)
    }

    /// Invalid UTF-8 was replaced by U+FFFD (a record lost, later offsets shifted) where a
    /// file with the same bytes is rejected; an impossible date was ignored.
    func testInvalidLinesAreRejectedWithTheirReason() {
        let head = Array(#"{"path":"a.txt","text":"区长"#.utf8)
        let bad = head + [0xE5, 0x8C] + Array(#"林一主持会议。"}"#.utf8)
        XCTAssertTrue(reason(bad).contains("invalid UTF-8 at byte \(head.count)"), reason(bad))
        let cases: [(String, String)] = [
            (#"{"path":"a.txt","text":"区长林一主持会议。","date":"2024-02-30"}"#, "\"2024-02-30\" is not a date"),
            (#"{"path":"a.txt","text":"区长林一主持会议。","date":"0001-01-01"}"#, "is not a date"),
            (#"{"path":"a.txt","text":"区长林一主持会议。","date":20240611}"#, "\"date\" must be a string"),
            (#"{"path":"a.txt","text":["区长"]}"#, "\"text\" must be a string"),
            (#"{"path":7,"text":"区长"}"#, "\"path\" must be a string"),
            (#"{"path":"a.txt","text":"区长林一主持"#, "truncated"),
            (#"{"path":"a.txt","text":"区长林一主持会议。""#, "truncated"),
            (#"{"path":"a.txt","text":"区长\u0000林一"}"#, "NUL"),
            (#"{"path":"a.txt","text":"区长\ud800林一"}"#, "lone surrogate"),
            (#"{"path":"a.txt","text":""}"#, "empty text"),
            (#"{"path":"a.txt"}"#, "no \"text\""),
            (#"{"text":"区长"}"#, "no \"path\""),
            (#"{"path":"a.txt","text":"x","text":"y"}"#, "given twice"),
            (#"{"path":"a.txt","text":"x"} {"#, "text after the object"),
            ("{\"path\":\"a.txt\",\"text\":\"区长\t林一\"}", "control character"),
            (#"["a.txt"]"#, "\"{\" expected")
        ]
        for (line, want) in cases {
            XCTAssertTrue(reason(Array(line.utf8)).contains(want), "\(line): \(reason(Array(line.utf8)))")
        }
        // The path is kept for the error line when the line got that far.
        do { _ = try parse(#"{"path":"a.txt","text":"x","date":"junk"}"#); XCTFail() } catch let e
            as JSONLines.LineError
        {
            XCTAssertEqual(e.path, "a.txt")
        } catch { XCTFail("\(error)") }
    }

    /// A text over the whole-file limit runs in the pieces a file of the same text would:
    /// the same records, evidence and mentions (a 20 MB line was run whole, in 620 MB).
    func testALongTextRunsInThePiecesOfAFile() throws {
        let seedText = try seedPaths().prefix(4).map { try String(contentsOfFile: $0.path, encoding: .utf8) }.joined()
        let text = String(repeating: seedText, count: 3)
        let file = dir.appendingPathComponent("long.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let p = try Pipeline(rules: sharedRules)
        var fromFile: [IssueResult] = []
        _ = try p.run(
            path: file.path, id: "long", issueDate: nil, encoding: nil, wholeFileLimit: 10_000, pieceScalars: 3000
        ) { fromFile.append($0) }
        var fromLine: [IssueResult] = []
        let s = Array(text.unicodeScalars)
        p.run(
            id: "long", path: file.path, scalars: s, utf8Bytes: text.utf8.count, issueDate: nil, wholeFileLimit: 10_000,
            pieceScalars: 3000
        ) { fromLine.append($0) }
        XCTAssertGreaterThan(fromFile.count, 3)
        XCTAssertEqual(fromLine.count, fromFile.count)
        func rows(_ r: [IssueResult]) -> [String] {
            r.flatMap {
                $0.records.map { "\($0.article) \($0.attendee) \($0.role.rawValue) \($0.date) \($0.evidence)" }
                    + $0.mentions.map { "\($0.start)-\($0.end) \($0.text)" }
            }
        }
        XCTAssertEqual(rows(fromLine), rows(fromFile))
        // Under the limit: one run, as a small file.
        var whole = 0
        p.run(id: "long", path: file.path, scalars: s, utf8Bytes: text.utf8.count, issueDate: nil) { _ in whole += 1 }
        XCTAssertEqual(whole, 1)
    }
}
