/// Turns the tagged sentences of one article into who-attended-what records: finds the
/// persons each role trigger applies to, the event it belongs to and the date.
public struct EventExtractor: Sendable {
    public let rules: RuleSet
    public init(rules: RuleSet) { self.rules = rules }

    /// A record before it is tied to the issue and the original file.
    public struct Draft: Sendable {
        public var attendee: Range<Int>
        public var kind: String
        public var role: Role
        public var trigger: Range<Int>
        public var event: String
        public var date: String
    }

    static let speechLead: [(String, [Unicode.Scalar])] = ["并作", "并发表", "并", "作", "发表", "进行"].map { ($0, Array($0.unicodeScalars)) }
    static let saidGap = ScalarSet(["也", "还", "再", "又", "进一步", "同时", "首先", "随后", "最后", "接着"].flatMap(\.unicodeScalars))

    /// Where the article's first date stands.
    func firstDatePosition(_ sentences: [TaggedSentence]) -> Int {
        sentences.lazy.compactMap { $0.dates.first?.range.lowerBound }.first ?? Int.max
    }

    struct State {
        var firstDate: String? = nil
        var date: String = ""
        var event: String? = nil
        /// The last event not named by a meeting: the gathering a later `会上`, `这次会议` means.
        var gathering: String? = nil
        /// The last event named by a meeting (`会见X`): what a later `参加了会见`, `会见时在座` means.
        var meeting: String? = nil
        /// Was the current event named by a meeting?
        var eventIsMeet: Bool { event != nil && event == meeting && event != gathering }
        var dateline: DateValue? = nil
        /// A dated line among the headlines (`2008-09-22 22:11 来源：…`): the base for `今天`, `22日`
        /// when the body gives no date of its own first.
        var pageDate: DateValue? = nil
        /// The meeting (`会见`) told by the sentence before, for a next sentence that lists its guests.
        var lastMeet: Draft? = nil
        /// The date each event was given where the text told it (`为期三天的X今天闭幕`).
        var eventDates: [String: String] = [:]
    }

