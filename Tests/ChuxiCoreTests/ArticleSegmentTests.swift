import XCTest
@testable import ChuxiCore

final class ArticleSegmentTests: XCTestCase {
    func testArticlesAndJournalistsOfSeed000() throws {
        let n = Normalizer.normalize(SourceText(try seedText("000")))
        let arts = ArticleSplitter.split(n, surnames: sharedRules.surnames)
        let names = arts.flatMap { $0.journalists.map(\.name) }
        XCTAssertEqual(Set(names), ["彭旭卉", "黄亮亮", "肖鸣亮", "邢蓓琳"])
        XCTAssertGreaterThanOrEqual(arts.count, 5)
        // The first article holds the meeting of 6月11日 and its headline.
        let first = n.text(n.paragraphs[arts[0].paragraphs.lowerBound])
        XCTAssertEqual(first, "公众代表为我区生活垃圾分类工作建言献策")
    }

    func testBylineFormsOfSeed002And004() throws {
        for (seed, expected) in [("002", Set(["王巧月", "樊国庆", "陈烨雯", "杨惠聪", "黄蓉"])), ("004", Set(["汪晓", "耿洁玉", "宗河"]))] {
            let n = Normalizer.normalize(SourceText(try seedText(seed)))
            let names = Set(
                ArticleSplitter.split(n, surnames: sharedRules.surnames).flatMap { $0.journalists.map(\.name) })
            XCTAssertEqual(names, expected, seed)
        }
    }

    /// A photo credit in a byline parenthesis names the photographer, not `…摄`.
    func testPhotoCreditNamesThePhotographer() {
        let n = Normalizer.normalize(SourceText("钱家村迎来新春\n（本报记者钱立明摄）\n区委书记王建国出席活动。"))
        let journalists = ArticleSplitter.split(n, surnames: sharedRules.surnames).flatMap(\.journalists)
        XCTAssertEqual(journalists.map(\.name), ["钱立明"])
        XCTAssertEqual(journalists.map { n.text($0.range) }, ["钱立明"])
    }

    /// A web page runs its headline into the dateline on one line: the dateline starts the body, and
    /// the headline names no record of its own (its undated 看望 would be a second event).
    func testHeadlineRunIntoTheDatelineOnOneLine() throws {
        let page =
            "钱文、孙立等出席追悼会 赵明同志病重期间和逝世后，钱文、孙立等同志前往医院看望或通过各种形式表示深切慰问 "
            + "据新华社北京8月23日电 赵明同志追悼会23日在北京举行。钱文、孙立等出席了追悼会。"
        let n = Normalizer.normalize(SourceText(page))
        XCTAssertEqual(n.paragraphs.count, 2)
        XCTAssertTrue(n.text(n.paragraphs[1]).hasPrefix("据新华社北京8月23日电"))
        let arts = ArticleSplitter.split(n, surnames: sharedRules.surnames)
        XCTAssertEqual(arts.map(\.headlines), [[0]])
        let res = try extract(page)
        XCTAssertEqual(
            res.records.map { "\($0.attendee) \($0.role) \($0.date)" }, ["钱文 attend --08-23", "孙立 attend --08-23"])
    }

    /// A web page's labels between the headline and the dateline (`来源：… 日期：…`, `分享：`) keep
    /// the headline with its article: its meeting is the body's, dated by the dateline.
    func testPageLabelsBetweenHeadlineAndDateline() throws {
        let page =
            "当前位置：首页 >> 新闻\n\n钱明主持座谈会听取意见建议\n\n来源：某某网 日期：2026-01-27 09:40:18 点击：751\n分享：\n"
            + "新华社北京1月26日电 国务院总理钱明1月26日下午主持召开座谈会，听取意见建议。\n"
        let n = Normalizer.normalize(SourceText(page))
        XCTAssertEqual(ArticleSplitter.split(n, surnames: sharedRules.surnames).count, 1)
        XCTAssertEqual(try extract(page).records("钱明").map { "\($0.role) \($0.date)" }, ["chair --01-26"])
    }

    /// A story copied without its dateline closes with its source and date: 今天 counts from it.
    func testClosingCreditDatesTodayOfAStoryWithoutDateline() throws {
        let res = try extract("区长钱文今天出席了新春音乐会。\n副区长孙立也出席了音乐会。\n（某某网9月3日）\n© 本网转载内容版权归原作者所有。")
        XCTAssertEqual(res.records.map(\.date), ["--09-03", "--09-03"])
        let bare = try extract("区长钱文今天出席了新春音乐会。\n副区长孙立也出席了音乐会。")
        XCTAssertEqual(bare.records.map(\.date), ["", ""])
    }

