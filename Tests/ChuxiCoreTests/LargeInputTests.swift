import Foundation
import XCTest
@testable import ChuxiCore

/// Files too large to hold whole are read, decoded and run in pieces (`PieceReader`); the
/// records must still cite the file's own lines, columns and offsets. The limits are
/// lowered here so that the seeds, concatenated, take that path.
final class LargeInputTests: TemporaryDirectoryTestCase {
    /// All seeds in one file, each issue starting on its own line.
    func concatenatedSeeds() throws -> (url: URL, text: String) {
        let text = try seedPaths().map { try String(contentsOfFile: $0.path, encoding: .utf8) }.joined(separator: "\n")
        let url = dir.appendingPathComponent("all.txt")
        try Data(text.utf8).write(to: url)
        return (url, text)
    }

    func run(_ url: URL, pieces: Bool, pieceScalars: Int = 4000, encoding: String? = nil) throws -> IssueResult {
        try Pipeline(rules: sharedRules).run(
            path: url.path, id: "all", issueDate: nil, encoding: encoding,
            wholeFileLimit: pieces ? 0 : Int.max, pieceScalars: pieceScalars
        ).result
    }

    func testPiecesCiteTheWholeFile() throws {
        let (url, text) = try concatenatedSeeds()
        let src = SourceText(text)
        let r = try run(url, pieces: true)
        XCTAssertGreaterThan(r.records.count, 50)
        for rec in r.records {
            // The cited lines and columns of the ORIGINAL file hold the attendee.
            let parts = rec.evidence.dropFirst().split(separator: "-").map { $0.split(separator: ":") }
            let l1 = Int(parts[0][0])!, c1 = Int(parts[0][1].dropFirst())!
            let l2 = Int(parts[1][0].dropFirst())!, c2 = Int(parts[1][1].dropFirst())!
            let start = src.lineStarts[l1 - 1] + c1 - 1, end = src.lineStarts[l2 - 1] + c2
            let slice = String(String.UnicodeScalarView(src.scalars[start..<end])).replacingOccurrences(
                of: "\n", with: "")
            XCTAssertTrue(slice.contains(rec.attendee), "\(rec.evidence): \(slice) lacks \(rec.attendee)")
        }
        for m in r.mentions {
            let n = Normalizer.normalize(SourceText(String(String.UnicodeScalarView(src.scalars[m.start..<m.end]))))
            let folded = n.paragraphs.map { n.text($0) }.joined()
            XCTAssertEqual(folded.filter { !$0.isWhitespace }, m.text.filter { !$0.isWhitespace }, "\(m)")
        }
        // Article numbers go on from piece to piece.
        XCTAssertEqual(r.records.map(\.article), r.records.map(\.article).sorted())
    }

    /// Cut before datelines, the pieces give what the whole file gives: same articles,
    /// people, roles, events, dates, titles and evidence. (Pieces large enough that each
    /// holds a dateline to cut before; one seed repeated, so that the layout of the copies,
    /// narrow columns or not, is that of the whole file. A cut inside an article, where no
    /// dateline is near, starts a new article there: see `PieceReader`.)
    func testPiecesCutAtDatelinesGiveTheWholeFileRecords() throws {
        for seed in ["000", "003", "004"] {
            let url = dir.appendingPathComponent("\(seed).txt")
            try Data(Array(repeating: try seedText(seed), count: 6).joined(separator: "\n").utf8).write(to: url)
            func rows(_ r: IssueResult) -> [String] {
                r.records.map {
                    "\($0.article)|\($0.attendee)|\($0.role)|\($0.event)|\($0.date)|\($0.titles)|\($0.evidence)"
                }
            }
            let whole = try run(url, pieces: false), pieces = try run(url, pieces: true, pieceScalars: 30000)
            XCTAssertGreaterThan(pieces.articles, 0)
            XCTAssertGreaterThan(whole.records.count, 30)
            let a = rows(pieces), b = rows(whole)
            XCTAssertTrue(
                a == b,
                "\(seed): only in pieces \(a.filter { !b.contains($0) }.prefix(4)); only whole \(b.filter { !a.contains($0) }.prefix(4))"
            )
        }
    }

    /// A bad byte near the end rejects the whole file before any piece is handed over.
    func testBadByteAtTheEndRejectsTheWholeFile() throws {
        let (url, text) = try concatenatedSeeds()
        try (Data(text.utf8) + Data([0xE4, 0x41, 0x41])).write(to: url)
        var handed = 0
        XCTAssertThrowsError(
            try Pipeline(rules: sharedRules).run(
                path: url.path, id: "all", issueDate: nil, encoding: nil,
                wholeFileLimit: 0, pieceScalars: 4000
            ) { _ in handed += 1 }
        ) { e in
            XCTAssertTrue("\(e)".contains("offset \(text.utf8.count)"), "\(e)")
        }
        XCTAssertEqual(handed, 0)
    }

    func testGB18030InPiecesEqualsUTF8() throws {
        let iconv = "/usr/bin/iconv"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: iconv), "iconv not installed")
        let (url, _) = try concatenatedSeeds()
        let gb = dir.appendingPathComponent("gb.txt")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: iconv)
        p.arguments = ["-f", "UTF-8", "-t", "GB18030", url.path]
        FileManager.default.createFile(atPath: gb.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: gb)
        try p.run(); p.waitUntilExit()
        // Blocks of the reader cut GB18030 characters in two: the converter carries them over.
        let a = try run(url, pieces: true), b = try run(gb, pieces: true)
        XCTAssertEqual(a.records, b.records)
        XCTAssertEqual(a.mentions, b.mentions)
    }

    /// One huge line (no line break at all) is cut after sentence ends.
    func testHugeSingleLineIsCutAtSentenceEnds() throws {
        let para = try seedText("000").replacingOccurrences(of: "\n", with: "")
        let s = Array(String(repeating: para, count: 4).unicodeScalars)
        let cut = PieceReader.cutPoint(s, target: 5000)
        XCTAssertTrue((2500...5000).contains(cut))
        XCTAssertTrue(Normalizer.sentenceFinal.contains(s[cut - 1]), "cut after \(s[cut - 1])")
    }
}
