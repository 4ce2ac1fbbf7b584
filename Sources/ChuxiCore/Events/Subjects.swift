// Subject helpers of the events stage: who stands where around a trigger.

extension EventExtractor {
    static let speechLead: [(String, [Unicode.Scalar])] = ["并作", "并发表", "并", "作", "发表", "进行"].map {
        ($0, Array($0.unicodeScalars))
    }

    /// The persons and attending organizations whose names start in `r`, in text order.
    func subjects(_ t: TaggedSentence, _ text: [Unicode.Scalar], in r: Range<Int>) -> [Subject] {
        // `刘某夫人王某`: the person named to say whose wife or child is there is not there
        // (persons are in text order: the kin is the next one).
        let kin = Set(
            t.persons.indices.dropLast().filter { k in
                let gap =
                    t.persons[k].name.upperBound..<max(t.persons[k].name.upperBound, t.persons[k + 1].name.lowerBound)
                return !gap.isEmpty
                    && rules.kinWords.match(text, at: gap.lowerBound, limit: gap.upperBound) == gap.count
            })
        var out = t.persons.indices.filter { !kin.contains($0) && r.contains(t.persons[$0].name.lowerBound) }
            .map { Subject(range: t.persons[$0].name, kind: .person) }
        out += t.orgs.filter { $0.attends && r.contains($0.range.lowerBound) }.map {
            Subject(range: $0.range, kind: .organization)
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Is the act between the subject's end and the trigger a plan (`将于2月3日`) or a past
    /// one (`曾两次接见`)? A marker inside a person's name is none (`赵某、曾某出席`).
    /// (`oneCharacterPast: false`: not the past marker `曾` alone, which also opens names the
    /// tagger may have missed: `…大校曾某某等出席`.)
    func planned(
        _ s: [Unicode.Scalar], from i: Int, to trigger: Int, persons: [PersonMention], oneCharacterPast: Bool = true
    ) -> Bool {
        guard trigger > i else { return false }
        // `A将于3月2日对某国进行访问，赴某地主持…`: a plan told right after the name covers the
        // acts that follow in its sentence (the caller's range ends within the sentence).
        var k = i
        while k < trigger, k - i <= 12, !Self.clausePunct.contains(s[k]) {
            if planMarker(s, at: k, after: i, limit: trigger, persons: persons, oneCharacterPast: oneCharacterPast) {
                return true
            }
            k += 1
        }
        guard trigger - i <= 20, !s[i..<trigger].contains(where: { Self.clausePunct.contains($0) }) else {
            return false
        }
        return (i..<trigger).contains {
            planMarker(s, at: $0, after: i, limit: trigger, persons: persons, oneCharacterPast: oneCharacterPast)
        }
    }

    /// A plan or past word at `k` (`将`, `拟于`, `曾`…); `将` ending a rank is none (`王某上将今天会见…`).
    func planMarker(
        _ s: [Unicode.Scalar], at k: Int, after i: Int, limit: Int, persons: [PersonMention],
        oneCharacterPast: Bool = true
    ) -> Bool {
        let past = rules.roleWords.pastMarkers.match(s, at: k, limit: limit)
        return (rules.roleWords.plannedMarkers.match(s, at: k, limit: limit) > 0 || past > (oneCharacterPast ? 0 : 1))
            && !(k > i && s[k] == "将" && "上中少大".unicodeScalars.contains(s[k - 1]))
            && !persons.contains(where: { $0.name.contains(k) })
    }

    /// `考察中，`, `调研期间，`: a trigger opening its sentence as the time of what follows;
    /// returns where the rest of the sentence starts.
    func duringPrefix(_ t: TaggedSentence, _ s: [Unicode.Scalar], _ trig: TriggerMention) -> Int? {
        let start = t.sentence.range.lowerBound
        guard trig.range.lowerBound == start || (trig.range.lowerBound == start + 1 && s[start] == "在") else {
            return nil
        }
        let j = trig.range.upperBound + rules.roleWords.during.match(s, at: trig.range.upperBound, limit: s.count)
        guard j > trig.range.upperBound, j < t.sentence.range.upperBound, Self.clausePunct.contains(s[j]) else {
            return nil
        }
        return j + 1
    }

    /// Does the name ending at `i` introduce words (`表示，`, `在贺信中指出，`) that run up to `j`?
    /// (The words of saying end the name's clause: one look at the clause's end.)
    func says(_ s: [Unicode.Scalar], _ i: Int, before j: Int) -> Bool {
        let k = afterPost(s, i, j)
        var c = k
        while c < j, !Self.clausePunct.contains(s[c]) { c += 1 }
        guard c < j, c > k, s[c] == "，" || s[c] == "：" else { return false }
        // (`A、B等代表，以及C约500人出席`, `A、B等某方代表，…`: 代表 before a comma is the noun
        // closing a list, no verb of saying.)
        if c - 2 >= k, s[(c - 2)..<c].elementsEqual(Self.onBehalf) { return false }
        return rules.predicates.matchEnding(s, at: c, floor: k) > 0
            || rules.triggerWords.matchEnding(s, at: c, floor: k) > 0
    }

    /// `A对B…表示慰问`, `A向B通报`, `代表国家主席B出席…的A`: a person after a preposition of whom
    /// words are said (roles.rules `addressee`) or after 代表 (titles aside) is no subject of a
    /// verb (a meeting's counterpart stands there: `A向B递交国书`).
    func objectOfPreposition(_ p: Subject, _ t: TaggedSentence, _ s: [Unicode.Scalar]) -> Bool {
        guard p.kind == .person else { return false }
        let lo = t.sentence.range.lowerBound, at = p.range.lowerBound, from = t.start(of: p.range)
        func preposition(endingAt k: Int) -> Bool {
            k > lo && rules.roleWords.addressees.contains(s[k - 1])
                || k - 2 >= lo && s[(k - 2)..<k].elementsEqual(Self.onBehalf)
        }
        if preposition(endingAt: from) { return true }
        // (A post right before the name that no title holds, `代表国家主席A`: the preposition may
        // stand up to a dozen Han characters before the name.)
        guard from == at, rules.posts.matchEnding(s, at: at, floor: lo) > 0 else { return false }
        var k = at - 1
        while k > max(lo, at - 13), Normalizer.isHan(s[k]) {
            if preposition(endingAt: k) { return true }
            k -= 1
        }
        return false
    }

    /// `受县委书记A委托，B主持…`, `受A总书记、B总理委托，C…`, `A总理让我来看望…`: A asked B to act
    /// and was not there.
    func entrusting(_ s: [Unicode.Scalar], _ name: Range<Int>, _ t: TaggedSentence) -> Bool {
        // (`A总书记、B总理让我来看望乡亲们`: roles.rules `proxy` after the name and its post, or
        // after the 、-list of titled names the name opens.)
        var e = afterPost(s, name.upperBound, s.count)
        while e < s.count, s[e] == "、",
            let next = t.persons.first(where: { $0.start == e + 1 })
        {
            e = afterPost(s, next.name.upperBound, s.count)
        }
        if rules.roleWords.proxies.match(s, at: e, limit: s.count) > 0 { return true }
        // `应A、B、C邀请，D将…`: the hosts who invited are not the subject either (a list of up
        // to about eight titled names between 应 and 邀请).
        return framed(s, name, by: "受", "委托", after: 30, before: 40)
            || framed(s, name, by: "应", "邀请", after: 60, before: 60)
    }

    /// Does `open` stand before the name in its clause (within `before`) and `close` after it
    /// (within `after`), as in `受A委托`, `应A邀请`?
    func framed(
        _ s: [Unicode.Scalar], _ name: Range<Int>, by open: Unicode.Scalar, _ close: String,
        after: Int, before: Int = Int.max
    ) -> Bool {
        let c = Array(close.unicodeScalars)
        var k = name.upperBound
        while k + c.count <= s.count, k - name.upperBound <= after, !Self.clausePunct.contains(s[k]) {
            if s[k..<(k + c.count)].elementsEqual(c) {
                var b = name.lowerBound
                while b > 0, name.lowerBound - b <= before, !Self.clausePunct.contains(s[b - 1]) {
                    b -= 1
                    if s[b] == open { return true }
                }
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
        // (A place may be long: `在全国银行保险证券系统行长会议上`.)
        guard j > i, j - i <= 24 else { return false }
        let gap = s[i..<j]
        if gap.contains(where: { Self.clausePunct.contains($0) || $0 == "、" }) { return false }
        if gap.allSatisfy({ rules.roleWords.saidGap.contains($0) }) { return true }
        guard j - i <= 14 || gap.first == "在" else { return false }
        // `李家林代表全体学员发言`: speaking on behalf of a group.
        if gap.starts(with: Self.onBehalf), j - i <= 12 { return true }
        // `在会上`, `也在开通仪式上`: the place of the words, after 也/还.
        let place = gap.drop { $0 != "在" && rules.roleWords.saidGap.contains($0) }
        guard place.first == "在" else { return false }
        let g = String(scalars: place)
        return g.hasSuffix("上") || g.hasSuffix("中") || g.hasSuffix("时")
            || g.dropLast().hasSuffix("上") || g.dropLast().hasSuffix("中")
    }

    /// `A、B在中南海听取了…汇报`: a short place (`在` and up to six characters, no 的) between a
    /// name and the trigger.
    func shortPlace(_ s: [Unicode.Scalar], _ i: Int, _ j: Int) -> Bool {
        guard j > i, j - i <= 7, s[i] == "在" else { return false }
        return !s[i..<j].contains { Self.clausePunct.contains($0) || $0 == "、" || $0 == "的" }
    }

    /// `A，B分别讲话`, `A、B分别作了精彩的报告`, `A、B分别代表双方致辞`: one speech each for
    /// the persons listed before.
    func respectively(_ s: [Unicode.Scalar], _ i: Int, _ trig: Range<Int>) -> Bool {
        let j = trig.lowerBound
        guard j > i, j - i <= 16, !s[i..<j].contains(where: { Self.clausePunct.contains($0) }) else { return false }
        // `A、B分别致辞`, `A、B等也在会上先后发言`, `A、B等在会上发言`: a list closed by 等, or a
        // distributive word, makes the whole list the speakers (past a post written after the
        // last name: `A、B教授分别汇报了`).
        var k = afterPost(s, i, j)
        func skip(_ words: [String]) -> Bool {
            for w in words where s[k..<j].starts(with: w.unicodeScalars) { k += w.unicodeScalars.count; return true }
            return false
        }
        let closed = skip(["等人", "等"])
        _ = skip(["也", "还", "都", "又"])
        k += rules.roleWords.speechPlaces.match(s, at: k, limit: j)
        let d = rules.roleWords.distributives.match(s, at: k, limit: j), distributive = d > 0
        k += d
        guard closed || distributive else { return false }
        return k == j || adjacent(s, k, j) || inSpeech(s, k, trig) || madeSpeech(s, k, j..<j)
            || topicThenSpeech(s, k, j)
    }

    /// `A、B等代表各界…，先后在座谈会上发言`: right after the name a closing 等, then within the
    /// sentence (a comma or two, no `。`, `；`) a distributive word (roles.rules `distributive`)
    /// that, past a place (`在座谈会上`) and a speech verb (`发表`), reaches the trigger.
    func closedListTakesTurns(_ s: [Unicode.Scalar], _ i: Int, _ trig: Range<Int>) -> Bool {
        let j = trig.lowerBound
        guard j > i + 1, j - i <= 60, s[i] == "等", !s[i..<j].contains(where: { $0 == "。" || $0 == "；" }) else {
            return false
        }
        return ((i + 1)..<j).contains { k in
            let d = rules.roleWords.distributives.match(s, at: k, limit: j)
            guard d > 0 else { return false }
            var m = k + d
            m += rules.roleWords.speechPlaces.match(s, at: m, limit: j)
            if m < j, s[m] == "在", let on = (m..<min(j, m + 12)).first(where: { s[$0] == "上" }) { m = on + 1 }
            m += rules.roleWords.speechVerbs.lazy.filter { s[m..<j].starts(with: $0) }.map(\.count).max() ?? 0
            return m == j
        }
    }

    /// The persons of `before` that form one list ending with `last`: only their titles and
    /// list punctuation stand between them (`云南省老科协副会长A，市委副书记、市长B致辞`).
    func titledList(_ t: TaggedSentence, _ s: [Unicode.Scalar], endingWith last: Subject, in before: [Subject])
        -> [Subject]
    {
        guard last.kind == .person, let k = before.lastIndex(where: { $0.range == last.range }) else { return [last] }
        var list = [last]
        var next = last.range
        for q in before[..<k].reversed() {
            guard q.kind == .person, let m = t.persons.first(where: { $0.name == next }) else { break }
            var gap = Array(q.range.upperBound..<next.lowerBound)
            gap.removeAll { i in "、，,和及".unicodeScalars.contains(s[i]) || m.titles.contains { $0.contains(i) } }
            guard gap.isEmpty else { break }
            list.insert(q, at: 0)
            next = q.range
        }
        return list
    }

    /// `钟晓咏在回应讲话中感谢`: a speech noun inside `在…中` after the name.
    func inSpeech(_ s: [Unicode.Scalar], _ i: Int, _ trig: Range<Int>) -> Bool {
        // (`A等在发言中表示`: 等 closes a one-name list.)
        let i = i < s.count && s[i] == "等" ? i + 1 : i
        guard trig.lowerBound > i, trig.lowerBound - i <= 8, s[i] == "在", trig.upperBound < s.count,
            s[trig.upperBound] == "中"
        else { return false }
        return !s[i..<trig.lowerBound].contains { Self.clausePunct.contains($0) || $0 == "、" }
    }

    /// `周岩作政府工作报告`, `X发表重要讲话`, `X就纪律问题作了明确要求`: a speech made by
    /// the name just before.
    func madeSpeech(_ s: [Unicode.Scalar], _ i: Int, _ trig: Range<Int>) -> Bool {
        // `总经理秦某，作为企业家代表发表讲话`: the comma before 作为 does not end the speaker's clause.
        var i = i
        if i + 3 < s.count, s[i] == "，", s[i + 1] == "作", s[i + 2] == "为" { i += 1 }
        guard trig.lowerBound > i, trig.lowerBound - i <= 60 else { return false }
        if madeSpeechOnTopic(s[i..<trig.lowerBound]) || madeTitledSpeech(s[i..<trig.lowerBound]) { return true }
        guard !s[i..<trig.lowerBound].contains(where: { Self.clausePunct.contains($0) }) else { return false }
        // Over scalars, not Strings: this runs for every speaker candidate of every speech.
        // `在大会上作…报告`: the place of the speech before it.
        let gap = Self.pastPlace(s[i..<trig.lowerBound], ending: Self.placeEnds)
        let listed = gap.contains("、")
        // `又做了重点强调`: 也/还/又 before the verb; 做 written for 作.
        let made = gap.drop { rules.roleWords.saidGap.contains($0) }
        if gap.count <= 30, !listed,
            rules.roleWords.speechVerbs.contains(where: { gap.starts(with: $0) || made.starts(with: $0) })
        {
            return true
        }
        // `受区政府委托作了《关于…的报告》`: a speech named by its title.
        if let b = Self.firstRange(of: Self.madeTitled[0], in: gap) ?? Self.firstRange(of: Self.madeTitled[1], in: gap),
            !gap[b.upperBound...].contains("》"), !gap[..<b.lowerBound].contains("、")
        {
            return true
        }
        // `对/就 … 作了 …`: a topic, then the speech.
        guard trig.lowerBound - i <= 30, rules.roleWords.speechTopics.contains(where: { gap.starts(with: $0) }) else {
            return false
        }
        guard let verb = rules.roleWords.speechMade.lazy.compactMap({ Self.firstRange(of: $0, in: gap) }).first else {
            return false
        }
        return gap.endIndex - verb.upperBound <= 8
    }

    /// `做了题为《…，…》的工作报告`, `作了题为“…，…”的报告`: a speech verb opening the gap, then the
    /// speech's title (which may hold commas) ending a few characters before the trigger.
    func madeTitledSpeech(_ whole: ArraySlice<Unicode.Scalar>) -> Bool {
        // (`在会议开幕时作了题为…`: the place or time of the speech before it.)
        let gap = Self.pastPlace(whole, ending: Self.placeOrTimeEnds)
        guard let open = gap.firstIndex(where: { $0 == "《" || $0 == "“" }),
            let close = gap.lastIndex(where: { $0 == (gap[open] == "《" ? "》" : "”") }), open < close,
            gap.endIndex - close <= 6, rules.roleWords.speechVerbs.contains(where: { gap.starts(with: $0) }),
            !gap[..<open].contains(where: { Self.clausePunct.contains($0) || $0 == "、" }),
            !gap[close...].contains(where: { Self.clausePunct.contains($0) })
        else { return false }
        return true
    }

    /// A gap past the place (or time) of a speech that opens it: `在` and, within a dozen
    /// characters, the first of `ends` (`在大会上`, `在会议开幕时`).
    static func pastPlace(_ gap: ArraySlice<Unicode.Scalar>, ending ends: ScalarSet) -> ArraySlice<Unicode.Scalar> {
        guard gap.first == "在", let on = gap.prefix(12).firstIndex(where: { ends.contains($0) }) else { return gap }
        return gap[(on + 1)...]
    }
    static let placeEnds: ScalarSet = ["上", "中"]
    static let placeOrTimeEnds: ScalarSet = ["上", "中", "时"]

    /// `职工A怎么也没想到，书记B…`: a clause of A's own (a stop word of a predicate: `也`, `没`,
    /// `的`, not a post, a rank, `一行` or a list's `等`, `和`) stands between A and a comma that
    /// comes before the next subject at `next`: A is not the next one's co-subject.
    func hasOwnClause(_ s: [Unicode.Scalar], _ name: Range<Int>, before next: Int) -> Bool {
        var e = afterPost(s, name.upperBound, next)
        e += rules.ranks.match(s, at: e, limit: next)
        e += rules.notGiven.match(s, at: e, limit: next)
        // (`A上将以及…负责人，`: the list goes on.)
        guard e < next, let comma = (e..<next).first(where: { Self.clausePunct.contains(s[$0]) }),
            !Punctuation.listJoiners.contains(where: { s[e..<comma].starts(with: $0) }),
            !sharesOutTheAct(s, e..<comma)
        else { return false }
        return (e..<comma).contains { rules.nameStops.contains(s[$0]) && !Self.listJoinerScalars.contains(s[$0]) }
    }

    /// `A在广州，B赴中山，C赴江门、阳江，开展了慰问活动`: a short clause of going (roles.rules
    /// `destination`) or of place (`在`) after each name gives each a share of the act told after.
    func sharesOutTheAct(_ s: [Unicode.Scalar], _ clause: Range<Int>) -> Bool {
        guard clause.count <= 12, clause.count >= 2 else { return false }
        let lead =
            s[clause.lowerBound] == "在"
            ? 1 : rules.roleWords.destinations.match(s, at: clause.lowerBound, limit: clause.upperBound)
        return lead > 0 && lead < clause.count
            && !clause.contains { rules.triggerWords.match(s, at: $0, limit: clause.upperBound) > 0 }
    }
    static let listJoinerScalars: ScalarSet = {
        var s = Punctuation.joiners
        s.formUnion(["等"])
        return s
    }()

    /// `A到困难群众B、C家中走访`, `A走进退休干部B家里，看望慰问`: the subjects after a word of going
    /// (roles.rules `destination`, but not within one of `not-destination`: `受到A的接见`, `到访的A`) that follows an
    /// earlier subject, and the names listed with them, are where the subjects go, not who goes.
    func destinationObjects(_ s: [Unicode.Scalar], _ subjects: [Subject]) -> Set<Int> {
        var out = Set<Int>(), going = false
        for k in subjects.indices.dropFirst() {
            var gap =
                subjects[k - 1].range.upperBound..<max(subjects[k - 1].range.upperBound, subjects[k].range.lowerBound)
            // (`A，今天到B家中`: the going told after a comma, in the clause that names B.)
            if let p = gap.last(where: { Self.clausePunct.contains(s[$0]) }) {
                going = false
                gap = (p + 1)..<gap.upperBound
            }
            if !(going && Punctuation.listJoiners.contains(where: { s[gap].starts(with: $0) })) {
                going = gap.contains { i in
                    let n = rules.roleWords.destinations.match(s, at: i, limit: gap.upperBound)
                    let not = rules.roleWords.notDestinations
                    return n > 0 && not.matchEnding(s, at: i + n, floor: max(0, i - 1)) <= n
                        && not.match(s, at: i, limit: gap.upperBound) <= n
                }
            }
            if going { out.insert(k) }
        }
        return out
    }

    /// `任命A为`, `免去A同志的…职务`: a name right after an appointment word (roles.rules
    /// `appointed`) is its object, no subject of an act told after it.
    func appointed(_ s: [Unicode.Scalar], _ name: Range<Int>, floor: Int) -> Bool {
        rules.roleWords.appointments.matchEnding(s, at: name.lowerBound, floor: floor) > 0
    }

    /// `就X、Y等发言`: a topic (roles.rules `speech-topic`, but 对, which is as often "to": `对记者说`)
    /// right after the speaker that runs, commas and 、 aside, up to the speech trigger at `at`.
    func topicThenSpeech(_ s: [Unicode.Scalar], _ i: Int, _ at: Int) -> Bool {
        // (`A也就…讲了话`: one character of roles.rules `said-gap` right before the topic.)
        var i = i
        if i + 1 < at, rules.roleWords.saidGap.contains(s[i]),
            rules.roleWords.speechTopics.contains(where: { s[(i + 1)..<at].starts(with: $0) })
        {
            i += 1
        }
        guard at > i, at - i <= 120, s[i] != "对",
            rules.roleWords.speechTopics.contains(where: { s[i..<at].starts(with: $0) })
        else {
            return false
        }
        // (`就X发表电视讲话`: a speech verb of two or more in the gap makes it `madeSpeech`'s, with its checks.)
        return !s[i..<at].contains { Self.clausePunct.contains($0) && $0 != "，" }
            && !rules.roleWords.speechVerbs.contains { $0.count >= 2 && Self.firstRange(of: $0, in: s[i..<at]) != nil }
    }

    /// `代表某工委就贯彻…精神，做好…工作作出部署`: on behalf of a body (optional), a topic led by
    /// 就/对/围绕 that may hold commas, then the made-verb right before the trigger.
    func madeSpeechOnTopic(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        var g = gap
        func opensTopic(_ k: Int) -> Bool { rules.roleWords.speechTopics.contains { g[k...].starts(with: $0) } }
        if g.starts(with: Self.onBehalf), let k = g.indices.prefix(16).first(where: opensTopic),
            !g[..<k].contains(where: { Self.clausePunct.contains($0) || $0 == "、" })
        {
            g = g[k...]
        }
        guard opensTopic(g.startIndex), !g.contains(where: { Self.clausePunct.contains($0) && $0 != "，" }) else {
            return false
        }
        // The made-verb belongs to the trigger: in the topic's last clause, a few characters before it.
        let lastClause = g[(g.lastIndex(of: "，") ?? g.startIndex)...].suffix(11)
        guard let verb = rules.roleWords.speechMade.lazy.compactMap({ Self.firstRange(of: $0, in: lastClause) }).first
        else {
            return false
        }
        return g.endIndex - verb.upperBound <= 8
    }
    /// `代表`: on behalf of (`代表全体学员发言`), and a delegate (`会见某会代表`).
    static let onBehalf = Array("代表".unicodeScalars)

    static let madeTitled = ["作了《", "作《"].map { Array($0.unicodeScalars) }

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

    /// Past a post or a rank written after the name (`施瓦布主席在致辞中说`, `罗军部长发表了讲话`,
    /// `A空军上将致辞`) and an honorific (names.rules `honorific`: `A同志`, `A老师发言`).
    func afterPost(_ s: [Unicode.Scalar], _ i: Int, _ limit: Int) -> Int {
        var j = i + rules.posts.match(s, at: i, limit: limit)
        if j == i { j += rules.ranks.match(s, at: i, limit: limit) }
        return j + rules.honorifics.match(s, at: j, limit: limit)
    }

    func clauseOrSentenceEnd(_ t: TaggedSentence, _ s: [Unicode.Scalar], from i: Int, meet: Bool) -> Int {
        var j = i
        while j < t.sentence.range.upperBound, s[j] != "。", s[j] != "；", !(meet && s[j] == "，") { j += 1 }
        return j
    }
}
