import Foundation
import XCTest
@testable import ChuxiCore

/// PDF pages and HTML article pages, as e-papers publish issues (issue 18): the records equal
/// those of the same text given as a text file; bad files are reported by name and skipped.
final class DocumentInputTests: TemporaryDirectoryTestCase {
    /// The records without their evidence (which cites each file's own lines).
    func keys(_ rs: [AttendanceRecord]) -> [String] {
        rs.map {
            "\($0.article)|\($0.date)|\($0.event)|\($0.attendee)|\($0.kind)|\($0.titles.joined(separator: ";"))|\($0.role.rawValue)"
        }
    }

    func write(_ data: Data, _ name: String) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    func run(
        _ path: String, issueDate: (year: Int, month: Int, day: Int)? = nil, format: InputFormat? = nil,
        encoding: String? = nil
    ) throws -> IssueResult {
        try Pipeline(rules: sharedRules).run(
            path: path, id: "x", issueDate: issueDate, encoding: encoding, format: format
        ).result
    }

    func requirePdftotext() throws {
        try XCTSkipUnless(
            PDFText.tool() != nil,
            "pdftotext not installed (Debian poppler-utils; scripts/test installs it through scripts/ensure-system-packages)"
        )
    }

    /// iconv (glibc) from UTF-8 to `charset`.
    func iconv(_ text: String, to charset: String) throws -> Data {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv"), "iconv not installed")
        let src = try write(Data(text.utf8), "iconv-in-\(UUID()).txt")
        let r = try Subprocess.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", charset, src], timeout: 30)
        XCTAssertEqual(r.status, 0, String(decoding: r.stderr, as: UTF8.self))
        return r.stdout
    }

    // MARK: HTML

    func testHTMLPageGivesTheRecordsOfItsText() throws {
        let txt = try write(Data(projectIssue.utf8), "txt/qc.txt")
        let html = try write(Data(projectHTML().utf8), "html/qc.html")
        let extracted = try HTMLText.read(
            path: html, data: try Data(contentsOf: URL(fileURLWithPath: html)), encoding: nil)
        // The article only: no script, style, navigation, related links, date line or footer.
        XCTAssertEqual(extracted.text, projectIssue)
        XCTAssertTrue(extracted.date! == (2024, 3, 13))
        let a = try run(txt, issueDate: (2024, 3, 13)), b = try run(html)
        XCTAssertGreaterThanOrEqual(a.records.count, 12)
        XCTAssertEqual(keys(b.records), keys(a.records))
        // Same text, so the same lines and columns; dated by the page's meta date.
        XCTAssertEqual(b.records.map(\.evidence), a.records.map(\.evidence))
        XCTAssertTrue(b.records.allSatisfy { $0.date.hasPrefix("2024-03-1") }, "\(b.records.map(\.date))")
        XCTAssertFalse(b.records.contains { ["钱一鸣", "孟大川"].contains($0.attendee) })
        XCTAssertFalse(b.mentions.contains { ["钱一鸣", "孟大川"].contains($0.text) })
    }

    /// The page's date: a `<meta>`, else a date line; a date in the path comes first.
    func testHTMLPageDateIsTheIssueDateWhenThePathHasNone() throws {
        let meta = try write(Data(projectHTML(metaDate: "2023-11-05T08:00:00+08:00").utf8), "a.html")
        XCTAssertTrue(try run(meta).records.allSatisfy { $0.date.hasPrefix("2023-03-1") })
        let line = try write(Data(projectHTML(metaDate: nil).utf8), "b.html")
        XCTAssertTrue(try run(line).records.allSatisfy { $0.date.hasPrefix("2024-03-1") })
        let dated = try write(Data(projectHTML().utf8), "2022-04-01/c.html")
        XCTAssertTrue(try run(dated).records.allSatisfy { $0.date.hasPrefix("2022-03-1") })
        XCTAssertTrue(HTMLText.parseDate("发布时间：２０２４年６月１１日 09:30")! == (2024, 6, 11))
        XCTAssertNil(HTMLText.parseDate("2024-02-30"))
    }

