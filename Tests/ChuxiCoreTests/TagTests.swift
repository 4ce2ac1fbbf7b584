import XCTest
@testable import ChuxiCore

/// Tagging on sentences written for the project (other districts, national news) and on
/// seed sentences. Names here are invented or public national figures, never rules.
final class TagTests: XCTestCase {
    func r(_ text: String, _ date: (Int, Int, Int)? = nil) throws -> IssueResult { try extract(text, issueDate: date) }

    /// The rule name steps that decided a name are what `chuxi explain --steps` prints, and
    /// tagging with a step log gives the same sentence as tagging without one.
    func testStepLogNamesTheDecidingSteps() throws {
        let res = try r("本报讯 区长王建国、副区长李明二十三日出席会议。张伟表示，要抓好落实。")
        var trials: [(String, Tagger.NameSteps)] = []
        for t in res.sentences {
            let log = Tagger.NameStepLog()
            let again = Tagger(rules: sharedRules).tag(t.sentence, in: res.normalized, stepLog: log)
            XCTAssertEqual(again.persons.map(\.name), t.persons.map(\.name))
            trials += log.trials.compactMap { tr in tr.name.map { (res.normalized.text($0), tr.steps) } }
        }
        let liMing = trials.first { $0.0 == "李明" }?.1
        XCTAssertEqual(liMing?.end, "two-given")
        XCTAssertEqual(liMing?.trims, ["taken-span"])  // 李明|二十三日: the date is taken first
        XCTAssertEqual(trials.first { $0.0 == "张伟" }?.1.end, "one-given")
        XCTAssertTrue(Tagger.ruleNameVetoes.map(\.id).starts(with: ["state-word", "taken-span", "not-given-last"]))
    }

    func testTitleBeforeListAppliesToEachName() throws {
        let res = try r("本报讯 6月11日，区长陈立新主持召开区政府常务会议，副区长龙慧敏、姜毅、李峰和张伟出席会议。")
        for n in ["龙慧敏", "姜毅", "李峰", "张伟"] {
            XCTAssertEqual(res.records(n).first?.titles, ["副区长"], n)
            XCTAssertEqual(res.records(n).first?.role, .attend, n)
        }
        XCTAssertEqual(res.records("陈立新").first?.role, .chair)
        XCTAssertEqual(res.records("陈立新").first?.event, "区政府常务会议")
        XCTAssertEqual(res.records("陈立新").first?.date, "--06-11")
    }

    func testChainedTitlesAndOrganizationInsideTitle() throws {
        let res = try r("市人力资源和社会保障局副局长周一鸣，区委常委、常务副区长吴海等应邀出席活动。")
        XCTAssertEqual(res.records("周一鸣").first?.titles, ["市人力资源和社会保障局副局长"])
        XCTAssertEqual(res.records("吴海").first?.titles, ["区委常委", "常务副区长"])
        XCTAssertTrue(res.mentions.contains { $0.type == .organization && $0.text == "市人力资源和社会保障局" })
    }

    func testNationalNewsDatelineAndRelativeDate() throws {
        let text = """
            新华社北京１月９日电　中共中央政治局常委、国务院总理周岩今天在人民大会堂会见来华访问的新加坡总理黄循财。
            国务委员兼外交部长郑毅参加会见。
            """
        let res = try r(text, (2025, 1, 10))
        XCTAssertEqual(res.records("周岩").first?.titles, ["中共中央政治局常委", "国务院总理"])
        XCTAssertEqual(res.records("周岩").first?.date, "2025-01-09")
        XCTAssertEqual(res.records("黄循财").first?.role, .attend)
        XCTAssertEqual(res.records("郑毅").first?.role, .attend)
    }

    /// `参加会见的有` means the 会见 told before, with its date, not a 会谈 of the day before told
    /// since; `参加了今天的会见` is dated by its own `今天`; a conference the guests came for
    /// (`会见出席某会议的代表`) is not the meeting's name.
    func testGuestsOfAMeetingToldBeforeTakeItsNameAndDate() throws {
        let res = try r(
            """
            新华社北京３月５日电　国家副主席陈立今天在人民大会堂会见了来访的某国总统阿卜杜·卡林一行。
            卡林说，他昨天同国家主席周平进行了长时间友好会谈。
            参加会见的有：外交部部长助理吴凡，中国驻该国大使郑强等。
            """, (2031, 3, 6))
        XCTAssertEqual(res.records("吴凡").first?.date, "2031-03-05")
        XCTAssertEqual(res.records("吴凡").first?.event, res.records("陈立").first?.event)
        XCTAssertEqual(res.records("陈立").first?.event.hasPrefix("会见"), true)
        let later = try r(
            """
            本报北京４月２日讯　政协主席孙明今天会见了出席某省第六届代表会议的全体代表。
            某省第六届代表会议于３月２８日至４月１日在北京举行。
            政协副主席冯一、何二等参加了今天的会见。
            """, (2031, 4, 3))
        XCTAssertEqual(later.records("冯一").first?.date, "2031-04-02")
        XCTAssertEqual(later.records("孙明").first?.event.hasPrefix("会见"), true)
        XCTAssertEqual(later.records("冯一").first?.event, later.records("孙明").first?.event)
    }

