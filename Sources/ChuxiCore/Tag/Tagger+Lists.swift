/// Lists of names after a titled person, and untitled names at the start of a clause,
/// confirmed by what follows them.
extension Tagger {
    /// Names that continue a list after a person: `副区长龙婉丽、姜坚、李震和张军` share the title
    /// (not across 与, nor to a spouse).
    static let counterpartJoiner = Array("与".unicodeScalars)
    func tagLists(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        var k = 0
        while k < persons.count {
            var p = persons[k]
            var n = p.name.upperBound
            var added: [PersonMention] = []
            while n < sc.b {
                let spouse = Self.spouseJoiners.first(where: { u in n + u.count <= sc.b && sc.s[n...].starts(with: u) })
                let joiner =
                    spouse ?? Self.listJoiners.first(where: { u in n + u.count <= sc.b && sc.s[n...].starts(with: u) })
                let name: Range<Int>
                if let joiner {
                    let j = n + joiner.count
                    if persons.contains(where: { $0.name.lowerBound == j }) { break }
                    guard let next = nameAt(sc, j, .list), followsName(sc, next.upperBound) else { break }
                    name = next
                } else {
                    // `省领导A、B，C，D、E`: a list of two names or more goes on over a comma to a bare
                    // name that itself ends at list punctuation.
                    guard !added.isEmpty, sc.s[n] == "，", n + 1 < sc.b,
                        !persons.contains(where: { $0.name.lowerBound == n + 1 }),
                        let next = nameAt(sc, n + 1, .list),
                        next.upperBound >= sc.b || Self.listEnds.contains(sc.s[next.upperBound])
                    else { break }
                    name = next
                }
                mark(&sc, name)
                // (`区长A与B代表双方签约`: the other side of 与 holds a post of its own.)
                let shares = spouse == nil && joiner != Self.counterpartJoiner
                let m = PersonMention(name: name, titles: shares ? p.titles : [], rule: "names.rules:list")
                added.append(m); p = m
                n = name.upperBound
            }
            persons.insert(contentsOf: added, at: k + 1)
            k += 1 + added.count
        }
    }

    /// Untitled names at the start of a clause, confirmed by what follows (`刘健要求`,
    /// `会议由李新华主持`, `于勇在讲话中强调`).
    func tagClauseInitialNames(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        var i = sc.a
        while i < sc.b {
            let at = clauseStart(sc, i)
            if at.plain || at.extended || at.atPost, !sc.consumed[i - sc.a], let name = nameAt(sc, i, .clauseStart) {
                let j = name.upperBound
                // In those contexts only a list or a trigger right after the name is worth a trial
                // (after `在`: the post).
                if at.extended, !listOrTrigger(sc, at: j) { i += 1; continue }
                if at.atPost, !at.extended, rules.posts.match(sc.s, at: j, limit: sc.b) == 0 { i += 1; continue }
                // A list of untitled names (`钱正华、赵立新、王海宁等出席`) is confirmed by what follows its end.
                var tail = [PersonMention(name: name, titles: [], rule: "names.rules:predicate")]
                var trial = sc
                mark(&trial, name)
                tagLists(&trial, &tail)
                if let end = confirmedEnd(sc, tail, atPost: at.atPost) {
                    sc = trial
                    persons += tail
                    i = end
                    continue
                }
            }
            i += 1
        }
    }

    /// May an untitled name start at `i`: at a clause start (`plain`), after `向` or an
    /// organization with a list or trigger after the name (`extended`), after `在` with a post
    /// after the name (`atPost`)?
    func clauseStart(_ sc: Scan, _ i: Int) -> (plain: Bool, extended: Bool, atPost: Bool) {
        // Also after `向` (`向A、B等6位专家颁发`) and right after an organization
        // (`由省政府新闻办公室张某主持`): what follows must still confirm a person.
        let plain =
            i == sc.a || Self.clausePunct.contains(sc.s[i - 1]) || sc.s[i - 1] == "由" || sc.s[i - 1] == "”"
            || sc.s[i - 1] == " "
        // And after `在` with a post written after the name (`在孙某院长的陪同下`).
        let atPost =
            !plain && sc.s[i - 1] == "在" && rules.surnames.surnameLength(sc.s, at: i) > 0 && postAfterName(sc, i)
        let extended =
            !plain
            && (sc.s[i - 1] == "向"
                || (rules.orgLongSuffixLasts.contains(sc.s[i - 1]) && !rules.nameStops.contains(sc.s[i])
                    && rules.surnames.surnameLength(sc.s, at: i) > 0
                    && rules.orgSuffixes.matchEnding(sc.s, at: i, floor: max(sc.a, i - 3)) >= 2))
            && listOrTriggerAfterName(sc, i)
        return (plain, extended, atPost)
    }

