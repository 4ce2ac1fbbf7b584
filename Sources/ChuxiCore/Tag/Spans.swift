/// Kinds of tagged spans, as written to mentions.csv.
/// To add one, see docs/ARCHITECTURE.md, "A span kind" (`SpanKindTests` fails on a step left out).
public enum SpanKind: String, Sendable, CaseIterable {
    case person, title, organization, date, place, event, journalist

    /// Kinds the output contract names that no stage makes yet: mentions.csv never holds them.
    /// A kind that a stage starts to make leaves this set (`SpanKindTests` checks both ways).
    public static let reserved: Set<SpanKind> = [.place, .event]
}

/// A tagged span of the normalized text, with the id of the rule that made it
/// (`chuxi explain` shows these).
public struct Span: Sendable {
    public let kind: SpanKind
    public let range: Range<Int>
    public let rule: String
}

/// A date as the text gives it: year optional, maybe a range; or a relative day
/// (`昨天`), or vague (`近日`: no date).
public struct DateValue: Sendable, Equatable {
    public var year: Int?
    public var month: Int
    public var day: Int
    public var end: (year: Int?, month: Int, day: Int)?

    public static func == (a: DateValue, b: DateValue) -> Bool {
        a.year == b.year && a.month == b.month && a.day == b.day && a.end?.year == b.end?.year
            && a.end?.month == b.end?.month && a.end?.day == b.end?.day
    }

    static func fmt(_ y: Int?, _ m: Int, _ d: Int) -> String {
        let md = String(format2: m) + "-" + String(format2: d)
        return y.map { "\($0)-" + md } ?? "--" + md
    }
    /// ISO 8601: `2024-06-11`, `--06-11`, ranges `A/B`.
    public var iso: String {
        let a = Self.fmt(year, month, day)
        guard let e = end else { return a }
        return a + "/" + Self.fmt(e.year ?? year, e.month, e.day)
    }

    /// Gives a year-less date the latest year that puts it on or before the issue date.
    public func resolved(issueDate: IssueDate?) -> DateValue {
        guard year == nil, let d = issueDate else { return self }
        var v = self
        // On or before the issue date: this year. A little after it (within two months: `将于
        // 1月31日` in an issue of the 24th) is a date to come, not last year's.
        let ahead = (month - d.month) * 31 + (day - d.day)
        v.year = (month, day) <= (d.month, d.day) || ahead <= 62 ? d.year : d.year - 1
        if let e = end, e.year == nil { v.end = (e.month < month ? v.year! + 1 : v.year!, e.month, e.day) }
        return v
    }

    /// Day `d` of this date's month, or nil when the month has no such day (`本月31日` in April).
    public func sameMonth(day d: Int) -> DateValue? {
        let v = DateValue(year: year, month: month, day: 1).adding(days: d - 1)
        return d >= 1 && v.month == month ? v : nil
    }

    /// Day `d` of this date's month, or of the month before when `d` is later
    /// (`11日` reported on the 2nd is last month's 11th).
    public func latest(day d: Int) -> DateValue {
        // A range's end counts (`3月13日到14日` … `14日晚`).
        if let e = end, e.month == month, d <= e.day { return DateValue(year: year, month: month, day: d) }
        if d <= day { return DateValue(year: year, month: month, day: d) }
        let y = month == 1 ? year.map { $0 - 1 } : year
        return DateValue(year: y, month: month == 1 ? 12 : month - 1, day: d)
    }

    /// Days since a fixed origin (1 March of year 0, civil calendar): subtract two to count the
    /// days between dates.
    public static func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y, mm = (m + 9) % 12
        return 365 * yy + yy / 4 - yy / 100 + yy / 400 + (mm * 306 + 5) / 10 + d - 1
    }

    /// The date `days` after this one (for 昨天/今天 against a dateline); needs a year.
    public func adding(days: Int) -> DateValue {
        guard days != 0 else { return DateValue(year: year, month: month, day: day) }
        var y = year ?? 2001, m = month, d = day + days  // 2001: a non-leap year when unknown
        func dim(_ y: Int, _ m: Int) -> Int {
            m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28) : [4, 6, 9, 11].contains(m) ? 30 : 31
        }
        while d < 1 { m -= 1; if m < 1 { m = 12; y -= 1 }; d += dim(y, m) }
        while d > dim(y, m) { d -= dim(y, m); m += 1; if m > 12 { m = 1; y += 1 } }
        return DateValue(year: year == nil ? nil : y, month: m, day: d)
    }
}

extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}

public struct DateMention: Sendable {
    /// `absolute`: `6月11日`; `relative`: `昨天` (days); `dayOfMonth`: `11日` in the
    /// dateline's month (`新华社北京6月12日电 钱正华11日在…`); `vague`: `近日`.
    /// `dayOfThisMonth`: `本月20日`, the dateline's (else the issue's) month, even when later.
    /// (`dayOfMonth(29, through: 30)`: `29日至30日`, a span of days of one month.)
    public enum Value: Sendable {
        case absolute(DateValue), relative(Int), dayOfMonth(Int, through: Int? = nil), dayOfThisMonth(
            Int, through: Int? = nil), vague
    }
    public let range: Range<Int>
    public let value: Value
}

public struct PersonMention: Sendable {
    public let name: Range<Int>
    /// Title ranges, in text order (shared by every name of a list).
    public var titles: [Range<Int>]
    public let rule: String
    /// Where the mention begins, its titles before the name included (`国家主席A`).
    public var start: Int { titles.map(\.lowerBound).min() ?? name.lowerBound }
}

public struct OrgMention: Sendable {
    public let range: Range<Int>
    /// True when the text makes it an attendee (`X有关负责人出席`).
    public let attends: Bool
    public let rule: String
}

public struct TriggerMention: Sendable {
    public let range: Range<Int>
    public let trigger: Trigger
}

/// Everything the tagger found in one sentence.
/// A class: the pipeline hands each tagged sentence to several lists (the article's
/// sentences, its body), and a struct of five arrays would be copied field by field.
public final class TaggedSentence: Sendable {
    public let sentence: Sentence
    public let persons: [PersonMention]
    public let orgs: [OrgMention]
    public let dates: [DateMention]
    public let triggers: [TriggerMention]
    /// Person and organization names the name model reads anywhere in the sentence.
    public let names: [NameModel.Found]
    /// Times that date no event (`目前`, `1997年`): date mentions only; the events stage never reads them.
    public let times: [Range<Int>]

    public init(
        sentence: Sentence, persons: [PersonMention] = [], orgs: [OrgMention] = [],
        dates: [DateMention] = [], triggers: [TriggerMention] = [], names: [NameModel.Found] = [],
        times: [Range<Int>] = []
    ) {
        self.sentence = sentence; self.persons = persons; self.orgs = orgs; self.dates = dates; self.triggers = triggers
        self.names = names; self.times = times
    }

    /// Where the person named at `name` begins, titles included (`name`'s start if no person has it).
    public func start(of name: Range<Int>) -> Int { persons.first { $0.name == name }?.start ?? name.lowerBound }

    /// Where the dates and times that begin at `i` end (`今天上午`), else `i`.
    public func pastDate(at i: Int) -> Int {
        var j = i
        while let d = dates.first(where: { $0.range.lowerBound == j })?.range
            ?? times.first(where: { $0.lowerBound == j }),
            d.upperBound > j
        {
            j = d.upperBound
        }
        return j
    }
}
