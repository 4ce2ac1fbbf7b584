// Event naming of the events stage: held events, event nouns, meetings.

extension EventExtractor {
    func str(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String { String(scalars: s[r]) }

    /// Clause bounds around `i`, ignoring commas inside quotation marks.
    func clause(_ t: TaggedSentence, _ s: [Unicode.Scalar], around i: Int) -> Range<Int> {
        let r = t.sentence.range
        var depth = 0, start = r.lowerBound
        var k = r.lowerBound
        while k < i {
            if s[k] == "“" {
                depth += 1
            } else if s[k] == "”" {
                depth = max(0, depth - 1)
            } else if depth == 0 && Self.clausePunct.contains(s[k]) {
                start = k + 1
            }; k += 1
        }
        var e = i
        while e < r.upperBound {
            if s[e] == "“" {
                depth += 1
            } else if s[e] == "”" {
                depth = max(0, depth - 1)
            } else if depth == 0 && Self.clausePunct.contains(s[e]) {
                break
            }; e += 1
        }
        return start..<max(start, e)
    }

    /// Does a hold verb at `i` stand in what someone says? After a said trigger (`A指出，…召开`;
    /// not one that begins an event noun, `…动员部署会召开`, nor a noun after 的, `落实A同志“…”的号召`)
    /// or after a verb of reporting and its comma (`A在致辞中表示，各地近期举办了…`, dates.rules `reported`).
    func told(at i: Int, _ t: TaggedSentence, _ s: [Unicode.Scalar]) -> Bool {
        let r = t.sentence.range
        return inReport(at: i, s, in: t)
            || t.triggers.contains { trig in
                trig.trigger.kind == .said && trig.range.upperBound <= i
                    && rules.events.nouns.match(s, at: trig.range.lowerBound, limit: r.upperBound) <= trig.range.count
                    && !(trig.range.lowerBound > r.lowerBound && s[trig.range.lowerBound - 1] == "的")
            }
    }

    /// An event named with a verb that holds it: `召开X`, `X举行`.
    func holdEvent(_ t: TaggedSentence, _ s: [Unicode.Scalar]) -> String? {
        let r = t.sentence.range
        var i = r.lowerBound
        while i < r.upperBound {
            let l = rules.events.holdVerbs.match(s, at: i, limit: r.upperBound)
            // `X…结束` (events.rules `ended`): the event before the verb, and only that.
            let ended = l > 0 ? 0 : rules.events.endedVerbs.match(s, at: i, limit: r.upperBound)
            if ended > 0 {
                let c = clause(t, s, around: i)
                if let before = nounPhrase(s, endingBefore: i, from: c.lowerBound, t),
                    !rules.events.generic.contains(before),
                    rules.triggers[before] == nil
                {
                    return before
                }
                i += ended; continue
            }
            guard l > 0 else { i += 1; continue }
            // What someone says (`A指出，…三中全会召开20周年`) and anniversaries hold no event here.
            if told(at: i, t, s) { return nil }
            if anniversary(s, after: i + l, limit: r.upperBound) { i += l; continue }
            let c = clause(t, s, around: i)
            // `开幕式`, `启动仪式`: a hold verb that begins an event noun holds nothing; the noun is
            // the event where the sentence is set (`开幕式上，…`).
            let nl = rules.events.nouns.match(s, at: i, limit: c.upperBound)
            if nl > l {
                if i + nl < c.upperBound, s[i + nl] == "上" {
                    // The name starts after any trigger, person or organization before it in the clause.
                    let spans =
                        t.triggers.map(\.range) + t.persons.map(\.name) + t.persons.flatMap(\.titles)
                        + t.orgs.map(\.range)
                    let floor = spans.map(\.upperBound).filter { $0 <= i && $0 >= c.lowerBound }.max() ?? c.lowerBound
                    if let named = nounPhrase(s, endingBefore: i + nl, from: floor, t) { return named }
                }
                i += nl
                continue
            }
            let from = i + l < c.upperBound && s[i + l] == "了" ? i + l + 1 : i + l  // `举行了第二次全体会议`
            if let after = nounPhrase(s, from: from, to: c.upperBound, t)
                ?? nounPhrase(s, from: from, to: c.upperBound, t, ending: rules.events.heldNouns)
            {
                // `区人大常委会召开第十二次会议`: a meeting named by its count alone is the holder's.
                if countLength(Array(after.unicodeScalars)) != nil, let holder = holder(t, s, before: i, clause: c) {
                    return holder + after
                }
                return after
            }
            if let before = nounPhrase(s, endingBefore: i, from: c.lowerBound, t) { return before }
            i += l
        }
        return nil
    }

    /// A meeting without an event noun: the trigger and the first person (with the title) after
    /// it (`会见美国国防部长科恩`); else what stands between `同/与/和` and it (`同某国总统举行会谈`);
    /// else the trigger alone.
    func meetingName(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>) -> String
    {
        let word = trig.trigger.word
        var from = trig.range.upperBound
        if from < c.upperBound, s[from] == "了" { from += 1 }
        // (A counterpart with a long title is named alone: `会见某国内政、公共管理…部长X` -> `会见X`.)
        if let p = t.persons.first(where: { $0.name.lowerBound >= from && $0.name.upperBound <= c.upperBound }) {
            // `会见以某国前部长X为团长的某国代表团`, `会见由X率领的代表团`: the delegation X leads.
            let led = ledDelegationEnd(s, after: p.name.upperBound, limit: c.upperBound)
            if let e = led, e - from <= 40 { return word + str(s, from..<e) }
            return word + str(s, p.name.upperBound - from <= 24 ? from..<p.name.upperBound : p.name)
        }
        // (Not a 和 inside a title: `与某某共和国总统X举行会谈`. Before a visit, `A和B来到`, B is
        // a fellow visitor, no counterpart.)
        if trig.trigger.kind == .meet,
            let j = (c.lowerBound..<trig.range.lowerBound).last(where: { k in
                (s[k] == "和" || rules.events.counterpartMarkers.contains(s[k]) && !notCounterpart(s, at: k, in: c))
                    && !t.persons.contains { $0.titles.contains { $0.contains(k) } }
            }),
            let p = t.persons.first(where: { $0.name.lowerBound > j && $0.name.upperBound <= trig.range.lowerBound }),
            // (`A和B等领导一同会见`: B is a fellow subject, events.rules `together`.)
            !(p.name.upperBound..<trig.range.lowerBound).contains(where: {
                rules.events.together.match(s, at: $0, limit: trig.range.lowerBound) > 0
            })
        {
            // (`同X举行了第一次会谈` -> `同X会谈`: a count is no name; the holding verb before it goes too.)
            var between = Array(s[p.name.upperBound..<trig.range.lowerBound])
            between.removeFirst(rules.events.holdVerbs.match(between, at: 0, limit: between.count))
            if between.first == "了" { between.removeFirst() }
            if !between.isEmpty, countLength(between + [" "]) == between.count {
                return str(s, j..<p.name.upperBound) + word
            }
            return trig.range.lowerBound - j <= 24
                ? str(s, j..<trig.range.upperBound) : str(s, j..<(j + 1)) + str(s, p.name) + word
        }
        // `分别同东盟各国首脑会晤`, `同伊拉克领导人就某问题进行了会谈`: a counterpart named by
        // its post alone, without the topic.
        if let named = unnamedCounterpart(trig, t, s, clause: c) { return named }
        // `会见时`, `会谈中`, `会谈后说`, `会见的有`: no counterpart; the meeting told before.
        if pointsBack(trig, s, clause: c) { return word }
        // `会见了出席会议的代表`: what it is done to, when short.
        // (Up to `时` or the next trigger: `会见出席会议的代表时强调` -> `会见出席会议的代表`.)
        var end = from
        // (Nor a note in brackets: `会见出席会议代表（附图片1张）`.)
        while end < c.upperBound, !Self.clausePunct.contains(s[end]), s[end] != "时", s[end] != "（",
            end == from || !nextTrigger(s, at: end, limit: c.upperBound)
        { end += 1 }
        // (`重要会晤”`: no closing mark the object did not open.)
        let object = Self.strayClosersDropped(s[from..<end])
        return !object.isEmpty && end - from <= 16 ? word + String(scalars: object) : word
    }

    /// `同/与X会谈` where X is no person (a post, a group): `同X会谈`, cut before a topic
    /// (`就…`, `对…`); nil for a pronoun (`同他们会谈`), a clause break or a long X.
    func unnamedCounterpart(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>)
        -> String?
    {
        guard
            let j = (c.lowerBound..<trig.range.lowerBound).last(where: { k in
                rules.events.counterpartMarkers.contains(s[k])
                    && !t.persons.contains { $0.titles.contains { $0.contains(k) } }
                    && !notCounterpart(s, at: k, in: c)
            }),
            !t.persons.contains(where: { $0.name.overlaps(j..<trig.range.lowerBound) })
        else { return nil }
        let end = ((j + 1)..<trig.range.lowerBound).first(where: { rules.events.topicMarkers.contains(s[$0]) })
        let named = str(s, j..<(end ?? trig.range.lowerBound)) + trig.trigger.word
        let counterpart = (end ?? trig.range.lowerBound) - j - 1
        guard counterpart >= 2, counterpart <= 16, end != nil || trig.range.lowerBound - j <= 20,
            !isFragment(String(named.dropFirst()))
        else { return nil }
        return named
    }

    /// Is the counterpart character at `k` part of a word that marks none (`同时`, `与会`)?
    func notCounterpart(_ s: [Unicode.Scalar], at k: Int, in c: Range<Int>) -> Bool {
        (max(c.lowerBound, k - 3)...k).contains { b in
            let l = rules.events.notCounterparts.match(s, at: b, limit: c.upperBound)
            return l > 0 && b + l > k
        }
    }

    /// A trigger at `i` that acts (ends a meeting's object), not one that qualifies the noun
    /// after it (`接见全体与会代表`: 与会 makes 代表 the attendees).
    func nextTrigger(_ s: [Unicode.Scalar], at i: Int, limit: Int) -> Bool {
        let l = rules.triggerWords.match(s, at: i, limit: limit)
        // (Not where an event noun begins: `出席座谈会的代表`.)
        guard l > 0, rules.events.nouns.match(s, at: i, limit: limit) <= l else { return false }
        let j = i + l
        return !(j < limit && (rules.posts.match(s, at: j, limit: limit) > 0 || "者人".unicodeScalars.contains(s[j])))
    }

    /// `为团长的某国代表团`, `率领的代表团` right after a leader's name: where the delegation's
    /// noun ends, or nil.
    func ledDelegationEnd(_ s: [Unicode.Scalar], after i: Int, limit: Int) -> Int? {
        let lead = rules.events.leaderLinks.match(s, at: i, limit: limit)
        guard lead > 0 else { return nil }
        var k = i + lead
        while k < limit, k - i <= 24, !Self.clausePunct.contains(s[k]) {
            let g = rules.events.delegations.match(s, at: k, limit: limit)
            if g > 0 { return k + g }
            k += 1
        }
        return nil
    }

    /// `会见时`, `会谈中`, `会谈后`, `会见的有`: the trigger points back at the meeting told before.
    func pointsBack(_ trig: TriggerMention, _ s: [Unicode.Scalar], clause c: Range<Int>) -> Bool {
        var j = trig.range.upperBound
        if j < c.upperBound, s[j] == "了" { j += 1 }
        return j < c.upperBound && "时中后前的".unicodeScalars.contains(s[j])
    }

    /// `在讲话中`, `讲话时`, `会见后`: what follows the trigger (from `from`, past `了`, `举行`) is
    /// the time of the event it is part of, no object (`讲话中首先代表…对某某会议表示祝贺` names no
    /// event `中首先代表…`). `中` only after `在`/`的` right before the trigger: `出席中国…会议`
    /// has its object. (Narrower than `pointsBack`, which a meeting's `的有` also satisfies.)
    func pointsIn(_ trig: TriggerMention, _ s: [Unicode.Scalar], from: Int, clause c: Range<Int>) -> Bool {
        guard from < c.upperBound else { return false }
        let before = trig.range.lowerBound > c.lowerBound ? s[trig.range.lowerBound - 1] : " "
        return s[from] == "时" || s[from] == "后" || s[from] == "中" && (before == "在" || before == "的")
    }

    /// The noun phrase of the trigger's object, unless the trigger points back (`会见时`) or
    /// reports on a topic (`汇报了X活动开展情况`).
    func objectPhrase(
        _ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], from: Int, clause c: Range<Int>
    ) -> String? {
        if pointsIn(trig, s, from: from, clause: c) || reportsOnTopic(trig, s, from: from, t, clause: c) { return nil }
        return nounPhrase(s, from: from, to: c.upperBound, t)
    }