    public func extract(_ sentences: [TaggedSentence], text: NormalizedText, headline: String?,
                        issueDate: (year: Int, month: Int, day: Int)?, pageDate: DateValue? = nil) -> [Draft] {
        var st = State()
        st.pageDate = pageDate
        var out: [Draft] = []
        let s = text.scalars
        for t in sentences {
            // The dateline (`新华社北京1月9日电`, `本报讯 6月11日`) anchors 今天/昨天.
            if st.dateline == nil, let d = t.dates.first(where: { if case .absolute = $0.value { return true } else { return false } }),
               case .absolute(let v) = d.value { st.dateline = v.resolved(issueDate: issueDate) }
            // Hold verbs are candidate words: a sentence without one holds no event either.
            let sentEvent = t.sentence.mayHoldPersons ? holdEvent(t, s).flatMap { eventNoun($0, t, s) } : nil
            if let e = sentEvent { st.event = e; st.gathering = e }
            var previousSubjects: [(Range<Int>, String)] = []
            var segStart = t.sentence.range.lowerBound
            // `X会见了多批客人。包括：A一行，B一行`: the listed guests attend the meeting before.
            let meetBefore = st.lastMeet
            st.lastMeet = nil
            let lead = rules.listLeads.match(s, at: t.sentence.range.lowerBound, limit: t.sentence.range.upperBound)
            let colon = t.sentence.range.lowerBound + lead
            if let m = meetBefore, lead > 0, colon < s.count, s[colon] == ":" || s[colon] == "：" {
                let end = t.triggers.first?.range.lowerBound ?? t.sentence.range.upperBound
                for (r, kind) in persons(t, s, in: t.sentence.range.lowerBound..<end) {
                    out.append(Draft(attendee: r, kind: kind, role: .attend, trigger: m.trigger, event: m.event, date: m.date))
                }
            }
            // `A在B陪同下，到X调研`: B accompanies (attend) and A waits for the next trigger.
            var waiting: [(Range<Int>, String)] = []
            // The companions' records (`在B陪同下`): they take the event of the trigger that follows.
            var companions: Range<Int>? = nil
            var takesWaiting = false
            for trig in t.triggers {
                var date = dateBefore(trig.range.lowerBound, t, &st, issueDate: issueDate)
                var subjects: [(Range<Int>, String)] = []
                var roles: [Role] = [trig.trigger.role]
                let before = persons(t, s, in: segStart..<trig.range.lowerBound)
                switch trig.trigger.kind {
                case .verb, .meet:
                    // `X表示，…要共同营造…`: a trigger inside what X says is not X's act.
                    subjects = before.filter { !says(s, $0.0.upperBound, before: trig.range.lowerBound) && !entrusting(s, $0.0)
                        && !planned(s, from: $0.0.upperBound, to: trig.range.lowerBound) }
                    let lead = leadWord(s, before: trig.range.lowerBound, floor: segStart)
                    if subjects.isEmpty && lead == "并" { subjects = previousSubjects }
                    takesWaiting = subjects.isEmpty && !waiting.isEmpty
                    if takesWaiting { subjects = waiting; waiting = [] }
                    if trig.range.upperBound < s.count, s[trig.range.upperBound] == "下",
                       let zai = (segStart..<trig.range.lowerBound).last(where: { s[$0] == "在" }) {
                        waiting = before.filter { $0.0.upperBound <= zai }
                        subjects = before.filter { $0.0.lowerBound > zai }
                    }
                    if subjects.isEmpty, let during = duringPrefix(t, s, trig) {
                        // `考察中，县委书记A、县长B详细介绍了…`: the hosts named during a visit told
                        // before attend it (the visitors already hold their own records).
                        let named = Set(out.map { str(s, $0.attendee) })
                        subjects = persons(t, s, in: during..<t.sentence.range.upperBound).filter { !named.contains(str(s, $0.0)) }
                        roles = [.attend]
                        if subjects.isEmpty || out.isEmpty { continue }
                    }
                    if subjects.isEmpty || trig.trigger.kind == .meet {
                        // `列席会议的公众代表分别为A、B、C` (a copula before the list), `会见X`: persons after the trigger.
                        let after = trig.range.upperBound..<clauseOrSentenceEnd(t, s, from: trig.range.upperBound, meet: trig.trigger.kind == .meet)
                        let found = persons(t, s, in: after)
                        if let first = found.first, trig.trigger.kind == .meet
                            || s[trig.range.upperBound..<first.0.lowerBound].contains(where: { "为有是括".unicodeScalars.contains($0) }) {
                            subjects += found
                        }
                    }
                case .speech:
                    let lead = leadWord(s, before: trig.range.lowerBound, floor: segStart)
                    // `主持会议并讲话`, `主持开幕会并作常委会工作报告`: the same persons as the verb before.
                    let gap = s[segStart..<trig.range.lowerBound]
                    let joined = !previousSubjects.isEmpty && gap.contains("并") && gap.count <= 20
                        && before.isEmpty && !gap.contains { Tagger.clausePunct.contains($0) }
                    if joined { subjects = previousSubjects }
                    else if lead == "并" || lead == "并作" || lead == "并发表" { subjects = previousSubjects.isEmpty ? before : previousSubjects }
                    else if let p = before.last, respectively(s, p.0.upperBound, trig.range.lowerBound) { subjects = before }
                    // `X到会致辞`: a speech right after the trigger that brought X there.
                    else if before.isEmpty, !previousSubjects.isEmpty, segStart == trig.range.lowerBound { subjects = previousSubjects }
                    else if before.isEmpty, let p = previousSubjects.last, adjacent(s, p.0.upperBound, trig.range.lowerBound) { subjects = [p] }
                    else if let p = before.last, nameEnds(s, p.0.upperBound, trig.range.lowerBound).contains(where: { i in
                            adjacent(s, i, trig.range.lowerBound) || inSpeech(s, i, trig.range) || madeSpeech(s, i, trig.range) }) {
                        // `A，B致辞`: a list of titled names before a speech speaks one by one.
                        subjects = adjacent(s, p.0.upperBound, trig.range.lowerBound) ? titledList(t, s, endingWith: p, in: before) : [p]
                    }
                case .said:
                    // `刘光明在主持会议时指出`: the chair's words, the name before the first trigger.
                    let speaker = before.last ?? previousSubjects.last.flatMap { p in
                        adjacent(s, p.0.upperBound, trig.range.lowerBound) ? p : nil }
                    if let p = speaker, p.1 == "person", nameEnds(s, p.0.upperBound, trig.range.lowerBound).contains(where: { i in
                       adjacent(s, i, trig.range.lowerBound) || madeSpeech(s, i, trig.range) }) {
                        subjects = [p]
                        // `在会上指出`: speaking at the meeting is attending it.
                        let gap = String(scalars: s[p.0.upperBound..<trig.range.lowerBound])
                        if gap.hasPrefix("在"), gap.hasSuffix("上") { roles.append(.attend) }
                    }
                }
                // `在贺信中指出`, `的视频致辞`: a message from someone who was not there.
                // `致电A、B，对…表示慰问`: the persons a message goes to were not there either.
                subjects = subjects.filter { p in
                    let from = trig.trigger.kind == .speech || trig.trigger.kind == .said ? p.0.upperBound : clause(t, s, around: p.0.lowerBound).lowerBound
                    return !(from..<max(from, trig.range.lowerBound)).contains { rules.absentMarkers.match(s, at: $0, limit: trig.range.lowerBound) > 0 } }
                if subjects.isEmpty { continue }
                let event = eventName(for: trig, t, s, sentenceEvent: sentEvent, state: &st, headline: headline)
                // A sentence with no date of its own dates its record by the event's own date when
                // the article gave one (`为期三天的X今天闭幕` … `出席了这次会议`: the three days).
                if !datesTelling(t).contains(where: { $0.range.upperBound <= trig.range.lowerBound }), let d = st.eventDates[event] { date = d }
                if takesWaiting, let c = companions { for k in c { out[k].event = event } }
                let first = out.count
                for (r, kind) in subjects { for role in roles {
                    out.append(Draft(attendee: r, kind: kind, role: role, trigger: trig.range, event: event, date: date))
                } }
                if !waiting.isEmpty { companions = first..<out.count }
                previousSubjects = subjects
                segStart = trig.range.upperBound
                st.lastMeet = trig.trigger.kind == .meet ? out.last : nil
            }
            // A vague date (`此前`, `近期`) dates what follows only when it opens the sentence or
            // the sentence tells an event (`据悉，李军此前曾任…` does not).
            // With triggers, the date of the last one (`1月12日…主持召开…传达1月6日…会议精神`:
            // the later date is that of what was studied); else the sentence's last date.
            let telling = datesTelling(t)
            let governing = t.triggers.last.flatMap { tr in telling.last(where: { $0.range.upperBound <= tr.range.lowerBound }) } ?? telling.last
            if let last = governing, !isVague(last) || last.range.lowerBound == t.sentence.range.lowerBound
                || !t.triggers.isEmpty || sentEvent != nil {
                st.date = render(last, issueDate: issueDate, state: &st)
                if let span = closingSpan(t, s, after: last.range.upperBound), let ranged = Self.ending(st.date, lastingDays: span) {
                    st.date = ranged
                    if let e = sentEvent { st.eventDates[e] = ranged }
                }
            }
            if let d = t.dates.first, st.firstDate == nil {
                st.firstDate = isVague(d) ? "" : render(d, issueDate: issueDate, state: &st)
            }
        }
        // An article whose only records are words said at no named or dated event
        // (`习近平总书记强调：…` quoted in a commentary) tells no attendance.
        if out.allSatisfy({ ($0.event.isEmpty || $0.date.isEmpty) && $0.role == .speak && rules.triggers[str(s, $0.trigger)]?.kind == .said }) { return [] }
        // Records before the article's first date (a summary above the dateline) take that
        // date, unless the article is vague about it (`近日`).
        if let first = st.firstDate, !first.isEmpty {
            // Only close above it (a summary, a lead): a date far below belongs to another story.
            let at = firstDatePosition(sentences)
            for k in out.indices where out[k].date.isEmpty && out[k].trigger.lowerBound < at && at - out[k].trigger.lowerBound <= 400 { out[k].date = first }
        }
        return out
    }