    /// GBK pages: with their meta charset (gbk, gb2312) and without any (the bytes decide).
    func testGBKPagesWithAndWithoutMetaCharset() throws {
        let want = keys(try run(try write(Data(projectHTML().utf8), "utf8.html")).records)
        XCTAssertFalse(want.isEmpty)
        for (name, charset) in [("gbk.html", "gbk"), ("gb2312.html", "gb2312"), ("nometa.html", nil)]
            as [(String, String?)]
        {
            let bytes = try iconv(projectHTML(charset: charset), to: "GBK")
            XCTAssertNil(String(data: bytes, encoding: .utf8), "\(name) must not be UTF-8")
            let path = try write(bytes, name)
            XCTAssertEqual(keys(try run(path).records), want, name)
        }
        XCTAssertEqual(
            HTMLText.metaCharset(
                Array("<META http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">".utf8)), "gb2312")
    }

    func testHTMLWhitespaceAndBreaks() throws {
        let page =
            "<html><body><div class=\"article\"><p>区委书记汪成远\n  主持会议。<br>副区长韩明远出席。</p>\n<p>Good  \n morning</p></div></body></html>"
        let e = try HTMLText.read(path: "w.html", data: Data(page.utf8), encoding: nil)
        XCTAssertEqual(e.text, "区委书记汪成远主持会议。\n\n副区长韩明远出席。\n\nGood morning\n")
    }

    // MARK: PDF

    func testTwoColumnPDFGivesTheRecordsOfItsText() throws {
        try requirePdftotext()
        let txt = try write(Data(projectIssue.utf8), "txt/qc.txt")
        // Narrow columns, 20 lines each: the text runs onto a second page.
        let pdf = try write(TestPDF.twoColumns(projectIssue, width: 14, rows: 20), "pdf/qc.pdf")
        let a = try run(txt), b = try run(pdf)
        XCTAssertGreaterThanOrEqual(a.records.count, 12)
        XCTAssertEqual(keys(b.records), keys(a.records))
        // Evidence names the page; page, line and column point at the record's first character.
        let text = try PDFText.read(path: pdf, data: try Data(contentsOf: URL(fileURLWithPath: pdf))).text
        let scalars = Array(text.unicodeScalars)
        let pages = text.components(separatedBy: "\u{C}")
        XCTAssertTrue(b.records.allSatisfy { $0.evidence.hasPrefix("P1:") || $0.evidence.hasPrefix("P2:") })
        XCTAssertTrue(b.records.contains { $0.evidence.contains("-P2:") }, "\(b.records.map(\.evidence))")
        for r in b.records {
            let m = r.evidence.split(whereSeparator: { !$0.isNumber }).map { Int($0)! }
            XCTAssertEqual(m.count, 6, r.evidence)
            let line = Array(pages[m[0] - 1].components(separatedBy: "\n")[m[1] - 1].unicodeScalars)
            XCTAssertEqual(line[m[2] - 1], scalars[r.source.lowerBound], r.evidence)
            let last = Array(pages[m[3] - 1].components(separatedBy: "\n")[m[4] - 1].unicodeScalars)
            XCTAssertEqual(last[m[5] - 1], scalars[r.source.upperBound - 1], r.evidence)
        }
        // Mentions cite offsets into the extracted text.
        for m in b.mentions where m.type == .person {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[m.start..<m.end].filter { $0 != "\n" })), m.text)
        }
    }