    /// `汇报了X活动开展情况`, `介绍了Y会议的经验`: words that report on an event named inside
    /// what they report (the event noun goes on into more words) speak on a topic; the event
    /// they were said at is the one told, not the topic's.
    func reportsOnTopic(
        _ trig: TriggerMention, _ s: [Unicode.Scalar], from: Int, _ t: TaggedSentence, clause c: Range<Int>
    ) -> Bool {
        guard trig.trigger.kind == .speech || trig.trigger.kind == .said,
            let p = nounPhrase(s, from: from, to: c.upperBound, t)
        else { return false }
        let end = from + p.unicodeScalars.count + (s[from] == "的" ? 1 : 0)
        return (end..<c.upperBound).contains { Normalizer.isHan(s[$0]) }
    }

    /// A meeting the text names only by its trigger: the meeting told before, else the one the
    /// headline names (`某某会见美国客人` -> `会见美国客人`), else the bare trigger.
    func meetingToldElsewhere(_ trig: TriggerMention, state: State, headline: String?) -> String {
        let w = trig.trigger.word
        if let m = state.meeting(toldBy: w) { return m }
        if let h = headline, let r = h.range(of: w) {
            // (Up to `时` or a predicate: `某某会见某国代表时希望…`, `某某接见某会代表要求…` ->
            // `会见某国代表`, `接见某会代表`; `代表` is a predicate and a noun, and stays.)
            var u = Array(String(h[r.lowerBound...]).trimmingCharacters(in: .whitespaces).unicodeScalars)
            if let at = (w.unicodeScalars.count..<u.count).first(where: {
                u[$0] == "时"
                    || rules.predicates.match(u, at: $0, limit: u.count) > 0 && !u[$0...].starts(with: Self.onBehalf)
            }) {
                u.removeSubrange(at...)
            }
            let named = String(scalars: u[...])
            if named.count > w.count, named.count <= 20, !named.contains(where: { "，。：；".contains($0) }) {
                return named
            }
            // A headline that ends with the trigger names the meeting whole (`某某首脑会谈`).
            if named == w, h.hasSuffix(w), h.count <= 12, !h.contains(where: { "，。：；、 ".contains($0) }) {
                return h
            }
        }
        return w
    }