    /// Where a clause-initial name (or list of names, `tail`) ends if what follows confirms
    /// it as persons, else nil.
    func confirmedEnd(_ sc: Scan, _ tail: [PersonMention], atPost: Bool) -> Int? {
        var end = tail.last!.name.upperBound
        var confirmed = false
        let counted = countWord(sc, at: end)  // `A、B、C 6位院士专家`
        if end < sc.b, sc.s[end] == "等" || (counted > 0 && tail.count >= 2) {
            end += sc.s[end] == "等" ? 1 : counted
            confirmed = groupConfirms(sc, from: end, list: tail.count >= 2)
        }
        // `李玮同志代表…`: 同志 after the name.
        let afterComrade = sc.s[end...].starts(with: "同志".unicodeScalars) && tail.count == 1 ? end + 2 : end
        confirmed =
            confirmed || rules.predicates.match(sc.s, at: afterComrade, limit: sc.b) > 0
            || rules.triggerWords.match(sc.s, at: afterComrade, limit: sc.b) > 0
            || triggerInClause(sc, after: afterComrade)
        // `罗军部长发表了讲话`, `赵惠琴副区长首先致辞`: a post written after the name.
        let pl = rules.posts.match(sc.s, at: end, limit: sc.b)
        if !confirmed, pl > 0, tail.count == 1 {
            confirmed = postConfirms(sc, at: end + pl, atPost: atPost)
        }
        return confirmed ? end : nil
    }

    /// After `A、B等` (or a count: `A、B、C 6位`), from `end`: does a trigger follow?
    /// `A、B等区领导出席`: a short group noun, or one ending in a post, may stand between 等 and
    /// the trigger; `A、B等区四套班子领导，…参加`: a group of posts says they are persons.
    func groupConfirms(_ sc: Scan, from end: Int, list: Bool) -> Bool {
        var confirmed = false
        var k = end
        while k < sc.b, k - end <= 8, !confirmed {
            // A longer group noun counts when it ends in a post (`等区四套班子领导参加`).
            confirmed =
                ((k - end <= 6 || rules.posts.matchEnding(sc.s, at: k, floor: end) > 0)
                    && rules.triggerWords.match(sc.s, at: k, limit: sc.b) > 0)
                || (list && rules.posts.matchEnding(sc.s, at: k, floor: end) > 0
                    && (k == sc.b || Self.clausePunct.contains(sc.s[k])))
            if k < sc.b, !isHan(sc.s[k]) { break }
            if !confirmed { k += 1 }
        }
        return confirmed
    }

    /// A post after the name ends at `e2`: does a predicate or trigger follow it?
    func postConfirms(_ sc: Scan, at e2: Int, atPost: Bool) -> Bool {
        var confirmed =
            rules.predicates.match(sc.s, at: e2, limit: sc.b) > 0
            || rules.triggerWords.match(sc.s, at: e2, limit: sc.b) > 0
            || triggerInClause(sc, after: e2)
        // `在孙某院长及院领导的陪同下`: the trigger that closes the `在…下` phrase.
        if atPost, !confirmed {
            var k = e2
            while k < sc.b, k - e2 <= 12, !Self.clausePunct.contains(sc.s[k]), !confirmed {
                confirmed = rules.triggerWords.match(sc.s, at: k, limit: sc.b) > 0; k += 1
            }
        }
        return confirmed
    }

    /// Is there a `、` or a trigger where a name of two to four characters from `i` would end?
    /// (A cheap test before trying a name in the wider clause-start contexts.)
    func listOrTriggerAfterName(_ sc: Scan, _ i: Int) -> Bool {
        ((i + 2)...(i + 4)).contains { listOrTrigger(sc, at: $0) }
    }

    /// Does a post begin where a name of two or three characters from `i` would end?
    func postAfterName(_ sc: Scan, _ i: Int) -> Bool {
        ((i + 2)...(i + 3)).contains { $0 < sc.b && rules.posts.match(sc.s, at: $0, limit: sc.b) >= 2 }
    }

    static let listEnds: ScalarSet = ["、", "，", "。", "；"]

    func listOrTrigger(_ sc: Scan, at j: Int) -> Bool {
        j < sc.b && (sc.s[j] == "、" || rules.triggerWords.match(sc.s, at: j, limit: sc.b) > 0)
    }

    /// Length of a count of persons at `i` (`6位`, `三名`), or 0.
    func countWord(_ sc: Scan, at i: Int) -> Int {
        guard i < sc.b, let (_, e) = Numerals.read(sc.s, i, sc.b), e < sc.b, sc.s[e] == "位" || sc.s[e] == "名" else {
            return 0
        }
        return e + 1 - i
    }