    /// A dotted name cut by a line break (`罗德里·` at a paragraph's end) is the name without its dot.
    func testNoNameEndsWithItsDot() throws {
        let res = try r("主场更凶猛，卡瓦尼、罗德里·\n\n乐成中心的球员也来了。")
        XCTAssertTrue(res.personNames.contains("罗德里"), "\(res.personNames)")
        XCTAssertFalse(res.personNames.contains { $0.hasSuffix("·") }, "\(res.personNames)")
    }

    func testCompoundAndRareSurnamesAndForeignNames() throws {
        let res = try r("本报讯 3月2日，区委书记欧阳明、副区长司马云、区政协主席顾立鋆出席仪式。联合国秘书长安东尼奥·古特雷斯致辞。")
        XCTAssertEqual(Set(res.records.map(\.attendee)), ["欧阳明", "司马云", "顾立鋆", "安东尼奥·古特雷斯"])
    }

    /// A repeated name inside a doctrine's or a book's name (names.rules `term`: `某某文选`) is
    /// no person mention; the name's own mention stays.
    func testARepeatedNameInABooksNameIsNoPerson() throws {
        // (The model reads the first mention alone; the article's repetition would find the second.)
        let res = try r("本报讯 9月3日，区长葛全有出席学习会。会议学习葛全有文选，大家发言。")
        XCTAssertEqual(res.mentions.filter { $0.type == .person && $0.text == "葛全有" }.count, 1)
    }

    /// A group's label that names no organization (titles.rules `group`: `有关部门负责人`) is no
    /// record's title; a post with its organization stays.
    func testAGroupLabelIsNoRecordsTitle() throws {
        let res = try r("本报讯 1月24日，副总理钱明到灾区慰问，同他一起慰问的有民政部部长孙立和有关部门负责人赵刚、周强等。")
        XCTAssertEqual(res.records("赵刚").first?.titles, [], "\(res.records.map(\.titles))")
        XCTAssertEqual(res.records("孙立").first?.titles, ["民政部部长"])
    }

    func testNoNamesFromPlacesAndStreets() throws {
        let res = try r("本报讯 活动在张园8号楼举行，王府井商圈和金山区高新技术企业代表参加活动。金山在全区率先推进。")
        XCTAssertTrue(res.records.isEmpty, "\(res.records.map(\.attendee))")
        XCTAssertTrue(res.personNames.isEmpty, "\(res.personNames)")
    }

    func testRolesFromTriggers() throws {
        let res = try r(
            """
            本报讯 12月3日，区十七届人大常委会举行第八次会议。会议由区人大常委会主任何建国主持。区长孙丽在会上作报告。
            区领导赵一平、钱二、沈三列席会议。副区长刘伟到浦江镇调研乡村振兴工作，区农业农村委有关负责人陪同。
            """)
        XCTAssertEqual(res.records("何建国").map(\.role), [.chair])
        XCTAssertTrue(res.records("孙丽").contains { $0.role == .speak })
        XCTAssertEqual(Set(res.records.filter { $0.role == .observe }.map(\.attendee)), ["赵一平", "钱二", "沈三"])
        XCTAssertEqual(res.records("刘伟").first?.role, .inspect)
        XCTAssertTrue(res.records.contains { $0.attendee == "区农业农村委" && $0.kind == "organization" })
        XCTAssertTrue(res.records.allSatisfy { $0.date == "--12-03" })
    }

    func testChairAndSpeakTogetherAndNoSpeakFromQuotedSpeech() throws {
        let res = try r("本报讯 3月9日，区委书记于海主持会议并讲话。要深入学习贯彻钱正华总书记重要讲话精神。")
        XCTAssertEqual(Set(res.records("于海").map(\.role)), [.chair, .speak])
        XCTAssertTrue(res.records("钱正华").isEmpty)
    }

