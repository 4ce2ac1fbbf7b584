import Foundation
import XCTest
@testable import ChuxiCore

/// Every record carries the events step that found its attendee (names invented).
final class EventStepTests: XCTestCase {
    func testCompanionsAndTheAccompaniedSubjectCarryTheirSteps() throws {
        let res = try extract("本报讯 5月6日，市委书记汪明远在副市长钟立群陪同下，到东湖新区调研。")
        XCTAssertEqual(res.records("钟立群").map(\.step), [EventStep.companions.rawValue])
        XCTAssertEqual(res.records("钟立群").map(\.role), [.attend])
        XCTAssertEqual(res.records("汪明远").map(\.step), [EventStep.accompaniedSubject.rawValue])
        XCTAssertEqual(res.records("汪明远").map(\.role), [.inspect])
        // The companion takes the event of the trigger the accompanied subject took.
        XCTAssertEqual(res.records("钟立群").first?.event, res.records("汪明远").first?.event)
    }

    /// `PresentAtGathering`: a person put 在 the gathering told before attends it; a sentence that
    /// ends right after 在 is no gathering (and no crash).
    func testPresentAtTheGatheringToldBefore() throws {
        let res = try extract("本报讯 9月3日，区委召开表彰座谈会。副区长钱明在座谈会上向先进个人表示祝贺。")
        XCTAssertEqual(res.records("钱明").map(\.step), [EventStep.presentAtGathering.rawValue])
        XCTAssertEqual(res.records("钱明").map(\.event), ["表彰座谈会"])
        XCTAssertEqual(try extract("本报讯 9月3日，区委召开表彰座谈会。副区长钱明在").records.count, 0)
        XCTAssertEqual(try extract("本报讯 9月3日，区委召开表彰座谈会。副区长钱明在上").records.count, 0)
    }

    /// A notice of a meeting to come (`关于召开…的通知` on a line of its own, read as a headline)
    /// gives no records; the same body without it does.
    func testANoticeOfAMeetingGivesNoRecords() throws {
        let body = "区直有关单位：\n区政府定于6月7日召开常务会议，区长钱明主持会议，副区长孙立出席。\n"
        XCTAssertEqual(try extract("关于召开区政府第8次常务会议的通知\n\n" + body).records.count, 0)
        XCTAssertEqual(Set(try extract("区政府常务会议\n\n" + body).records.map(\.attendee)), ["钱明", "孙立"])
    }

    /// `HistoryYear`: a sentence that tells a year before the issue's, with no month, is history;
    /// a full date of the year before dates a record, and so does a bare year of the issue's year.
    func testABareEarlierYearTellsHistory() throws {
        XCTAssertEqual(try extract("本报讯 1998年1月5日\n1992年，县长钱明来到某镇扶贫。\n").records.count, 0)
        XCTAssertEqual(try extract("本报讯 1998年1月5日\n早在一九九五年，县长钱明就到某镇调研。\n").records.count, 0)
        let dated = try extract("本报讯 1998年1月5日\n1997年12月30日，县长钱明到某镇调研。\n")
        XCTAssertEqual(dated.records("钱明").map(\.date), ["1997-12-30"])
        XCTAssertEqual(try extract("本报讯 1998年1月5日\n1998年，县长钱明到某镇调研。\n").records("钱明").count, 1)
        XCTAssertEqual(try extract("1992年，县长钱明来到某镇扶贫。\n", issueDate: (1998, 1, 5)).records.count, 0)
    }

    /// `ExpressedNotDone`: a trigger word that is expressed (`表示亲切慰问`) is no visit.
    func testAnExpressedGreetingIsNoVisit() throws {
        let res = try extract("本报讯 9月3日，副市长赵刚出席座谈会，并向全体教师表示亲切慰问。")
        XCTAssertEqual(res.records("赵刚").map(\.role), [.attend])
        XCTAssertEqual(try extract("本报讯 9月3日，副市长赵刚来到学校，慰问全体教师。").records("赵刚").map(\.role), [.inspect])
    }

