import XCTest
@testable import ChuxiCore

/// The committed output/ is what the current rules give on seeds/: regenerate it with
/// `swift run chuxi extract seeds --out output` after a rule change, and review the diff.
final class GoldenTests: XCTestCase {
    func run(jobs: Int) throws -> Extraction {
        try Extraction.run(files: try seedPaths(), rules: sharedRules, jobs: jobs, issueDate: nil)
    }

    func testOutputsEqualCommittedOutputByteForByte() throws {
        let ex = try run(jobs: 2)
        XCTAssertTrue(ex.failures.isEmpty)
        for (name, fresh) in [
            ("attendance.csv", ContractCSV.attendance(ex.results.flatMap(\.records))),
            ("mentions.csv", ContractCSV.mentions(ex.results.flatMap(\.mentions)))
        ] {
            let committed = try String(
                contentsOf: repoRoot.appendingPathComponent("output").appendingPathComponent(name), encoding: .utf8)
            if committed != fresh {
                let a = committed.split(separator: "\n"), b = fresh.split(separator: "\n")
                let removed = a.filter { !b.contains($0) }.prefix(20), added = b.filter { !a.contains($0) }.prefix(20)
                XCTFail(
                    "output/\(name) differs from a fresh run (regenerate: swift run chuxi extract seeds --out output)\n"
                        + removed.map { "- " + $0 }.joined(separator: "\n") + "\n"
                        + added.map { "+ " + $0 }.joined(separator: "\n"))
            }
        }
    }

    func testRunsAreDeterministicWhateverTheJobs() throws {
        let a = try run(jobs: 1), b = try run(jobs: 2)
        XCTAssertEqual(
            ContractCSV.attendance(a.results.flatMap(\.records)), ContractCSV.attendance(b.results.flatMap(\.records)))
        XCTAssertEqual(
            ContractCSV.mentions(a.results.flatMap(\.mentions)), ContractCSV.mentions(b.results.flatMap(\.mentions)))
    }

    /// Every record's evidence cites the original file: the cited lines, with line breaks
    /// removed and width-folded, hold the attendee; every mention's offsets give its text.
    func testEvidencePointsAtTheOriginalFile() throws {
        let p = try Pipeline(rules: sharedRules)
        var checked = 0
        for f in try seedPaths() {
            let res = p.run(
                IssueInput(
                    id: f.id, path: f.path, text: try String(contentsOfFile: f.path, encoding: .utf8), issueDate: nil))
            let src = res.source
            for rec in res.records {
                let parts = rec.evidence.dropFirst().split(separator: "-").map { $0.split(separator: ":") }
                let l1 = Int(parts[0][0])!, c1 = Int(parts[0][1].dropFirst())!
                let l2 = Int(parts[1][0].dropFirst())!, c2 = Int(parts[1][1].dropFirst())!
                let start = src.lineStarts[l1 - 1] + c1 - 1, end = src.lineStarts[l2 - 1] + c2
                let slice = fold(src.scalars[start..<end])
                XCTAssertTrue(
                    slice.contains(rec.attendee), "\(rec.issue) \(rec.evidence): \(slice) lacks \(rec.attendee)")
                checked += 1
            }
            for m in res.mentions {
                XCTAssertEqual(
                    fold(src.scalars[m.start..<m.end]).replacingOccurrences(of: " ", with: ""),
                    m.text.replacingOccurrences(of: " ", with: ""), "\(m)")
            }
        }
        XCTAssertGreaterThan(checked, 80)
    }

    func fold(_ s: ArraySlice<Unicode.Scalar>) -> String {
        let n = Normalizer.normalize(SourceText(String(String.UnicodeScalarView(s))))
        return n.paragraphs.map { n.text($0) }.joined()
    }
}

/// The fast path (word breaking only sentences with candidate words) keeps every record
/// and every mention of the full pass, on the seeds and on other texts.
final class FastPathTests: XCTestCase {
    func testFastPathEqualsFullWordBreaking() throws {
        let p = try Pipeline(rules: sharedRules), reference = try Pipeline(rules: sharedRules)
        reference.fullWordBreak = true
        var texts = try seedPaths().map { try String(contentsOfFile: $0.path, encoding: .utf8) }
        texts.append(
            """
            新华社北京３月５日电　第十四届全国人民代表大会第二次会议５日上午在人民大会堂开幕。钱正华、赵立新、王海宁等出席大会。
            国务院总理周岩作政府工作报告。大会由十四届全国人大常委会委员长赵立新主持。
            本报讯 3月4日，市委副书记、市长龚正赴浦东金桥经济技术开发区调研，看望慰问企业职工。副市长华源陪同调研。
            """)
        texts.append(
            """
            本报讯（记者 李明 通讯员 周洁）1月15日上午，政协上海市虹口区第十五届委员会第三次会议开幕。区委书记张小平，区委副书记、区长刘建国，区人大常委会主任陈红等区领导在主席台就座。区政协主席赵明主持开幕会并作常委会工作报告。
            本报讯 6月8日，徐汇区委书记曹立强率徐汇区党政代表团来我区考察交流。区委书记于涛，区委副书记、区长王军陪同考察。双方举行座谈会，于涛主持座谈会，曹立强讲话。
            """)
        for (i, t) in texts.enumerated() {
            let fast = p.run(IssueInput(id: "t\(i)", path: "t", text: t, issueDate: nil))
            let full = reference.run(IssueInput(id: "t\(i)", path: "t", text: t, issueDate: nil))
            XCTAssertEqual(fast.records, full.records, "text \(i)")
            XCTAssertEqual(fast.mentions, full.mentions, "text \(i)")
        }
    }
}
