/// `副主席A在座谈会上向受表彰的…表示祝贺`: a person the sentence puts at the gathering the article
/// tells (`在` + a name ending with an event noun + `上`, right after the name and its post)
/// attends it, though no trigger says so. Only the gathering already told (the article's current
/// event or gathering, or the headline's: `在十五大上当选` in a profile names a past one), only
/// persons no trigger of the sentence gave a record, never in a plan. (A sentence step, after the
/// sentence's triggers.)
enum PresentAtGathering {
    static let step = EventStep.presentAtGathering

    /// The gatherings told before the sentence (its own triggers may name others); the
    /// headline's is read only when a person stands 在 a gathering (every sentence comes here).
    static func told(_ st: EventExtractor.State) -> [String] { [st.gathering, st.event].compactMap { $0 } }

    static func resolve(
        _ t: TaggedSentence, _ s: [Unicode.Scalar], _ x: EventExtractor, _ sc: EventExtractor.SentenceContext,
        told: [String], draftsBefore: Int, _ st: inout EventExtractor.State
    ) {
        guard !sc.planned, !t.persons.isEmpty else { return }
        let r = t.sentence.range
        var headline: [String]? = nil
        for p in t.persons where !st.drafts[draftsBefore...].contains(where: { $0.attendee == p.name }) {
            guard let (at, event) = gathering(after: p.name, s, r, x) else { continue }
            if headline == nil { headline = st.headline.map { [x.headlineEvent($0)] } ?? [] }
            let named = told + headline!
            guard let name = named.first(where: { $0.hasSuffix(event) }),
                !x.planned(s, from: p.name.upperBound, to: at.lowerBound, persons: t.persons),
                // (Nor in a sentence that names a year before the issue's: `1978年，A在…闭幕会上`, a history.)
                !(st.issueDate.map { issue in yearsNamed(t, s).contains { $0 < issue.year } } ?? false)
            else { continue }
            st.drafts.append(
                EventExtractor.Draft(
                    attendee: p.name, kind: AttendeeKind.person.rawValue, role: .attend, trigger: at, event: name,
                    date: st.eventDates[name] ?? st.date, step: step))
        }
    }

    /// The years the tagger read in the sentence: a year alone (`1978年`, its `times`) or a date's.
    static func yearsNamed(_ t: TaggedSentence, _ s: [Unicode.Scalar]) -> [Int] {
        t.times.compactMap { r in r.count == 5 ? Int(String(scalars: s[r.lowerBound..<(r.upperBound - 1)])) : nil }
            + t.dates.compactMap { d in if case .absolute(let v) = d.value { return v.year } else { return nil } }
    }

    /// `在…座谈会上` right after the name (past a post or 同志): its range and the event named.
    static func gathering(after name: Range<Int>, _ s: [Unicode.Scalar], _ r: Range<Int>, _ x: EventExtractor)
        -> (Range<Int>, String)?
    {
        let zai = x.afterPost(s, name.upperBound, r.upperBound)
        guard zai + 2 < r.upperBound, s[zai] == "在" else { return nil }
        for on in (zai + 2)..<min(r.upperBound, zai + 18) {
            if EventExtractor.clausePunct.contains(s[on]) || s[on] == "、" { return nil }
            guard s[on] == "上", x.rules.events.nouns.matchEnding(s, at: on, floor: zai + 1) > 0 else { continue }
            return (zai..<(on + 1), String(scalars: s[(zai + 1)..<on]))
        }
        return nil
    }
}
