// Date resolution of the events stage: the date of each trigger, vague dates, ranges.

extension EventExtractor {
    /// Where the article's first date stands.
    func firstDatePosition(_ sentences: [TaggedSentence]) -> Int {
        sentences.lazy.compactMap { $0.dates.first?.range.lowerBound }.first ?? Int.max
    }

    /// The dateline (`新华社北京1月9日电`, `本报讯 6月11日`): the article's first absolute date
    /// anchors 今天/昨天.
    func noteDateline(_ t: TaggedSentence, _ st: inout State) {
        if st.dateline == nil,
            let d = t.dates.first(where: { if case .absolute = $0.value { return true } else { return false } }),
            case .absolute(let v) = d.value
        {
            st.dateline = v.resolved(issueDate: st.issueDate)
        }
    }

    /// The current date after a sentence, and the article's first date.
    func advanceDate(after t: TaggedSentence, _ s: [Unicode.Scalar], sentenceEvent: String?, _ st: inout State) {
        // A vague date (`此前`, `近期`) dates what follows only when it opens the sentence or
        // the sentence tells an event (`据悉，李军此前曾任…` does not).
        // With triggers, the date of the last one (`1月12日…主持召开…传达1月6日…会议精神`:
        // the later date is that of what was studied); else the sentence's last date.
        // A vague date after a trigger qualifies what is told (`传达…总书记近期重要讲话`), not the story.
        let firstTrigger = t.triggers.first?.range.lowerBound ?? Int.max
        let telling = datesTelling(t, s).filter {
            (!isVague($0) || $0.range.lowerBound < firstTrigger) && !inReport(at: $0.range.lowerBound, s, in: t)
        }
        let governing =
            t.triggers.last.flatMap { tr in telling.last(where: { $0.range.upperBound <= tr.range.lowerBound }) }
            ?? telling.last
        if let last = governing, !isPlanned(last, s, in: t), !isBackground(last, t, sentenceEvent: sentenceEvent, st),
            !isRecalled(last, st),
            !isVague(last) || last.range.lowerBound == t.sentence.range.lowerBound
                || !t.triggers.isEmpty || sentenceEvent != nil
        {
            st.date = render(last, issueDate: st.issueDate, state: &st)
            if let span = closingSpan(t, s, after: last.range.upperBound),
                let ranged = Self.ending(st.date, lastingDays: span)
            {
                st.date = ranged
                if let e = sentenceEvent { st.eventDates[e] = ranged }
            }
        }
        if let d = t.dates.first, st.firstDate == nil {
            st.firstDate = isVague(d) ? "" : render(d, issueDate: st.issueDate, state: &st)
        }
    }

    /// `2017年6月7日，两院纳入国家高端智库培育单位`: a date with its year in a sentence that tells
    /// no event (no trigger, no held event), once the story has its date, is background: it
    /// does not date the story told since.
    func isBackground(_ d: DateMention, _ t: TaggedSentence, sentenceEvent: String?, _ st: State) -> Bool {
        guard t.triggers.isEmpty, sentenceEvent == nil, !st.date.isEmpty, case .absolute(let v) = d.value else {
            return false
        }
        // (A date years before the issue stays: it dates a history, whose records are stale.)
        guard let year = v.year else { return false }
        return st.issueDate.map { year >= $0.year - 5 } ?? true
    }

    /// `新华社北京1月20日电 …听取汇报…。1月7日起，慰问组…察看灾情。…张某作了汇报`: once the story
    /// stands at its dateline's day, a day a week or more before it is recalled (the sentence's
    /// own records take it), not where the story goes on.
    func isRecalled(_ d: DateMention, _ st: State) -> Bool {
        guard let dl = st.dateline, st.date == dl.iso, case .absolute(let v) = d.value else { return false }
        let r = v.resolved(issueDate: st.issueDate)
        // (Without years, a day later in the year than the dateline's is of the year before.)
        let y = dl.year ?? 2001
        let ry = r.year ?? ((r.month, r.day) > (dl.month, dl.day) ? y - 1 : y)
        return DateValue.dayNumber(y, dl.month, dl.day) - DateValue.dayNumber(ry, r.month, r.day) >= 7
    }

    /// Does `i` stand after a verb of saying and its comma in its sentence (dates.rules `reported`;
    /// not `据介绍，`, the writer's source)? `叶某说，昨天下午，某某会见了…`: a date there dates
    /// what the speaker tells, not the story told since.
    func inReport(at i: Int, _ s: [Unicode.Scalar], in t: TaggedSentence) -> Bool {
        let lo = t.sentence.range.lowerBound
        for k in lo..<i where s[k] == "，" || s[k] == "：" {
            let n = rules.dates.reportingWords.matchEnding(s, at: k, floor: lo)
            guard n > 0 else { continue }
            // (`据市商务局负责人介绍，`: 据 opening the clause names the writer's source.)
            let open = (lo..<(k - n)).last(where: { EventExtractor.clausePunct.contains(s[$0]) }).map { $0 + 1 } ?? lo
            if s[open] != "据" { return true }
        }
        return false
    }

    /// `活动将于8月20日在我县举行`, `定于3月2日召开`: a date a plan word (roles.rules `planned`)
    /// opens, in the same clause, dates what is to come, not the story told since.
    /// (`梁某上将今天`: the 将 of a rank after a name is no plan word.)
    func isPlanned(_ d: DateMention, _ s: [Unicode.Scalar], in t: TaggedSentence) -> Bool {
        let lo = t.sentence.range.lowerBound, at = d.range.lowerBound
        let n = rules.roleWords.plannedMarkers.matchEnding(s, at: at, floor: lo)
        // (`上将于3日`: the marker's first character may end the rank.)
        return n > 0 && rules.ranks.matchEnding(s, at: at - n + 1, floor: lo) == 0
    }