    /// `区人大常委会召开…`: the organization that opens the clause and holds the meeting (it
    /// ends with an organization suffix right before the verb at `i`), or nil.
    func holder(_ t: TaggedSentence, _ s: [Unicode.Scalar], before i: Int, clause c: Range<Int>) -> String? {
        if let o = t.orgs.first(where: { $0.range.upperBound == i && c.contains($0.range.lowerBound) }) {
            return str(s, o.range)
        }
        guard rules.orgSuffixes.matchEnding(s, at: i, floor: c.lowerBound) > 0, i - c.lowerBound <= 16,
            !t.persons.contains(where: { c.lowerBound..<i ~= $0.name.lowerBound }),
            !(c.lowerBound..<i).contains(where: {
                Punctuation.delimiters.contains(s[$0]) && s[$0] != "“" && s[$0] != "”"
            })
        else { return nil }
        let h = withoutDateWords(str(s, c.lowerBound..<i))
        return h.count >= 2 ? h : nil
    }

    /// What a found noun phrase names as an event, or nil: without a trigger or date words at
    /// its start (`出席会议` -> `会议`), nil when generic or deictic (`会议`, `这次会议`: the
    /// event told before) or when it holds a person's name or a fragment.
    func eventNoun(_ e: String, _ t: TaggedSentence, _ s: [Unicode.Scalar]) -> String? {
        var u = Array(withoutDateWords(e).unicodeScalars)
        if u.first == "的" { u.removeFirst() }  // `今天的会见`
        // (A bracket before the name is a byline or a note: `（记者某某）全国某某工作会议`.)
        if u.first == "（", let close = u.firstIndex(of: "）") { u.removeSubrange(...close) }
        let lead = rules.triggerWords.match(u, at: 0, limit: u.count)
        // (Not when the trigger begins an event noun: `座谈会`.)
        if lead > 0, lead < u.count, rules.events.nouns.match(u, at: 0, limit: u.count) <= lead {
            u.removeFirst(lead); if u.first == "了" { u.removeFirst() }
        }
        let name = String(scalars: Self.enclosingQuotesDropped(Self.strayClosersDropped(Self.unclosedQuoteDropped(u))))
        // `第一次会谈`, `首次会晤”`: a count and a trigger are the trigger alone; the meeting
        // is named by its counterpart.
        if let k = countLength(u), rules.triggers[String(scalars: Self.strayClosersDropped(u[k...]))] != nil {
            return nil
        }
        if name.isEmpty || rules.events.generic.contains(name) || isFragment(name)
            || rules.events.deictic.match(u, at: u.startIndex, limit: u.endIndex) > 0
        {
            return nil
        }
        // A person in the name makes it no event's name (`…的领导有副主任李华`), unless the name
        // is named after them: untitled, neither first nor last (`首届某某医学基金颁奖仪式`,
        // `纪念某某同志诞辰100周年座谈会`).
        let held = t.persons.filter { p in
            let n = str(s, p.name)
            guard let r = name.range(of: n) else { return false }
            return !p.titles.isEmpty || r.lowerBound == name.startIndex || r.upperBound == name.endIndex
        }
        return held.isEmpty ? name : nil
    }