    /// Every seed issue set as a two-column PDF gives the seed's records, in layouts whose
    /// column and page breaks fall in different places (paragraph spacing, column height,
    /// width): person pairs F1 against the seed gold at least 0.98, and in fact the very
    /// records of the text files, evidence aside.
    func testSeedsAsTwoColumnPDFsScoreAgainstTheSeedGold() throws {
        try requirePdftotext()
        let txt = try Extraction.run(files: try seedPaths(), rules: sharedRules, jobs: 2, issueDate: nil)
        let gold = CSV.parse(
            try String(contentsOf: repoRoot.appendingPathComponent("eval/seeds_gold.csv"), encoding: .utf8))
        func rows(_ t: [[String]]) -> [[String: String]] {
            t.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(t[0], $0)) }
        }
        for (width, rows_, gap) in [(16, 57, 0.6), (16, 45, 1.3), (14, 60, 0.6), (18, 50, 1.0)] {
            let layout = "pdfs-\(width)-\(rows_)-\(gap)"
            for s in try seedPaths() {
                _ = try write(
                    TestPDF.twoColumns(
                        try String(contentsOfFile: s.path, encoding: .utf8), width: width, rows: rows_, gap: gap),
                    "\(layout)/\(s.id).pdf")
            }
            let ex = try Extraction.run(
                files: try InputWalker.files([dir.appendingPathComponent(layout).path]), rules: sharedRules, jobs: 2,
                issueDate: nil)
            XCTAssertEqual(ex.failures.map(\.reason), [])
            let pred = CSV.parse(ContractCSV.attendance(ex.results.flatMap(\.records)))
            let e = Evaluation.evaluate(gold: rows(gold), pred: rows(pred))
            print(
                "seeds as two-column PDFs (\(layout)): person pairs F1 \(e.person.pairs.f1), records F1 \(e.person.records.f1)"
            )
            XCTAssertGreaterThanOrEqual(e.person.pairs.f1, 0.98, layout)
            XCTAssertEqual(keys(ex.results.flatMap(\.records)), keys(txt.results.flatMap(\.records)), layout)
        }
    }

    /// A scan, a truncated PDF, a broken PDF, an empty and a body-less HTML page are each
    /// reported by name with their reason; the good files are still run.
    func testBadPDFAndHTMLFilesAreReportedAndTheOthersRun() throws {
        try requirePdftotext()
        let good = TestPDF.twoColumns(projectIssue)
        _ = try write(good, "a-good.pdf")
        _ = try write(TestPDF.document(pages: [[], []], scan: true), "b-scan.pdf")
        _ = try write(good.prefix(good.count / 2), "c-truncated.pdf")
        _ = try write(Data("%PDF-1.4\nnot really a pdf\n%%EOF\n".utf8), "d-broken.pdf")
        _ = try write(Data(), "e-empty.html")
        _ = try write(
            Data("<html><head><script>var a = '区长林一出席';</script></head><body><nav>首页</nav></body></html>".utf8),
            "f-nobody.html")
        _ = try write(Data(projectHTML().utf8), "g-good.htm")
        _ = try write(Data(projectIssue.utf8), "h-good.txt")
        let ex = try Extraction.run(
            files: try InputWalker.files([dir.path]), rules: sharedRules, jobs: 2, issueDate: nil)
        let failures = Dictionary(
            uniqueKeysWithValues: ex.failures.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        XCTAssertEqual(
            failures.keys.sorted(), ["b-scan.pdf", "c-truncated.pdf", "d-broken.pdf", "e-empty.html", "f-nobody.html"])
        XCTAssertTrue(failures["b-scan.pdf"]!.contains("needs OCR"), failures["b-scan.pdf"]!)
        XCTAssertTrue(failures["c-truncated.pdf"]!.contains("truncated"), failures["c-truncated.pdf"]!)
        XCTAssertTrue(failures["d-broken.pdf"]!.contains("broken PDF"), failures["d-broken.pdf"]!)
        XCTAssertTrue(failures["e-empty.html"]!.contains("empty file"))
        XCTAssertTrue(failures["f-nobody.html"]!.contains("no article text"))
        XCTAssertEqual(ex.results.map(\.issue), ["a-good", "g-good", "h-good"])
        XCTAssertEqual(keys(ex.results[0].records), keys(ex.results[2].records))
        XCTAssertEqual(ex.results[1].records.count, ex.results[2].records.count)
    }

    /// A cut PDF that poppler could still read in part is refused, not half read.
    func testTruncatedPDFIsRefusedEvenWhenPopplerCouldRebuildIt() throws {
        let good = TestPDF.twoColumns(projectIssue)
        let cut = good.prefix(good.count - 40)  // the trailer's end and %%EOF gone
        XCTAssertThrowsError(try PDFText.read(path: "cut.pdf", data: cut)) {
            XCTAssertTrue("\($0)".hasPrefix("cut.pdf: truncated"), "\($0)")
        }
    }

    // MARK: Formats

    func testFormatsByContentThenExtensionAndForced() throws {
        func f(_ path: String, _ s: String, _ forced: InputFormat? = nil) -> InputFormat {
            InputFormat.detect(path: path, head: Array(s.utf8), forced: forced)
        }
        XCTAssertEqual(f("a.txt", "%PDF-1.7\n"), .pdf)
        XCTAssertEqual(f("a.txt", "\u{FEFF}  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"), .html)
        XCTAssertEqual(f("a", "<?xml version=\"1.0\"?>\n<HTML xmlns=\"http://www.w3.org/1999/xhtml\">"), .html)
        XCTAssertEqual(f("a.htm", "<p>区长</p>"), .html)
        XCTAssertEqual(f("a.PDF", "x"), .pdf)
        XCTAssertEqual(f("a.txt", "本报讯 <html>"), .txt)
        XCTAssertEqual(f("a.html", "<html>", .txt), .txt)
        for s in try seedPaths() {
            XCTAssertEqual(InputFormat.detect(path: s.path, head: InputFormat.head(of: s.path), forced: nil), .txt)
        }
        // An HTML page under a .txt name is read as HTML; forced to txt, its markup is text.
        let page = try write(Data(projectHTML().utf8), "page.txt")
        XCTAssertEqual(
            keys(try run(page).records), keys(try run(try write(Data(projectHTML().utf8), "page.html")).records))
        XCTAssertTrue(try run(page, format: .txt).mentions.contains { $0.text == "钱一鸣" })
    }

    func testWalkerListsPDFAndHTMLFiles() throws {
        for n in ["a.txt", "b.pdf", "c.html", "d.htm", "e.doc", "f.PDF"] { _ = try write(Data("x".utf8), "w/\(n)") }
        XCTAssertEqual(
            try InputWalker.files([dir.appendingPathComponent("w").path]).map(\.id), ["a", "b", "c", "d", "f"])
    }

    func testPageEvidence() {
        var s = SourceText("甲乙\n丙\n\u{C}丁戊\n己\n\u{C}")
        s.pageStarts = PDFText.pageStarts("甲乙\n丙\n\u{C}丁戊\n己\n\u{C}")
        XCTAssertEqual(s.pageStarts, [0, 6])
        XCTAssertEqual(s.evidence(1..<4), "P1:L1:C2-P1:L2:C1")
        XCTAssertEqual(s.evidence(6..<10), "P2:L1:C1-P2:L2:C1")
    }
}
