import XCTest
@testable import ChuxiCore

final class NormalizeTests: XCTestCase {
    func testWidthFoldingOfDigitsLettersAndPunctuation() {
        let n = Normalizer.normalize(SourceText("本报讯 ３月９日，必博人力(BIPO)负责人陈云海表示,市场扩容。Web3.0、1,000人"))
        XCTAssertEqual(n.text(n.paragraphs[0]), "本报讯3月9日，必博人力（BIPO）负责人陈云海表示，市场扩容。Web3.0、1,000人")
    }

    func testWhitespaceInsideTokensIsRemovedButKeptBetweenWords() {
        let n = Normalizer.normalize(SourceText("本报讯 3月 9日，北苏州路绿地总面积约 4170 平方米\n■记者 戚佳佳 申佳琦"))
        XCTAssertEqual(n.text(n.paragraphs[0]), "本报讯3月9日，北苏州路绿地总面积约4170平方米")
        XCTAssertEqual(n.text(n.paragraphs[1]), "■记者 戚佳佳 申佳琦")
        // Two numbers stay apart: a page's time, then the body's date.
        let t = Normalizer.normalize(SourceText("发表时间:2021-10-24 21:51 10月22日，会议召开"))
        XCTAssertEqual(t.text(t.paragraphs[0]), "发表时间：2021-10-24 21:51 10月22日，会议召开")
    }

    /// A paragraph that ends a sentence before the writer and the source in brackets is body
    /// text: it gives records and does not run into the next line.
    func testSentenceEndBeforeBracketedSourceEndsTheParagraph() throws {
        XCTAssertTrue(Normalizer.endsSentence("会见时，省外办副主任张立等在座。（王某）（新华日报）".unicodeScalars))
        XCTAssertTrue(Normalizer.endsSentence("代表们参观了展厅。(下转2版)".unicodeScalars))
        XCTAssertFalse(Normalizer.endsSentence("区领导调研（图）".unicodeScalars))
        XCTAssertFalse(Normalizer.endsSentence("静安晶品项目总经理居".unicodeScalars))
        let res = try extract("本报讯 3月5日，省长王建国会见了来访的客人。\n会见时，省外办副主任张立等在座。（王某）（新华日报）")
        XCTAssertEqual(res.records.filter { $0.attendee == "张立" }.map(\.role), [.attend])
    }

    /// Seed 000: a paragraph cut by the layout (`…总经理居` / `珂、江宁路…`) is one paragraph.
    func testParagraphCutByPageBreakIsJoined() throws {
        let n = Normalizer.normalize(SourceText(try seedText("000")))
        let joined = n.paragraphs.map { n.text($0) }
        XCTAssertTrue(joined.contains { $0.contains("静安晶品项目总经理居珂、江宁路街道垃圾分类志愿者代表水晶晶") })
        // Headlines (short, no final punctuation) stay apart.
        XCTAssertTrue(joined.contains("区领导调研区块链产业创新发展情况"))
    }

    /// Seed 003 is set in narrow columns: `区长王` + `华` is 王华, `组织部部` + `长宋宗德` is 组织部部长宋宗德.
    func testNarrowColumnsAreJoined() throws {
        let n = Normalizer.normalize(SourceText(try seedText("003")))
        let all = n.paragraphs.map { n.text($0) }.joined(separator: "\n")
        XCTAssertTrue(all.contains("区委副书记、区长王华，区人大常委会主任顾云豪"))
        XCTAssertTrue(all.contains("区委常委、组织部部长宋宗德"))
        XCTAssertTrue(all.contains("区委常委、统战部部长顾定鋆出席活动"))
    }

    /// A page of short chrome lines reads as narrow columns, but its time stamp stays a line of its
    /// own: joined, `08:50` ran into the body's `1月26日` and the story took the page's date.
    func testTimeStampLineIsNoPartOfAParagraph() throws {
        let page =
            "首页 > 新闻动态\n某使馆举办春节招待会\n2014-01-28 08:50\n\n  1月26日，某使馆举办春节招待会，150余人欢聚一堂。钱立大使出席招待会并致辞。\n"
            + "分享\n打印\n关闭\n返回顶部\n相关链接\n"
        let n = Normalizer.normalize(SourceText(page))
        XCTAssertTrue(n.paragraphs.map { n.text($0) }.contains { $0.hasPrefix("2014-01-28") && $0.hasSuffix("08:50") })
        XCTAssertEqual(Set(try extract(page).records("钱立").map(\.date)), ["--01-26"])
    }

    /// Every normalized scalar maps back to the original scalar it came from.
    func testOffsetMapPointsIntoTheOriginal() throws {
        let raw = try seedText("003")
        let src = SourceText(raw)
        let n = Normalizer.normalize(src)
        for (i, c) in n.scalars.enumerated() where c != "\n" && c != " " {
            let o = src.scalars[n.origin[i]]
            XCTAssertEqual(
                WidthFolding.fold(o, previous: nil, next: nil) == c || WidthFolding.toHalfWidth(o) == c, true,
                "scalar \(i)")
        }
        // 王华 is split over two lines of the original: its range runs from line to line.
        let text = n.text(0..<n.scalars.count)
        let r = text.unicodeScalars.indices(of: "区长王华")
        XCTAssertNotNil(r)
    }
}

extension String.UnicodeScalarView {
    func indices(of needle: String) -> Range<Int>? {
        let h = Array(self), n = Array(needle.unicodeScalars)
        guard h.count >= n.count else { return nil }
        for i in 0...(h.count - n.count) where Array(h[i..<(i + n.count)]) == n { return i..<(i + n.count) }
        return nil
    }
}