    /// A meeting a speaker tells of (`他说，昨天…会见了…`) has its own record, but neither its date nor
    /// its name is where the story goes on: a speech after it is at the tea party.
    func testAnEventASpeakerTellsOfIsNotWhereTheStoryGoesOn() throws {
        let res = try extract(
            "新华社北京1月23日电 某局今天在京举办迎春茶话会。局长钱明说，昨天下午，副市长孙立会见了各界代表。副局长赵刚代表与会人员发言。")
        XCTAssertEqual(res.records("孙立").map { "\($0.event) \($0.date)" }, ["会见各界代表 --01-22"])
        XCTAssertEqual(
            res.records("赵刚").filter { $0.role == .speak }.map { "\($0.event) \($0.date)" }, ["迎春茶话会 --01-23"])
    }

    func testChairThenSpeechAreTwoSteps() throws {
        let res = try extract("本报讯 5月6日，区长杜文涛主持召开区政府常务会议并讲话。")
        let steps = Dictionary(res.records("杜文涛").map { ($0.role, $0.step) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(steps[.chair], EventStep.subjectsBeforeTrigger.rawValue)
        XCTAssertEqual(steps[.speak], EventStep.speechSubjects.rawValue)
    }

    /// A record whose text names no event takes the one its headline names, not the headline whole.
    func testHeadlineNamesTheEventOfLastResort() throws {
        let said = try extract("钱明在全省水利工作会议上强调加快水利建设\n\n新华社长沙1月5日电 副省长钱明今天强调，要加快水利建设。\n")
        XCTAssertEqual(said.records("钱明").map(\.event), ["全省水利工作会议"])
        let held = try extract("全省水利工作会议在长沙举行\n\n新华社长沙1月5日电 副省长钱明今天强调，要加快水利建设。\n")
        XCTAssertEqual(held.records("钱明").map(\.event), ["全省水利工作会议"])
        // A headline that names no event stays the name of last resort.
        let none = try extract("水利建设要加快\n\n新华社长沙1月5日电 副省长钱明今天强调，要加快水利建设。\n")
        XCTAssertEqual(none.records("钱明").map(\.event), ["水利建设要加快"])
        // A meeting's document (events.rules `document`) names the meeting.
        let doc = try extract("省水利厅第三次全体会议公报（二〇二五年一月五日）\n\n新华社长沙1月5日电 副省长钱明今天强调，要加快水利建设。\n")
        XCTAssertEqual(doc.records("钱明").map(\.event), ["省水利厅第三次全体会议"])
    }

    /// A visit named by the headline: the companions after it take the same event.
    func testCompanionsTakeTheHeadlinesVisit() throws {
        let visit = try extract("某国代表团来我区考察\n\n10月12日，某国议长卡洛斯率领的代表团一行来我区考察。区委书记钱明陪同考察。\n")
        XCTAssertEqual(visit.records("钱明").map(\.event), ["某国代表团来我区考察"])
    }

    /// A visit verb in a sentence that opens at a gathering: its subjects attend the gathering.
    func testVisitAtAGatheringAttendsIt() throws {
        let res = try extract(
            "本报讯 2月1日，市迎春茶话会在市政府礼堂举行。在茶话会上，市委书记汪明远等领导来到各界人士中间，亲切交谈。")
        XCTAssertEqual(res.records("汪明远").map(\.role), [.attend])
        XCTAssertEqual(res.records("汪明远").map(\.event), ["市迎春茶话会"])
        // Without the gathering the same verb is a visit.
        let visit = try extract("本报讯 2月1日，市委书记汪明远来到各界人士中间，亲切交谈。")
        XCTAssertEqual(visit.records("汪明远").map(\.role), [.inspect])
    }

    /// Words cited from a report in an article that names no event (a commentary) are no
    /// attendance; the same words at a meeting the article names are.
    func testWordsCitedFromAReportAreNoAttendance() throws {
        let cited = try extract(
            "勤俭办一切事业\n\n新华社北京2月1日电 汪明远同志在第三次代表大会报告中指出：“要勤俭办一切事业。”这是我们的传家宝。\n")
        XCTAssertEqual(cited.records("汪明远").count, 0)
        let told = try extract(
            "市第三次代表大会开幕\n\n本报讯 2月1日，市第三次代表大会开幕。汪明远在报告中指出，要勤俭办一切事业。\n")
        XCTAssertEqual(told.records("汪明远").map(\.role), [.speak])
    }

    /// A step the architecture document does not list fails here (the doc lists them in order).
    func testEveryStepIsDocumented() throws {
        let doc = try String(contentsOf: repoRoot.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        for step in EventStep.allCases { XCTAssertTrue(doc.contains("`\(step.rawValue)`"), step.rawValue) }
    }
}