    /// The length of the count a name begins with (events.rules `count`: `首次`, `第#次`), or nil.
    func countLength(_ u: [Unicode.Scalar]) -> Int? {
        for (before, after) in rules.events.counts where u.starts(with: before) {
            var k = before.count
            if !after.isEmpty {
                guard let (_, e) = Numerals.read(u, k, u.count), u[e...].starts(with: after) else { continue }
                k = e + after.count
            }
            if k < u.count { return k }
        }
        return nil
    }

    /// The scalars without closing quotation marks at the end that nothing in them opened.
    static func strayClosersDropped(_ u: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var r = u
        for (open, close) in [("“", "”"), ("《", "》")] as [(Unicode.Scalar, Unicode.Scalar)] {
            while r.last == close, r.filter({ $0 == open }).count < r.filter({ $0 == close }).count { r = r.dropLast() }
        }
        return r
    }

    /// `“全区迎新春联欢会”在某地举行`: quotation marks around the whole name are none of it.
    static func enclosingQuotesDropped(_ u: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard u.count > 2, u.first == "“", u.last == "”", u.dropFirst().firstIndex(of: "“") == nil,
            u.firstIndex(of: "”") == u.index(before: u.endIndex)
        else { return u }
        return u.dropFirst().dropLast()
    }

    /// A name holds no quotation it does not close: what comes before an unclosed `“` or `《`
    /// is none of it (`主办的“某某音乐会` -> `某某音乐会`).
    static func unclosedQuoteDropped(_ u: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var r = u[...]
        for (open, close) in [("“", "”"), ("《", "》")] as [(Unicode.Scalar, Unicode.Scalar)] {
            while r.filter({ $0 == open }).count > r.filter({ $0 == close }).count, let k = r.firstIndex(of: open) {
                r = r[(k + 1)...]
            }
        }
        return r
    }

