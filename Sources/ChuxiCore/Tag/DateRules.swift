/// The tables of `dates.rules`, read through the schema (see rules/README.md for each keyword).
public struct DateRules: Sendable {
    /// `昨天` -> -1: words for a day counted from the article's date.
    public let relativeDays: [String: Int]
    /// `近日`, `日前`: a date that dates no day.
    public let vagueDates: Lexicon
    /// `dates.rules time`: `目前`, `去年`: mentions.csv dates that date no record.
    public let timeWords: Lexicon
    /// `dates.rules after-day`: `在`, `上午`, `会见` right after a bare day (`11日在…`) make it a date.
    public let afterDay: Lexicon
    /// `dates.rules day-span`: `内`, `前` after a bare day (`3日内`): a span, no date.
    public let daySpans: ScalarSet
    /// `dates.rules verb-before-now`: `表`, `出` before `现在` (`表现在`): a verb, no time.
    public let verbsBeforeNow: ScalarSet
    /// `dates.rules reported`: `说`, `表示` before a comma: what a speaker tells, dated on its own.
    public let reportingWords: Lexicon
    /// The relative and vague words together (what the date pass looks for).
    public let dateWords: Lexicon

    init(_ r: RuleSchema.Reader) {
        relativeDays = Dictionary(
            r.entries("dates.rules", "relative").map { ($0.values[0], Int($0.values[1])!) }, uniquingKeysWith: { $1 })
        let vague = r.words("dates.rules", "vague")
        vagueDates = Lexicon(vague)
        timeWords = r.lexicon("dates.rules", "time")
        reportingWords = r.lexicon("dates.rules", "reported")
        afterDay = r.lexicon("dates.rules", "after-day")
        daySpans = r.scalars("dates.rules", "day-span")
        verbsBeforeNow = r.scalars("dates.rules", "verb-before-now")
        dateWords = Lexicon(Array(relativeDays.keys) + vague)
    }
}