    func testDates() throws {
        let cases: [(String, String)] = [
            ("本报讯 6月11日，区长王伟出席会议。", "--06-11"),
            ("本报讯 12月25日至26日，区长王伟出席会议。", "--12-25/--12-26"),
            ("本报讯 2020年12月29日，区长王伟出席会议。", "2020-12-29"),
            ("本报讯 十二月三十一日，区长王伟出席会议。", "--12-31"),
            ("本报讯 ６月１１日上午，区长王伟出席会议。", "--06-11"),
            ("本报讯 近日，区长王伟出席会议。", "")
        ]
        for (text, want) in cases { XCTAssertEqual(try r(text).records("王伟").first?.date, want, text) }
        // With an issue date, year-less dates take the latest year not after it.
        XCTAssertEqual(try r("本报讯 12月30日，区长王伟出席会议。", (2021, 1, 2)).records("王伟").first?.date, "2020-12-30")
        XCTAssertEqual(try r("本报讯 昨天，区长王伟出席会议。", (2021, 1, 2)).records("王伟").first?.date, "2021-01-01")
    }

    func testIssueDateFromPath() {
        XCTAssertEqual(
            IssueInput.date(fromPath: "archive/2024-06-17/a.txt").map { [$0.year, $0.month, $0.day] }, [2024, 6, 17])
        XCTAssertEqual(IssueInput.date(fromPath: "x/20240617.txt").map { [$0.year, $0.month, $0.day] }, [2024, 6, 17])
        XCTAssertEqual(
            IssueInput.date(fromPath: "19980106-04-003.txt").map { [$0.year, $0.month, $0.day] }, [1998, 1, 6])
        XCTAssertNil(IssueInput.date(fromPath: "seeds/000_2d8a954f069979b9.txt"))
        // A folder name ending in four digits (a UUID) before the dated folder.
        XCTAssertEqual(
            IssueInput.date(fromPath: "/tmp/run-5F0C-A1B21234/2022-04-01/c.html").map { [$0.year, $0.month, $0.day] },
            [2022, 4, 1])
    }

    func testJournalistsAreNeverAttendees() throws {
        let res = try r("■记者 王小明\n\n本报讯 6月1日，区长陈东出席会议。王小明出席会议。")
        XCTAssertFalse(res.records.contains { $0.attendee == "王小明" })
        XCTAssertTrue(res.mentions.contains { $0.type == .journalist && $0.text == "王小明" })
    }
}

/// Only the issue's news is attendance: a date after the issue is a plan, one months before
/// it a past event; a date a little after the issue is this year's (not forced a year back).
final class IssueDateWindowTests: XCTestCase {
    func testPlannedAndPastEventsGiveNoRecord() throws {
        let text = "本报讯 1月20日，区长王伟出席全区工作会议。\n1月31日，副区长李明将于当天出席论坛。\n1996年12月30日，院长赵红出席捐赠仪式。\n"
        let r = try extract(text, issueDate: (1998, 1, 24))
        XCTAssertEqual(r.records("王伟").map(\.date), ["1998-01-20"])
        XCTAssertTrue(r.records("李明").isEmpty, "\(r.records("李明"))")
        XCTAssertTrue(r.records("赵红").isEmpty, "\(r.records("赵红"))")
        // Without an issue date nothing is dropped.
        XCTAssertFalse(try extract(text).records("赵红").isEmpty)
    }

    func testADateSoonAfterTheIssueKeepsItsYear() {
        let d = DateValue(year: nil, month: 1, day: 31, end: nil).resolved(issueDate: (1998, 1, 24))
        XCTAssertEqual(d.iso, "1998-01-31")
        let past = DateValue(year: nil, month: 12, day: 29, end: nil).resolved(issueDate: (1998, 1, 3))
        XCTAssertEqual(past.iso, "1997-12-29")
    }
}

/// `为期三天的X今天闭幕`: the event lasted three days ending on the dateline's day, and the
/// records told after it without a date of their own take that range.
final class EventSpanTests: XCTestCase {
    func testAnEventOfNDaysClosingTodayIsARange() throws {
        let text = "新华社某地1月9日电 为期三天的全市农村工作会议今天在某地闭幕。\n会议期间，市委书记赵刚作了讲话。市长王伟出席了这次会议。\n"
        let r = try extract(text, issueDate: (1998, 1, 10))
        XCTAssertEqual(r.records("王伟").map(\.date), ["1998-01-07/1998-01-09"])
        XCTAssertEqual(r.records("王伟").map(\.event), ["全市农村工作会议"])
        // Without 为期…闭幕 the day is the dateline's.
        let plain = try extract(text.replacingOccurrences(of: "为期三天的", with: ""), issueDate: (1998, 1, 10))
        XCTAssertEqual(plain.records("王伟").map(\.date), ["1998-01-09"])
    }
}