    /// `王南在主席台就座`, `周岩在北京出席`, `于勇在座谈会上表示`: a place phrase with 在
    /// between a name and its trigger (or, after `上`/`中`, its predicate), within the clause.
    func triggerInClause(_ sc: Scan, after end: Int) -> Bool {
        guard end < sc.b else { return false }
        // `X又做了重点强调`, `X还作了讲话`: a speech made, after 也/还/又.
        if "也还又".unicodeScalars.contains(sc.s[end]), end + 1 < sc.b, sc.s[end + 1] == "作" || sc.s[end + 1] == "做" {
            var k = end + 2
            while k < sc.b, k - end <= 10, !Self.clausePunct.contains(sc.s[k]) {
                if triggerLength(sc, at: k) > 0 { return true }
                k += 1
            }
            return false
        }
        guard sc.s[end] == "在" else { return false }
        var k = end + 1
        while k < sc.b, k - end <= 16, !Self.clausePunct.contains(sc.s[k]) {
            if triggerLength(sc, at: k) > 0 { return true }
            if sc.s[k - 1] == "上" || sc.s[k - 1] == "中",
                rules.predicates.match(sc.s, at: k, limit: sc.b) > 0 || sc.s[k] == "作"
            {
                return true
            }
            k += 1
        }
        return false
    }
}

extension Tagger {
    /// `…、叶某、谷某、马某…`: a gap in a list of names — an item between list joiners that
    /// neither the rules nor the model took, with a name after it or two before it — is a
    /// name where the rules read one there (`nameAt` in list context). Runs after the model's
    /// names, which make most untitled guest lists.
    func tagListGaps(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        let s = sc.s
        persons.sort { $0.name.lowerBound < $1.name.lowerBound }
        func joiner(at i: Int) -> Int? {
            Self.listJoiners.first(where: { u in i + u.count <= sc.b && s[i...].starts(with: u) })?.count
        }
        var added: [PersonMention] = []
        for k in persons.indices {
            let p = persons[k]
            // (`A、B，C，老领导D`: a comma goes on with a 、-list, to an item that ends at list punctuation.)
            let comma = p.name.upperBound < sc.b && s[p.name.upperBound] == "，"
            guard let jl = joiner(at: p.name.upperBound) ?? (comma ? 1 : nil) else { continue }
            let j = p.name.upperBound + jl
            guard j < sc.b, !persons.contains(where: { $0.name.lowerBound == j }), !sc.consumed[j - sc.a],
                let next = nameAt(sc, j, .list), followsName(sc, next.upperBound),
                !comma || next.upperBound < sc.b && (s[next.upperBound] == "，" || s[next.upperBound] == "、")
            else { continue }
            let nameAfter =
                joiner(at: next.upperBound).map { l in persons.contains { $0.name.lowerBound == next.upperBound + l } }
                ?? false
            let nameBefore =
                k > 0
                && joiner(at: persons[k - 1].name.upperBound).map {
                    persons[k - 1].name.upperBound + $0 == p.name.lowerBound
                } == true
            guard comma ? nameBefore && s[persons[k - 1].name.upperBound] == "、" : nameAfter || nameBefore else {
                continue
            }
            mark(&sc, next)
            added.append(PersonMention(name: next, titles: [], rule: "names.rules:list-gap"))
        }
        persons += added
        tagListGapsBefore(&sc, &persons)
    }

    /// `还有：严某、金某、魏某`: the items before a listed name that the model did not read (ICU
    /// holds `严明`, `金海` as words) are names when every item back to where the list opens
    /// (`：`, `有`) is one where the rules read a name and the name model leans to a person
    /// (a 、-list of countries opens with none; `有升旗台、钟塔` leans away).
    func tagListGapsBefore(_ sc: inout Scan, _ persons: inout [PersonMention]) {
        let s = sc.s
        for first in persons.filter({ $0.titles.isEmpty }).map(\.name.lowerBound) {
            var chain: [Range<Int>] = [], e = first
            while e - 3 >= sc.a, s[e - 1] == "、" {
                let end = e - 1
                guard
                    let start = stride(from: end - 2, through: max(sc.a + 1, end - 4), by: -1).first(where: { k in
                        (Self.listOpeners.contains(s[k - 1]) || s[k - 1] == "、")
                            && !(k..<end).contains(where: { sc.consumed[$0 - sc.a] }) && nameAt(sc, k, .list) == k..<end
                            && (sc.model?.personLean(k..<end) ?? 0) > 0
                    })
                else { break }
                chain.append(start..<end)
                e = start
                if Self.listOpeners.contains(s[start - 1]) {
                    for r in chain {
                        mark(&sc, r)
                        persons.append(PersonMention(name: r, titles: [], rule: "names.rules:list-gap"))
                    }
                    break
                }
            }
        }
    }
    static let listOpeners: ScalarSet = ["：", ":", "有"]
}