    // MARK: subjects

    static let kinWords = ["的夫人", "夫人", "遗孀", "之女", "之子", "的女儿", "的儿子", "的妻子", "妻子", "之妻"].map { Array($0.unicodeScalars) }

    func persons(_ t: TaggedSentence, _ text: [Unicode.Scalar], in r: Range<Int>) -> [(Range<Int>, String)] {
        // `刘某夫人王某`: the person named to say whose wife or child is there is not there
        // (persons are in text order: the kin is the next one).
        let kin = Set(t.persons.indices.dropLast().filter { k in
            let gap = t.persons[k].name.upperBound..<max(t.persons[k].name.upperBound, t.persons[k + 1].name.lowerBound)
            return Self.kinWords.contains { w in text[gap].elementsEqual(w) }
        })
        var out = t.persons.indices.filter { !kin.contains($0) && r.contains(t.persons[$0].name.lowerBound) }.map { (t.persons[$0].name, "person") }
        out += t.orgs.filter { $0.attends && r.contains($0.range.lowerBound) }.map { ($0.range, "organization") }
        return out.sorted { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// Is the act between the subject's end and the trigger a plan (`将于2月3日`)?
    func planned(_ s: [Unicode.Scalar], from i: Int, to trigger: Int) -> Bool {
        guard trigger > i, trigger - i <= 20, !s[i..<trigger].contains(where: { Tagger.clausePunct.contains($0) }) else { return false }
        // (`将` ending a rank is no plan: `王某上将今天会见…`.)
        return (i..<trigger).contains { k in
            rules.plannedMarkers.match(s, at: k, limit: trigger) > 0 && !(k > i && s[k] == "将" && "上中少大".unicodeScalars.contains(s[k - 1]))
        }
    }

    /// `考察中，`, `调研期间，`: a trigger opening its sentence as the time of what follows;
    /// returns where the rest of the sentence starts.
    func duringPrefix(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ trig: TriggerMention) -> Int? {
        let start = t.sentence.range.lowerBound
        guard trig.range.lowerBound == start || (trig.range.lowerBound == start + 1 && s[start] == "在") else { return nil }
        var j = trig.range.upperBound
        for w in ["期间", "中", "时", "过程中"] where s[j...].starts(with: w.unicodeScalars) { j += w.unicodeScalars.count; break }
        guard j > trig.range.upperBound, j < t.sentence.range.upperBound, Tagger.clausePunct.contains(s[j]) else { return nil }
        return j + 1
    }

    /// Does the name ending at `i` introduce words (`表示，`, `在贺信中指出，`) that run up to `j`?
    /// (The words of saying end the name's clause: one look at the clause's end.)
    func says(_ s: [Unicode.Scalar], _ i: Int, before j: Int) -> Bool {
        let k = afterPost(s, i, j)
        var c = k
        while c < j, !Tagger.clausePunct.contains(s[c]) { c += 1 }
        guard c < j, c > k, s[c] == "，" || s[c] == "：" else { return false }
        return rules.predicates.matchEnding(s, at: c, floor: k) > 0 || rules.triggerWords.matchEnding(s, at: c, floor: k) > 0
    }

    /// `受县委书记A委托，B主持…`: A asked B to act and was not there.
    func entrusting(_ s: [Unicode.Scalar], _ name: Range<Int>) -> Bool {
        var k = name.upperBound
        while k + 1 < s.count, k - name.upperBound <= 4, !Tagger.clausePunct.contains(s[k]) {
            if s[k] == "委", s[k + 1] == "托" {
                var b = name.lowerBound
                while b > 0, !Tagger.clausePunct.contains(s[b - 1]) { b -= 1; if s[b] == "受" { return true } }
                return false
            }
            k += 1
        }
        return false
    }

    /// The word just before a trigger (`并`, `并作`...), if any.
    func leadWord(_ s: [Unicode.Scalar], before i: Int, floor: Int) -> String? {
        for (w, u) in Self.speechLead where i - u.count >= floor && s[(i - u.count)..<i].elementsEqual(u) { return w }
        return nil
    }

    /// Is the trigger at `j` said by the name ending at `i`? Allows `在会上`, `在讲话中`, `也`.
    func adjacent(_ s: [Unicode.Scalar], _ i: Int, _ j: Int) -> Bool {
        if i == j { return true }
        guard j > i, j - i <= 14 else { return false }
        let gap = s[i..<j]
        if gap.contains(where: { Tagger.clausePunct.contains($0) || $0 == "、" }) { return false }
        if gap.allSatisfy({ Self.saidGap.contains($0) }) { return true }
        // `李家林代表全体学员发言`: speaking on behalf of a group.
        if gap.starts(with: "代表".unicodeScalars), j - i <= 12 { return true }
        // `在会上`, `也在开通仪式上`: the place of the words, after 也/还.
        let place = gap.drop { $0 != "在" && Self.saidGap.contains($0) }
        guard place.first == "在" else { return false }
        let g = String(scalars: place)
        return g.hasSuffix("上") || g.hasSuffix("中") || g.hasSuffix("时")
            || g.dropLast().hasSuffix("上") || g.dropLast().hasSuffix("中")
    }

    /// `A，B分别讲话`, `A、B分别作了精彩的报告`, `A、B分别代表双方致辞`: one speech each for
    /// the persons listed before.
    func respectively(_ s: [Unicode.Scalar], _ i: Int, _ j: Int) -> Bool {
        guard j > i, j - i <= 16, !s[i..<j].contains(where: { Tagger.clausePunct.contains($0) }) else { return false }
        // `A、B分别致辞`, `A、B等也在会上先后发言`, `A、B等在会上发言`: a list closed by 等, or a
        // distributive word, makes the whole list the speakers.
        var k = i
        func skip(_ words: [String]) -> Bool {
            for w in words where s[k..<j].starts(with: w.unicodeScalars) { k += w.unicodeScalars.count; return true }
            return false
        }
        let closed = skip(["等人", "等"])
        _ = skip(["也", "还", "都", "又"])
        _ = skip(["在会上", "在会议上", "在座谈会上"])
        let distributive = skip(["分别", "先后", "相继", "依次", "轮流", "也都", "都"])
        guard closed || distributive else { return false }
        return k == j || adjacent(s, k, j) || madeSpeech(s, k, j..<j)
    }

    /// The persons of `before` that form one list ending with `last`: only their titles and
    /// list punctuation stand between them (`云南省老科协副会长A，市委副书记、市长B致辞`).
    func titledList(_ t: TaggedSentence, _ s: [Unicode.Scalar], endingWith last: (Range<Int>, String), in before: [(Range<Int>, String)]) -> [(Range<Int>, String)] {
        guard last.1 == "person", let k = before.lastIndex(where: { $0.0 == last.0 }) else { return [last] }
        var list = [last]
        var next = last.0
        for q in before[..<k].reversed() {
            guard q.1 == "person", let m = t.persons.first(where: { $0.name == next }) else { break }
            var gap = Array(q.0.upperBound..<next.lowerBound)
            gap.removeAll { i in "、，,和及".unicodeScalars.contains(s[i]) || m.titles.contains { $0.contains(i) } }
            guard gap.isEmpty else { break }
            list.insert(q, at: 0)
            next = q.0
        }
        return list
    }

    /// `钟晓咏在回应讲话中感谢`: a speech noun inside `在…中` after the name.
    func inSpeech(_ s: [Unicode.Scalar], _ i: Int, _ trig: Range<Int>) -> Bool {
        guard trig.lowerBound > i, trig.lowerBound - i <= 8, s[i] == "在", trig.upperBound < s.count, s[trig.upperBound] == "中" else { return false }
        return !s[i..<trig.lowerBound].contains { Tagger.clausePunct.contains($0) || $0 == "、" }
    }

    /// `李强作政府工作报告`, `X发表重要讲话`, `X就纪律问题作了明确要求`: a speech made by
    /// the name just before.
    func madeSpeech(_ s: [Unicode.Scalar], _ i: Int, _ trig: Range<Int>) -> Bool {
        // `总经理秦某，作为企业家代表发表讲话`: the comma before 作为 does not end the speaker's clause.
        var i = i
        if i + 3 < s.count, s[i] == "，", s[i + 1] == "作", s[i + 2] == "为" { i += 1 }
        guard trig.lowerBound > i, trig.lowerBound - i <= 60,
              !s[i..<trig.lowerBound].contains(where: { Tagger.clausePunct.contains($0) }) else { return false }
        // Over scalars, not Strings: this runs for every speaker candidate of every speech.
        var gap = s[i..<trig.lowerBound]
        // `在大会上作…报告`: the place of the speech before it.
        if gap.first == "在", let on = gap.prefix(12).firstIndex(where: { $0 == "上" || $0 == "中" }) {
            gap = gap[(on + 1)...]
        }
        let listed = gap.contains("、")
        // `又做了重点强调`: 也/还/又 before the verb; 做 written for 作.
        let made = gap.drop { Self.saidGap.contains($0) }
        if gap.count <= 30, !listed, Self.speechVerbs.contains(where: { gap.starts(with: $0) || made.starts(with: $0) }) { return true }
        // `受区政府委托作了《关于…的报告》`: a speech named by its title.
        if let b = Self.firstRange(of: Self.madeTitled[0], in: gap) ?? Self.firstRange(of: Self.madeTitled[1], in: gap),
           !gap[b.upperBound...].contains("》"), !gap[..<b.lowerBound].contains("、") { return true }
        // `对/就 … 作了 …`: a topic, then the speech.
        guard trig.lowerBound - i <= 30, Self.topicLeads.contains(where: { gap.starts(with: $0) }) else { return false }
        guard let verb = Self.madeVerbs.lazy.compactMap({ Self.firstRange(of: $0, in: gap) }).first else { return false }
        return gap.endIndex - verb.upperBound <= 8
    }

    static let speechVerbs = ["作", "做", "发表", "进行", "讲了"].map { Array($0.unicodeScalars) }
    static let madeTitled = ["作了《", "作《"].map { Array($0.unicodeScalars) }
    static let topicLeads = ["对", "就", "围绕"].map { Array($0.unicodeScalars) }
    static let madeVerbs = ["作了", "做了", "作出", "发表了", "进行了"].map { Array($0.unicodeScalars) }

    /// Where `word` first occurs in `text` (indices of the underlying array).
    static func firstRange(of word: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Range<Int>? {
        guard !word.isEmpty, text.count >= word.count else { return nil }
        for j in text.startIndex...(text.endIndex - word.count) where text[j] == word[0] {
            if text[j..<(j + word.count)].elementsEqual(word) { return j..<(j + word.count) }
        }
        return nil
    }

    /// Where a speaker's name may end before a trigger at `limit`: right after it, and past a
    /// post written after it when there is one (each position tried once).
    func nameEnds(_ s: [Unicode.Scalar], _ e: Int, _ limit: Int) -> [Int] {
        let past = afterPost(s, e, limit)
        return past == e ? [e] : [e, past]
    }

    /// Past a post written after the name (`施瓦布主席在致辞中说`, `罗军部长发表了讲话`).
    func afterPost(_ s: [Unicode.Scalar], _ i: Int, _ limit: Int) -> Int {
        let j = i + rules.posts.match(s, at: i, limit: limit)
        return s[j..<limit].starts(with: "同志".unicodeScalars) ? j + 2 : j
    }

    func clauseOrSentenceEnd(_ t: TaggedSentence, _ s: [Unicode.Scalar], from i: Int, meet: Bool) -> Int {
        var j = i
        while j < t.sentence.range.upperBound, s[j] != "。", s[j] != "；", !(meet && s[j] == "，") { j += 1 }
        return j
    }

    // MARK: dates

    func render(_ d: DateMention, issueDate: (year: Int, month: Int, day: Int)?, state: inout State) -> String {
        switch d.value {
        case .absolute(let v):
            let r = v.resolved(issueDate: issueDate)
            if state.dateline == nil { state.dateline = r }
            return r.iso
        case .relative(let n):
            // 今天/昨天: against the dateline, else the issue date.
            if let base = state.dateline ?? state.pageDate { return base.adding(days: n).iso }
            if let i = issueDate { return DateValue(year: i.year, month: i.month, day: i.day).adding(days: n).iso }
            return ""
        case .dayOfMonth(let d):
            if let base = state.dateline ?? state.pageDate { return base.latest(day: d).iso }
            if let i = issueDate { return DateValue(year: i.year, month: i.month, day: i.day).latest(day: d).iso }
            return ""
        case .vague: return ""
        }
    }

    /// The date of an event triggered at `i`: the last date before it in the sentence,
    /// else the article's current date.
    func dateBefore(_ i: Int, _ t: TaggedSentence, _ st: inout State, issueDate: (year: Int, month: Int, day: Int)?) -> String {
        if let d = datesTelling(t).last(where: { $0.range.upperBound <= i }) { return render(d, issueDate: issueDate, state: &st) }
        return st.date
    }

    func isVague(_ d: DateMention) -> Bool { if case .vague = d.value { return true } else { return false } }

    /// The sentence's dates without a vague word after a precise date (`10月23日，…传达…近期重要讲话`:
    /// `近期` qualifies the speech, not the meeting).
    func datesTelling(_ t: TaggedSentence) -> [DateMention] {
        guard let firstPrecise = t.dates.firstIndex(where: { !isVague($0) }) else { return t.dates }
        return t.dates.enumerated().filter { k, d in !isVague(d) || k < firstPrecise }.map(\.element)
    }

    // MARK: events

    func str(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String { String(scalars: s[r]) }

    /// Clause bounds around `i`, ignoring commas inside quotation marks.
    func clause(_ t: TaggedSentence, _ s: [Unicode.Scalar], around i: Int) -> Range<Int> {
        let r = t.sentence.range
        var depth = 0, start = r.lowerBound
        var k = r.lowerBound
        while k < i { if s[k] == "“" { depth += 1 } else if s[k] == "”" { depth = max(0, depth - 1) } else if depth == 0 && Tagger.clausePunct.contains(s[k]) { start = k + 1 }; k += 1 }
        var e = i
        while e < r.upperBound { if s[e] == "“" { depth += 1 } else if s[e] == "”" { depth = max(0, depth - 1) } else if depth == 0 && Tagger.clausePunct.contains(s[e]) { break }; e += 1 }
        return start..<max(start, e)
    }

    /// An event named with a verb that holds it: `召开X`, `X举行`.
    func holdEvent(_ t: TaggedSentence, _ s: [Unicode.Scalar]) -> String? {
        let r = t.sentence.range
        var i = r.lowerBound
        while i < r.upperBound {
            let l = rules.holdVerbs.match(s, at: i, limit: r.upperBound)
            guard l > 0 else { i += 1; continue }
            // What someone says (`A指出，…三中全会召开20周年`) and anniversaries hold no event here.
            if t.triggers.contains(where: { $0.trigger.kind == .said && $0.range.upperBound <= i }) { return nil }
            if anniversary(s, after: i + l, limit: r.upperBound) { i += l; continue }
            let c = clause(t, s, around: i)
            // `开幕式`, `启动仪式`: a hold verb that begins an event noun holds nothing; the noun is
            // the event where the sentence is set (`开幕式上，…`).
            let nl = rules.eventNouns.match(s, at: i, limit: c.upperBound)
            if nl > l {
                if i + nl < c.upperBound, s[i + nl] == "上" {
                    // The name starts after any trigger, person or organization before it in the clause.
                    let spans = t.triggers.map(\.range) + t.persons.map(\.name) + t.persons.flatMap(\.titles) + t.orgs.map(\.range)
                    let floor = spans.map(\.upperBound).filter { $0 <= i && $0 >= c.lowerBound }.max() ?? c.lowerBound
                    if let named = nounPhrase(s, endingBefore: i + nl, from: floor, t) { return named }
                }
                i += nl
                continue
            }
            let from = i + l < c.upperBound && s[i + l] == "了" ? i + l + 1 : i + l   // `举行了第二次全体会议`
            if let after = nounPhrase(s, from: from, to: c.upperBound, t) ?? nounPhrase(s, from: from, to: c.upperBound, t, ending: rules.heldNouns) { return after }
            if let before = nounPhrase(s, endingBefore: i, from: c.lowerBound, t) { return before }
            i += l
        }
        return nil
    }

    /// A meeting without an event noun: the trigger and the first person (with the title) after
    /// it (`会见美国国防部长科恩`); else what stands between `同/与/和` and it (`同某国总统举行会谈`);
    /// else the trigger alone.
    func meetingName(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>) -> String {
        let word = trig.trigger.word
        var from = trig.range.upperBound
        if from < c.upperBound, s[from] == "了" { from += 1 }
        // (A counterpart with a long title is named alone: `会见某国内政、公共管理…部长X` -> `会见X`.)
        if let p = t.persons.first(where: { $0.name.lowerBound >= from && $0.name.upperBound <= c.upperBound }) {
            return word + str(s, p.name.upperBound - from <= 24 ? from..<p.name.upperBound : p.name)
        }
        if let j = (c.lowerBound..<trig.range.lowerBound).last(where: { "同与和".unicodeScalars.contains(s[$0]) }),
           let p = t.persons.first(where: { $0.name.lowerBound > j && $0.name.upperBound <= trig.range.lowerBound }) {
            return trig.range.lowerBound - j <= 24 ? str(s, j..<trig.range.upperBound) : str(s, j..<(j + 1)) + str(s, p.name) + word
        }
        // `会见了出席会议的代表`: what it is done to, when short.
        // (Up to `时` or the next trigger: `会见出席会议的代表时强调` -> `会见出席会议的代表`.)
        var end = from
        while end < c.upperBound, !Tagger.clausePunct.contains(s[end]), s[end] != "时",
              end == from || rules.triggerWords.match(s, at: end, limit: c.upperBound) == 0 { end += 1 }
        return end > from && end - from <= 16 ? word + str(s, from..<end) : word
    }

    /// What a found noun phrase names as an event, or nil: without a trigger or date words at
    /// its start (`出席会议` -> `会议`), nil when generic or deictic (`会议`, `这次会议`: the
    /// event told before) or when it holds a person's name or a fragment.
    func eventNoun(_ e: String, _ t: TaggedSentence, _ s: [Unicode.Scalar]) -> String? {
        var u = Array(withoutDateWords(e).unicodeScalars)
        let lead = rules.triggerWords.match(u, at: 0, limit: u.count)
        // (Not when the trigger begins an event noun: `座谈会`.)
        if lead > 0, lead < u.count, rules.eventNouns.match(u, at: 0, limit: u.count) <= lead {
            u.removeFirst(lead); if u.first == "了" { u.removeFirst() }
        }
        let name = String(scalars: u[...])
        if name.isEmpty || rules.genericEvents.contains(name) || isFragment(name) { return nil }
        let names = t.persons.map { str(s, $0.name) }
        return names.contains(where: { name.contains($0) }) ? nil : name
    }

    /// Not an event's name: a clause fragment (`他表示了亲切慰问`, `向他们拜年`).
    func isFragment(_ e: String) -> Bool {
        ["他", "她", "我", "向他", "向她"].contains(where: { e.hasPrefix($0) }) || e.contains("表示")
    }

    /// An event name without the date words it begins with (`今天茶话会` -> `茶话会`).
    func withoutDateWords(_ e: String) -> String {
        let u = Array(e.unicodeScalars)
        var i = 0
        while i < u.count {
            let n = rules.dateWords.match(u, at: i, limit: u.count)
            guard n > 0 else { break }
            i += n
        }
        return String(scalars: u[i...])
    }

    /// `为期三天的X今天闭幕`: an event of N days that closes on the sentence's date. Returns N.
    func closingSpan(_ t: TaggedSentence, _ s: [Unicode.Scalar], after dateEnd: Int) -> Int? {
        let r = t.sentence.range
        guard let w = (r.lowerBound..<max(r.lowerBound, r.upperBound - 3)).first(where: { s[$0] == "为" && s[$0 + 1] == "期" }) else { return nil }
        guard let (n, k) = Tagger.number(s, w + 2, r.upperBound), (2...31).contains(n), k < r.upperBound, s[k] == "天" else { return nil }
        let closes = ["闭幕", "结束", "落下帷幕", "圆满结束"].contains { c in
            (dateEnd..<r.upperBound).contains { s[$0...].starts(with: c.unicodeScalars) } }
        return closes ? n : nil
    }

    /// `1998-01-09` lasting 3 days -> `1998-01-07/1998-01-09` (a date with its year only).
    static func ending(_ iso: String, lastingDays n: Int) -> String? {
        guard let d = IssueInput.parseISODate(iso) else { return nil }
        let end = DateValue(year: d.year, month: d.month, day: d.day)
        return end.adding(days: -(n - 1)).iso + "/" + end.iso
    }

    /// `召开20周年`, `举行三十周年`: a number of years after the verb.
    func anniversary(_ s: [Unicode.Scalar], after i: Int, limit: Int) -> Bool {
        guard let (_, j) = Tagger.number(s, i, limit) else { return false }
        return j + 1 < limit && s[j] == "周" && s[j + 1] == "年"
    }

    /// Noun phrase from `i` up to the last event noun in `i..<end`.
    func nounPhrase(_ s: [Unicode.Scalar], from i: Int, to end: Int, _ t: TaggedSentence, ending nouns: Lexicon? = nil) -> String? {
        let nouns = nouns ?? rules.eventNouns
        // An event's name holds no person or title (`出席开幕式的领导有市人大常委会副主任李华`).
        let firstPerson = t.persons.lazy.map { $0.titles.first?.lowerBound ?? $0.name.lowerBound }.filter { $0 >= i }.min()
        var e = min(end, firstPerson ?? end)
        while e > i {
            // A held noun names an event only with words before it (`…谈话会`, not `会`).
            let nl = nouns.matchEnding(s, at: e, floor: i)
            if nl > 0, e - i <= 48, atWordEnd(t, e), nouns === rules.eventNouns || e - i > nl {
                let p = str(s, (s[i] == "的" ? i + 1 : i)..<e)   // `召开的座谈会`
                return p.isEmpty ? nil : p
            }
            e -= 1
        }
        return nil
    }

    /// Noun phrase ending with an event noun before `i` (after `的`/`在`/a clause start).
    /// An event noun must end a word: `大会` in `人民大会堂` names no event.
    func atWordEnd(_ t: TaggedSentence, _ e: Int) -> Bool {
        t.sentence.boundary(e - t.sentence.range.lowerBound)
    }

    func nounPhrase(_ s: [Unicode.Scalar], endingBefore i: Int, from start: Int, _ t: TaggedSentence) -> String? {
        var e = i
        while e > start {
            if rules.eventNouns.matchEnding(s, at: e, floor: start) > 0, atWordEnd(t, e) {
                var b = e - 1
                while b > start, s[b - 1] != "的", s[b - 1] != " " { b -= 1 }
                while b < e, Tagger.delimiters.contains(s[b]) && s[b] != "“" || s[b] == "在" { b += 1 }
                // A quotation opened in the name closes with it (`“静邻一家·美好生活节”`).
                let opens = s[b..<e].filter { $0 == "“" }.count, closes = s[b..<e].filter { $0 == "”" }.count
                let end = opens > closes && e < i && s[e] == "”" ? e + 1 : e
                return end - b <= 48 && b < end ? str(s, b..<end) : nil
            }
            e -= 1
        }
        return nil
    }

    /// The scalars without the given words (`就X开展专题调研` -> `就X专题调研`).
    static func dropping(_ words: [String], from s: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        let ws = words.map { Array($0.unicodeScalars) }
        var out: [Unicode.Scalar] = [], i = s.startIndex
        outer: while i < s.endIndex {
            for w in ws where s[i...].starts(with: w) { i += w.count; continue outer }
            out.append(s[i]); i += 1
        }
        return out
    }

    func eventName(for trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], sentenceEvent: String?,
                   state: inout State, headline: String?) -> String {
        let c = clause(t, s, around: trig.range.lowerBound)
        if trig.trigger.role == .inspect {
            // `就X开展专题调研` -> `X专题调研`.
            var b = trig.range.lowerBound
            while b > c.lowerBound, !["就", "对", "到", "赴", "在", "来"].contains(s[b - 1]) { b -= 1 }
            if b > c.lowerBound {
                let e = String(scalars: Self.dropping(["开展", "进行"], from: s[b..<trig.range.upperBound]))
                if !isFragment(e), e != trig.trigger.word { state.event = e; state.gathering = e; return e }
            }
            // `在慰问交警劳模X`: a visit named by its trigger alone is named by whom it visits.
            let m = meetingName(trig, t, s, clause: c)
            if m != trig.trigger.word, !isFragment(m) { state.event = m; state.gathering = m; return m }
        }
        var from = trig.range.upperBound
        for skip in ["召开", "了", "举行"] {
            let u = Array(skip.unicodeScalars)
            if from + u.count <= c.upperBound, Array(s[from..<(from + u.count)]) == u { from += u.count }
        }
        let object = nounPhrase(s, from: from, to: c.upperBound, t)
        // `参加了会见`, `会见时在座`: the meeting told before, by its name.
        if trig.trigger.kind != .meet, let e = state.meeting,
           t.triggers.contains(where: { $0.trigger.kind == .meet && c.contains($0.range.lowerBound) }) { return e }
        if let o = object.flatMap({ eventNoun($0, t, s) }) {
            state.event = o
            if trig.trigger.kind == .meet { state.meeting = o } else { state.gathering = o }
            return o
        }
        // `X会见了Y`: a meeting of its own, not the event told before it, named by what the
        // text gives: the trigger and its counterpart (`会见美国国防部长科恩`).
        // (`举行会谈` holds the bare `会谈`: no name either.)
        if trig.trigger.kind == .meet, sentenceEvent.map({ rules.triggers[$0] != nil }) ?? true, trig.trigger.word != "陪同" {
            let e = meetingName(trig, t, s, clause: c)
            state.event = e; state.meeting = e
            return e
        }
        // `会见了代表` told after a conference, then `在会议上讲了话`, `出席了这次会议`: a clause
        // that names a meeting generically means the conference, not the 会见 told since.
        if sentenceEvent == nil, state.eventIsMeet, let g = state.gathering, trig.trigger.kind != .meet,
           (c.lowerBound..<c.upperBound).contains(where: { rules.genericMeetings.match(s, at: $0, limit: c.upperBound) > 0 }) { return g }
        if let e = sentenceEvent ?? state.event { return e }
        if trig.trigger.kind == .meet { return trig.trigger.word }
        return object.flatMap { isFragment($0) ? nil : $0 } ?? headline ?? ""
    }
}