    /// What a relative day counts from: the dateline, else the page's date line, else the issue date.
    func base(_ state: State, _ issueDate: IssueDate?) -> DateValue? {
        state.dateline ?? state.pageDate ?? issueDate.map { DateValue(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// A day, or a span of days of its month (`29日至30日`), as ISO.
    static func span(_ day: DateValue?, through: Int?) -> String {
        guard var v = day else { return "" }
        if let e = through { v.end = (v.year, v.month, e) }
        return v.iso
    }

    func render(_ d: DateMention, issueDate: IssueDate?, state: inout State) -> String {
        switch d.value {
        case .absolute(let v):
            let r = v.resolved(issueDate: issueDate)
            if state.dateline == nil { state.dateline = r }
            return r.iso
        case .relative(let n):
            // 今天/昨天: against the dateline, else the issue date.
            return base(state, issueDate)?.adding(days: n).iso ?? ""
        case .dayOfMonth(let d, let through):
            return Self.span(base(state, issueDate)?.latest(day: d), through: through)
        case .dayOfThisMonth(let d, let through):
            return Self.span(base(state, issueDate)?.sameMonth(day: d), through: through)
        case .vague: return ""
        }
    }

    /// The date the sentence itself gives a trigger's event: one opening its object
    /// (`dateOfObject`), else the last date before it in the sentence; nil when the sentence
    /// gives none (the event then takes its own told date or the article's current date).
    func ownDate(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ st: inout State) -> String? {
        if let d = dateOfObject(trig, t, s, &st) { return d }
        guard
            let d = datesTelling(t, s).last(where: {
                $0.range.upperBound <= trig.range.lowerBound && !qualifiesSubject($0, before: trig, t, s)
            })
        else {
            return nil
        }
        return render(d, issueDate: st.issueDate, state: &st)
    }

    /// `应邀出席9月3日阅兵观礼的物理学家A等也相继致辞`: a date right after another trigger, in a
    /// clause that qualifies (`的`) a person before this trigger, dates what that person came
    /// for, not this trigger's act.
    func qualifiesSubject(_ d: DateMention, before trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar])
        -> Bool
    {
        let at = d.range.lowerBound
        guard
            t.triggers.contains(where: {
                $0.range.upperBound == at || ($0.range.upperBound == at - 1 && s[at - 1] == "了")
            }),
            let de = (d.range.upperBound..<trig.range.lowerBound).first(where: {
                s[$0] == "的" || EventExtractor.clausePunct.contains(s[$0])
            }), s[de] == "的"
        else { return false }
        return t.persons.contains { $0.name.lowerBound > de && $0.name.upperBound <= trig.range.lowerBound }
    }

    /// A date that opens the trigger's object (`参加了今天的会见`, `出席昨天的招待会`): the date of
    /// the event the trigger names, which stands after the trigger.
    func dateOfObject(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], _ st: inout State)
        -> String?
    {
        var j = trig.range.upperBound
        if j < s.count, s[j] == "了" { j += 1 }
        guard let d = t.dates.first(where: { $0.range.lowerBound == j }), !isVague(d),
            d.range.upperBound < t.sentence.range.upperBound, s[d.range.upperBound] == "的"
        else { return nil }
        return render(d, issueDate: st.issueDate, state: &st)
    }

    func isVague(_ d: DateMention) -> Bool { if case .vague = d.value { return true } else { return false } }

    /// The sentence's dates without a vague word after a precise date (`10月23日，…传达…近期重要讲话`:
    /// `近期` qualifies the speech, not the meeting) or right after 了 or 的 (`介绍了近期…的情况`:
    /// inside what is told).
    func datesTelling(_ t: TaggedSentence, _ s: [Unicode.Scalar]) -> [DateMention] {
        let dates = t.dates.filter { d in
            !(isVague(d) && d.range.lowerBound > t.sentence.range.lowerBound
                && (s[d.range.lowerBound - 1] == "了" || s[d.range.lowerBound - 1] == "的"))
        }
        guard let firstPrecise = dates.firstIndex(where: { !isVague($0) }) else { return dates }
        return dates.enumerated().filter { k, d in !isVague(d) || k < firstPrecise }.map(\.element)
    }

    /// `为期三天的X今天闭幕`: an event of N days that closes on the sentence's date. Returns N.
    func closingSpan(_ t: TaggedSentence, _ s: [Unicode.Scalar], after dateEnd: Int) -> Int? {
        let r = t.sentence.range
        guard
            let w = (r.lowerBound..<max(r.lowerBound, r.upperBound - 3)).first(where: {
                s[$0] == "为" && s[$0 + 1] == "期"
            })
        else { return nil }
        guard let (n, k) = Numerals.read(s, w + 2, r.upperBound), (2...31).contains(n), k < r.upperBound, s[k] == "天"
        else { return nil }
        let closes = rules.events.closingVerbs.contains { c in
            (dateEnd..<r.upperBound).contains { s[$0...].starts(with: c) }
        }
        return closes ? n : nil
    }

    /// `1998-01-09` lasting 3 days -> `1998-01-07/1998-01-09` (a date with its year only).
    static func ending(_ iso: String, lastingDays n: Int) -> String? {
        guard let d = IssueInput.parseISODate(iso) else { return nil }
        let end = DateValue(year: d.year, month: d.month, day: d.day)
        return end.adding(days: -(n - 1)).iso + "/" + end.iso
    }
}