    /// Not an event's name: a clause fragment (`他表示了亲切慰问`, `向他们拜年`).
    func isFragment(_ e: String) -> Bool {
        let u = Array(e.unicodeScalars)
        // (`看望与`: a name ending with a conjunction is cut before what it joins.)
        return rules.events.fragmentStarts.match(u, at: 0, limit: u.count) > 0 || e.contains("表示")
            || u.last.map { Punctuation.joiners.contains($0) } == true
    }

    /// An event name without the date words it begins with (`今天茶话会` -> `茶话会`).
    func withoutDateWords(_ e: String) -> String {
        let u = Array(e.unicodeScalars)
        var i = 0
        while i < u.count {
            let n = rules.dates.dateWords.match(u, at: i, limit: u.count)
            guard n > 0 else { break }
            i += n
        }
        return String(scalars: u[i...])
    }

    /// `召开20周年`, `举行三十周年`: a number of years after the verb.
    func anniversary(_ s: [Unicode.Scalar], after i: Int, limit: Int) -> Bool {
        guard let (_, j) = Numerals.read(s, i, limit) else { return false }
        return j + 1 < limit && s[j] == "周" && s[j + 1] == "年"
    }

    /// Noun phrase from `i` up to the last event noun in `i..<end`.
    func nounPhrase(_ s: [Unicode.Scalar], from i: Int, to end: Int, _ t: TaggedSentence, ending nouns: Lexicon? = nil)
        -> String?
    {
        let nouns = nouns ?? rules.events.nouns
        // An event's name holds no person or title (`出席开幕式的领导有市人大常委会副主任李华`).
        let firstPerson = t.persons.lazy.map { $0.titles.first?.lowerBound ?? $0.name.lowerBound }.filter { $0 >= i }
            .min()
        var e = min(end, firstPerson ?? end)
        while e > i {
            // A held noun names an event only with words before it (`…谈话会`, not `会`).
            let nl = nouns.matchEnding(s, at: e, floor: i)
            // (Not before a post: `国防会议秘书` is an office.)
            if nl > 0, e - i <= 48, atWordEnd(t, e), nouns === rules.events.nouns || e - i > nl,
                rules.posts.match(s, at: e, limit: end) == 0
            {
                let p = str(s, (s[i] == "的" ? i + 1 : i)..<e)  // `召开的座谈会`
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
            if rules.events.nouns.matchEnding(s, at: e, floor: start) > 0, atWordEnd(t, e) {
                var b = e - 1
                // (Not a 的 inside a word: `环波罗的海`.)
                while b > start, s[b - 1] != "的" || !atWordEnd(t, b - 1) || !atWordEnd(t, b), s[b - 1] != " " { b -= 1 }
                while b < e, Punctuation.delimiters.contains(s[b]) && s[b] != "“" || s[b] == "在" { b += 1 }
                // A dateline before the name is none of it (`新华社北京1月21日电政协…会议`).
                if let d = (b..<e).last(where: { k in
                    k > b && (s[k] == "电" || s[k] == "讯") && (s[k - 1] == "日" || s[k - 1] == "报")
                }) {
                    b = d + 1
                }
                // A quotation opened in the name closes with it (`“静邻一家·美好生活节”`).
                let opens = s[b..<e].filter { $0 == "“" }.count, closes = s[b..<e].filter { $0 == "”" }.count
                let end = opens > closes && e < i && s[e] == "”" ? e + 1 : e
                return end - b <= 48 && b < end ? str(s, b..<end) : nil
            }
            e -= 1
        }
        return nil
    }

    /// `在Y上` before a trigger in its clause, Y ending with an event noun (`在全省建设工作会议上
    /// 强调`, `在开幕式上致辞`): Y as `eventNoun` leaves it (nil for `在会上`).
    func placeEvent(before trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>)
        -> String?
    {
        guard let zai = (c.lowerBound..<trig.range.lowerBound).last(where: { s[$0] == "在" }),
            let on = ((zai + 2)..<max(zai + 2, trig.range.lowerBound)).first(where: { s[$0] == "上" }),
            rules.events.nouns.matchEnding(s, at: on, floor: zai + 1) > 0
                || rules.events.heldNouns.matchEnding(s, at: on, floor: zai + 1) > 0 && on - zai > 3,
            atWordEnd(t, on), !t.persons.contains(where: { $0.name.overlaps((zai + 1)..<on) })
        else { return nil }
        // `在北京召开的X会议上`: where and when it was held is none of the name.
        var from = zai + 1
        if let de = (from..<on).last(where: { s[$0] == "的" }),
            rules.events.holdVerbs.matchEnding(s, at: de, floor: from) > 0
        {
            from = de + 1
        }
        return eventNoun(str(s, from..<on), t, s)
    }

    /// The gathering a sentence opens at (`晚会上，…`, `在茶话会上，…`): an event noun before `上`
    /// and a comma, in the sentence's first clause.
    func gatheringOpening(_ t: TaggedSentence, _ s: [Unicode.Scalar]) -> String? {
        var from = t.sentence.range.lowerBound
        if from < s.count, s[from] == "在" { from += 1 }
        guard let comma = (from..<min(t.sentence.range.upperBound, from + 14)).first(where: { s[$0] == "，" }),
            comma - from >= 2, s[comma - 1] == "上", (from..<comma).allSatisfy({ Normalizer.isHan(s[$0]) }),
            rules.events.nouns.matchEnding(s, at: comma - 1, floor: from) > 0,
            !t.persons.contains(where: { $0.name.overlaps(from..<comma) })
        else { return nil }
        return eventNoun(str(s, from..<(comma - 1)), t, s)
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

    /// A visit's name: `就X开展专题调研` -> `X专题调研`; else, for a visit named by its trigger
    /// alone, whom it visits (`在慰问交警劳模X`); nil when neither.
    func visitName(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>) -> String?
    {
        var b = trig.range.lowerBound
        while b > c.lowerBound, !rules.events.visitLeads.contains(s[b - 1]) { b -= 1 }
        if b > c.lowerBound {
            var e = String(scalars: Self.dropping(rules.events.lightVerbs, from: s[b..<trig.range.upperBound]))
            // `到某地督导防汛工作`: what the visit looks at, when the clause ends with it.
            var end = c.upperBound
            while end > trig.range.upperBound, Punctuation.delimiters.contains(s[end - 1]) { end -= 1 }
            let rest = trig.range.upperBound..<end
            if rest.count >= 2, rest.count <= 10, !pointsIn(trig, s, from: rest.lowerBound, clause: c),
                !"时中后们".unicodeScalars.contains(s[end - 1]),
                !rules.triggerNounSuffixes.contains(s[rest.lowerBound]),
                !rest.contains(where: { "和的着与及".unicodeScalars.contains(s[$0]) }),
                !t.persons.contains(where: { rest.contains($0.name.lowerBound) }),
                !rest.contains(where: { rules.triggerWords.match(s, at: $0, limit: c.upperBound) > 0 || s[$0] == "并" }),
                rules.events.heldNouns.match(s, at: rest.lowerBound, limit: c.upperBound) == 0,
                s[rest.lowerBound] != "了", s[rest.lowerBound] != "的"
            {
                e += str(s, rest)
            }
            if !isFragment(e), e != trig.trigger.word { return e }
        }
        let m = meetingName(trig, t, s, clause: c)
        return m != trig.trigger.word && !isFragment(m) ? m : nil
    }

    /// `A在全省建设工作会议上强调`: the meeting the words were said at, or nil.
    func placeOfWords(
        _ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>,
        sentenceEvent: String?, state: inout State
    ) -> String? {
        guard trig.trigger.kind == .said || trig.trigger.kind == .speech,
            let e = placeEvent(before: trig, t, s, clause: c)
        else { return nil }
        // (`全市新春团拜会举行。A在团拜会上致辞`: the gathering told before, by its full name.)
        if let told = sentenceEvent ?? state.gathering ?? state.event, told.hasSuffix(e) { return told }
        state.event = e; state.gathering = e
        return e
    }

    /// A meeting of its own, named by its counterpart (`meetingName`); where the text gives
    /// none (`会见时在座`, `在会谈中`, `会见的有`), the meeting told before or the headline's.
    func ownMeeting(
        _ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>,
        state: inout State, headline: String?
    ) -> String {
        let word = trig.trigger.word
        let named = pointedBack(meetingName(trig, t, s, clause: c), state: state)
        if named == word {
            let e = meetingToldElsewhere(trig, state: state, headline: headline)
            if e != word { state.event = e; state.noteMeeting(e, word: word); return e }
        }
        state.event = named; state.noteMeeting(named, word: word)
        return named
    }

    /// `演出的话剧《某某》`: a work (events.rules `work`) and its title, after an optional 的, name
    /// the event the verb before it attends.
    func performedWork(_ s: [Unicode.Scalar], from i: Int, clause c: Range<Int>) -> String? {
        let a = i < c.upperBound && s[i] == "的" ? i + 1 : i
        let w = rules.events.works.match(s, at: a, limit: c.upperBound)
        guard w > 0, a + w < c.upperBound, s[a + w] == "《",
            let close = ((a + w)..<c.upperBound).first(where: { s[$0] == "》" }), close - a <= 30
        else { return nil }
        return str(s, a..<(close + 1))
    }

    /// `会见出席这次会议的代表` after `中央某某工作会议今天闭幕`: a generic word that points back
    /// (events.rules `generic` `这次会议`, a generic word after something) stands for the gathering
    /// told before when that ends with the same word: `会见出席中央某某工作会议的代表`.
    func pointedBack(_ name: String, state: State) -> String {
        guard let g = state.gathering else { return name }
        for w in rules.events.generic where w.count > 2 && name.contains(w) {
            guard
                let base = rules.events.generic.filter({ $0.count < w.count && w.hasSuffix($0) }).max(by: {
                    $0.count < $1.count
                }),
                g.hasSuffix(base), g.count > base.count
            else { continue }
            return name.replacingOccurrences(of: w, with: g)
        }
        return name
    }

    /// `出席典礼` after `…开学典礼在体育馆举行`: a bare event noun is the gathering told before
    /// that ends with it, or the one the headline names (when no sentence before held persons).
    func fullName(of o: String, state: State, headline: String?) -> String {
        let u = Array(o.unicodeScalars)
        guard rules.events.nouns.match(u, at: 0, limit: u.count) == u.count else { return o }
        let named = [state.gathering, headline.map(headlineEvent).flatMap { $0 == headline ? nil : $0 }]
        return named.compactMap { $0 }.first { $0.count > o.count && $0.hasSuffix(o) } ?? o
    }

    func eventName(
        for trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], sentenceEvent: String?,
        state: inout State, headline: String?
    ) -> String {
        let c = clause(t, s, around: trig.range.lowerBound)
        if let e = placeVisitedOrSpokenAt(
            trig, t, s, clause: c, sentenceEvent: sentenceEvent, state: &state, headline: headline)
        {
            return e
        }
        let from = afterHoldVerbs(s, from: trig.range.upperBound, clause: c)
        let object = objectPhrase(trig, t, s, from: from, clause: c)
        // `参加了会见`, `会见时在座`: the meeting told before, by its name.
        if trig.trigger.kind != .meet,
            let meet = t.triggers.first(where: { $0.trigger.kind == .meet && c.contains($0.range.lowerBound) }),
            let e = state.meeting(toldBy: meet.trigger.word)
        {
            return e
        }
        // (`会见了出席某某会议的代表`: whom a meeting receives, described by the event they came
        // for, names no event; the meeting is named below.)
        let describesGuests =
            trig.trigger.kind == .meet && from < c.upperBound
            && rules.triggerWords.match(s, at: from, limit: c.upperBound) > 0
        if !describesGuests, let found = object.flatMap({ eventNoun($0, t, s) }) {
            let o = fullName(of: found, state: state, headline: headline)
            state.event = o
            if trig.trigger.kind == .meet { state.noteMeeting(o, word: trig.trigger.word) } else { state.gathering = o }
            return o
        }
        // `X会见了Y`: a meeting of its own, not the event told before it, named by what the
        // text gives: the trigger and its counterpart (`会见美国国防部长科恩`).
        // (`举行会谈` holds the bare `会谈`: no name either.)
        if trig.trigger.kind == .meet, sentenceEvent.map({ rules.triggers[$0] != nil }) ?? true,
            trig.trigger.word != "陪同"
        {
            return meetingOrGathering(trig, t, s, clause: c, state: &state, headline: headline)
        }
        // `会见了代表` told after a conference, then `在会议上讲了话`, `出席了这次会议`: a clause
        // that names a meeting generically means the conference, not the 会见 told since.
        if sentenceEvent == nil, state.eventIsMeet, let g = state.gathering, trig.trigger.kind != .meet,
            (c.lowerBound..<c.upperBound).contains(where: {
                rules.events.genericMeetings.match(s, at: $0, limit: c.upperBound) > 0
            })
        {
            return g
        }
        // `举行工作会晤`: the meeting a later `会晤后` points back at.
        if trig.trigger.kind == .meet, let e = sentenceEvent, e.hasSuffix(trig.trigger.word) {
            state.noteMeeting(e, word: trig.trigger.word)
        }
        if trig.trigger.kind == .verb, let w = performedWork(s, from: from, clause: c) {
            state.event = w; state.gathering = w
            return w
        }
        if let e = sentenceEvent ?? state.event { return e }
        if trig.trigger.kind == .meet { return meetingToldElsewhere(trig, state: state, headline: headline) }
        if let o = object, !isFragment(o) { return o }
        return lastResort(trig, state: &state, headline: headline) ?? actTold(trig, t, s, clause: c)
    }

    /// `前往某国使馆，吊唁该国主席逝世`: with no event noun, no gathering and no headline, the
    /// act as the clause tells it (the trigger and what follows it to the clause's end, when
    /// short), from the counterpart before it when it is bare (`与农民代表举行座谈`).
    func actTold(_ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>) -> String {
        var end = c.upperBound
        while end > trig.range.upperBound, Punctuation.delimiters.contains(s[end - 1]) { end -= 1 }
        var start = trig.range.lowerBound
        if end == trig.range.upperBound,
            let w = (c.lowerBound..<start).last(where: { rules.events.counterpartMarkers.contains(s[$0]) }),
            !t.persons.contains(where: { $0.name.lowerBound > w && $0.name.lowerBound < start })
        {
            start = w
        }
        guard trig.trigger.kind == .verb, end - start <= 16 else { return "" }
        let e = str(s, start..<end)
        return e == trig.trigger.word || isFragment(e) ? "" : e
    }

    /// `X会见了Y` named by its counterpart (`ownMeeting`); with no counterpart named, the gathering
    /// the sentence stands in (`在研讨会上，A向B、C发了奖`: 研讨会), else the bare trigger.
    func meetingOrGathering(
        _ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>,
        state: inout State, headline: String?
    ) -> String {
        let own = ownMeeting(trig, t, s, clause: c, state: &state, headline: headline)
        guard own == trig.trigger.word else { return own }
        return placeEvent(before: trig, t, s, clause: c) ?? gatheringOpening(t, s) ?? own
    }

    /// Events a visit or words name before any object does: the gathering a visit opens at
    /// (`晚会上，A来到…`), the place a visit names, the event words are said at.
    func placeVisitedOrSpokenAt(
        _ trig: TriggerMention, _ t: TaggedSentence, _ s: [Unicode.Scalar], clause c: Range<Int>,
        sentenceEvent: String?, state: inout State, headline: String?
    ) -> String? {
        if trig.trigger.role == .inspect, let g = gatheringOpening(t, s) {
            // (The gathering's full name as the records before gave it: `一九九八年新年茶话会`.)
            let told = state.drafts.last(where: { $0.event.count > g.count && $0.event.hasSuffix(g) })?.event
            return told ?? fullName(of: g, state: state, headline: headline)
        }
        if trig.trigger.role == .inspect, let g = state.gathering, visitsThosePresent(trig, s, clause: c) { return g }
        if trig.trigger.role == .inspect, let e = visitName(trig, t, s, clause: c) {
            state.event = e; state.gathering = e
            return e
        }
        return placeOfWords(trig, t, s, clause: c, sentenceEvent: sentenceEvent, state: &state)
    }

    /// `看望了在场的大学生`, `来到在座各界人士中间`: a visit to those present (events.rules `present`).
    func visitsThosePresent(_ trig: TriggerMention, _ s: [Unicode.Scalar], clause c: Range<Int>) -> Bool {
        var from = trig.range.upperBound
        if from < c.upperBound, s[from] == "了" { from += 1 }
        return rules.events.present.match(s, at: from, limit: c.upperBound) > 0
    }

    /// Where a trigger's object begins: past `召开`, `了`, `举行` in that order, each at most
    /// once (`主持召开了`, `出席了举行的`). Not every hold verb: `开幕`, `揭牌` begin the noun
    /// (`出席揭牌仪式`).
    func afterHoldVerbs(_ s: [Unicode.Scalar], from start: Int, clause c: Range<Int>) -> Int {
        var from = start
        for skip in Self.skippedBeforeObject where s[from..<c.upperBound].starts(with: skip) { from += skip.count }
        return from
    }
    static let skippedBeforeObject = ["召开", "了", "举行"].map { Array($0.unicodeScalars) }

    /// The headline's event is the article's: a companion after a visit it names (`B陪同考察`)
    /// takes it too.
    func lastResort(_ trig: TriggerMention, state: inout State, headline: String?) -> String? {
        let h = headline.map(headlineEvent)
        if trig.trigger.role == .inspect, let h { state.event = h }
        return h
    }

    /// The event a headline names, the name of last resort: `A在Y上强调…` -> Y, `Y在京举行`,
    /// `某地举行Y` -> Y (Y ending with an event noun); else the headline whole.
    func headlineEvent(_ h: String) -> String {
        let u = Array(h.unicodeScalars)
        func endsEvent(_ e: Int, floor: Int) -> Bool {
            rules.events.nouns.matchEnding(u, at: e, floor: floor) > 0
                || rules.events.heldNouns.matchEnding(u, at: e, floor: floor) > 0 && e - floor > 2
        }
        func named(_ r: Range<Int>) -> String? {
            let e = String(scalars: u[r])
            return r.isEmpty || rules.events.generic.contains(e) || isFragment(e) ? nil : e
        }
        if let zai = u.firstIndex(of: "在"), let on = u[min(u.count, zai + 2)...].firstIndex(of: "上"), on - zai <= 30,
            endsEvent(on, floor: zai + 1), let e = named((zai + 1)..<on)
        {
            return e
        }
        for i in u.indices {
            let l = rules.events.holdVerbs.match(u, at: i, limit: u.count)
            guard l > 0 else { continue }
            if let e = stride(from: u.count, to: i + l, by: -1).first(where: { endsEvent($0, floor: i + l) }),
                let name = named((i + l)..<e)
            {
                return name
            }
            let end = u[..<i].lastIndex(of: "在") ?? i
            if endsEvent(end, floor: 0), let name = named(0..<end) { return name }
        }
        // `某某会议公报（一九九八年一月二十二日）`: the meeting a document of it names.
        var e = u.count
        if u.last == "）", let open = u.lastIndex(of: "（") { e = open }
        let doc = rules.events.documents.matchEnding(u, at: e, floor: 0)
        if doc > 0, endsEvent(e - doc, floor: 0), let name = named(0..<(e - doc)) { return name }
        return h
    }
}