    /// A dateline on a line of its own (short, so read as a headline) still dates the body's `16日`.
    func testDatelineOnItsOwnLineDatesTheBody() throws {
        let res = try extract("某某网北京3月16日电\n国务院总理钱正华16日主持召开国务院常务会议，研究有关工作。")
        XCTAssertEqual(res.records.map(\.date), ["--03-16"])
    }

    /// `■ 建设平安城区 强化法治保障` is a section heading, not a byline.
    func testSectionHeadingIsNoByline() {
        let p = Array("■ 建设平安城区 强化法治保障".unicodeScalars)
        XCTAssertFalse(ArticleSplitter.isByline(p[...], surnames: sharedRules.surnames))
        XCTAssertTrue(ArticleSplitter.isByline(Array("● 宗河".unicodeScalars)[...], surnames: sharedRules.surnames))
    }

    /// A summary above the dateline (`摘要：`) retells the body: it belongs to the article
    /// that follows, gives no records of its own, and the body's records carry the date.
    /// The article's first date dates the records just above it (a summary, a lead), never
    /// ones far above it: with no dateline between two stories, the first keeps no date.
    func testFirstDateDatesOnlyRecordsCloseAboveIt() throws {
        let filler = String(repeating: "全区经济社会发展取得新成效，", count: 40) + "群众满意度不断提高。"
        let res = try extract("区委书记王建国主持会议并讲话。\n\n\(filler)\n\n6月1日，区长李明出席活动。")
        XCTAssertEqual(Set(res.records.filter { $0.attendee == "王建国" }.map(\.date)), [""])
        XCTAssertEqual(res.records.first { $0.attendee == "李明" }?.date, "--06-01")
        let close = try extract("区委书记王建国主持会议并讲话。\n\n6月1日，区长李明出席活动。")
        XCTAssertEqual(Set(close.records.filter { $0.attendee == "王建国" }.map(\.date)), ["--06-01"])
    }

    /// A web page's date line above the body (`2008-09-22 22:11:41  来源：…`, spaces folded
    /// away) dates `22日晚` in the body.
    func testPageDateLineDatesADayOfMonth() throws {
        let res = try extract("市领导会见外国客人\n\n2008-09-22 22:11:41  作者：李某  来源：某新闻网\n\n某新闻网讯 22日晚，副市长王建国会见了来访的客人一行。")
        XCTAssertEqual(res.records.first { $0.attendee == "王建国" }?.date, "2008-09-22")
    }

    func testSummaryAboveDatelineJoinsItsArticle() throws {
        let text = """
            论坛开幕

            摘要：自治区党委书记陈明出席开幕式并致辞。自治区主席刘强主持。

            本报拉萨电（记者 王一）10月29日上午，发展论坛在拉萨开幕。

            自治区党委书记陈明出席开幕式并致辞。自治区主席刘强主持。
            """
        let n = Normalizer.normalize(SourceText(text))
        let arts = ArticleSplitter.split(n, surnames: sharedRules.surnames)
        XCTAssertEqual(arts.count, 1)
        XCTAssertEqual(arts[0].headlines.count, 2)  // the headline and the summary
        let r = try Pipeline(rules: sharedRules).run(IssueInput(id: "t", path: "t", text: text, issueDate: nil))
        XCTAssertEqual(
            r.records.map { "\($0.attendee)/\($0.role.rawValue)/\($0.date)" },
            ["陈明/attend/--10-29", "陈明/speak/--10-29", "刘强/chair/--10-29"])
    }

    func testICUSentencesAndWordsOnANewsSentence() throws {
        let text = "6月14日，区委副书记、代理区长翟军就本区区块链产业创新发展情况开展专题调研并主持召开座谈会。区委常委、常务副区长傅强参加。"
        let n = Normalizer.normalize(SourceText(text))
        let seg = try Segmenter()
        let sents = seg.sentences(in: n, paragraph: n.paragraphs[0], article: 1)
        XCTAssertEqual(
            sents.map { n.text($0.range) },
            [
                "6月14日，区委副书记、代理区长翟军就本区区块链产业创新发展情况开展专题调研并主持召开座谈会。",
                "区委常委、常务副区长傅强参加。"
            ])
        // Word boundaries: 主持 and 召开 are words; the name is split into characters.
        let s = sents[0]
        func word(_ w: String) -> Bool {
            guard let r = n.text(s.range).unicodeScalars.indices(of: w) else { return false }
            return s.isBoundary[r.lowerBound] && s.isBoundary[r.upperBound]
                && !(r.lowerBound + 1..<r.upperBound).contains { s.isBoundary[$0] }
        }
        XCTAssertTrue(word("主持"))
        XCTAssertTrue(word("召开"))
        XCTAssertFalse(word("翟军"))
    }
}
