import Foundation

/// Events as entities: the records that tell one meeting become one event, whatever the
/// number of articles and names that tell it.
///
/// A *draft* is what one article says of one named event on one date (its records). Drafts
/// of one date merge into one event when they share an attendee and one name holds the
/// other (`市政府第12次常务会议`, `会议`) or both name one counterpart (`会见某国总统某某`);
/// when they are of one kind and share two attendees (`新春团拜会`, `全市团拜会` in two
/// articles); and, within one article, when they are of one kind and share an attendee
/// (`会谈`, `这次会谈`, `会谈后对记者说`) or one name holds the other; within one issue, when
/// one of them only points back at its kind (`这台晚会` in a second story of the day). Names that name
/// different counterparts (`会见甲`, `会见乙`) stay two events: a leader's two 会见 of one
/// day.
/// Undated drafts merge only within their article: nothing else says they are one day.
///
/// The id is derived from date, kind and place (`E:2024-01-19#团拜会@上海市#1`), never from
/// the surface name, so a rule that renames an event keeps its id while its date, kind and
/// place stay; the ordinal tells apart events of one date, kind and place, in order of
/// their first record.
public enum EventMerge {
    /// Event kinds, most specific first within each family. A fixed taxonomy, not
    /// rules/events.rules, so that an id does not move when a rule file grows;
    /// `EventMergeTests` checks that every event noun of the rules has a kind.
    public static let kinds: [String] = [
        "团拜会", "茶话会", "招待会", "宴会", "酒会", "联欢会", "音乐会", "联谊会", "恳谈会", "迎春会", "纪念会", "追悼会",
        "庆典", "国宴", "常务会议", "开幕会", "闭幕会", "全体会议", "扩大会议", "联席会议", "会议", "全会", "座谈会", "推进会",
        "交流会", "研讨会", "发布会", "报告会", "动员会", "部署会", "见面会", "协调会", "讨论会", "学习会", "论坛", "大会",
        "峰会", "年会", "启动仪式", "签约仪式", "揭牌仪式", "开幕式", "闭幕式", "仪式", "典礼", "活动", "博览会", "展览会",
        "交易会", "进博会", "培训班", "研讨班", "学习班", "进修班", "党课", "晚会", "比赛", "现场会", "会见", "会谈",
        "会晤", "宴请", "接见", "接待", "慰问", "看望", "视察", "考察", "调研", "检查", "陪同", "节", "首发式", "首迎式", "揭幕式", "奠基式"
    ]
    /// A name whose kind is none of the above.
    public static let otherKind = "其他"

    /// The kind a name tells: the longest kind it ends with (`市政府第12次常务会议` ->
    /// 常务会议), else the first kind it holds (`会见并宴请了某某` -> 会见), else other.
    public static func kind(of name: String) -> String {
        if let k = kindsByLength.first(where: { name.hasSuffix($0) }) { return k }
        var best: (String.Index, Int, String)?
        for k in kindsByLength {
            guard let r = name.range(of: k) else { continue }
            if best == nil || r.lowerBound < best!.0 || (r.lowerBound == best!.0 && k.count > best!.1) {
                best = (r.lowerBound, k.count, k)
            }
        }
        return best?.2 ?? otherKind
    }
    static let kindsByLength = kinds.sorted { ($0.count, $0) > ($1.count, $1) }

    /// The place a name begins with (`上海市新春团拜会` -> 上海市), as titles name theirs.
    /// A place holds no kind word and none of the words that open a clause (`会见以州长…`,
    /// `某某在广州…` name no place).
    public static func place(of name: String) -> String {
        guard let p = Graph.jurisdiction(ofTitle: name), !kinds.contains(where: { p.contains($0) }),
            !p.unicodeScalars.contains(where: {
                clauseWords.contains($0) || !($0.value >= 0x4E00 && $0.value <= 0x9FFF)
            })
        else { return "" }
        return p
    }
    /// What stands before a kind word in a name that points back (`这台晚会`, `此次会议`).
    static let demonstratives: Set<String> = ["这", "这次", "这台", "这场", "这个", "这一", "此次", "此", "该", "该次", "本次", "上述"]
    static let clauseWords: Set<Unicode.Scalar> = ["在", "以", "与", "同", "和", "对", "向", "为", "的", "见", "赴", "到"]

    /// One merged event: every name the text gave it, and its sources (`issue#article`).
    public struct Merged {
        public var date = "", kind = "", place = ""
        public var names: [String] = []
        public var sources: [String] = []
        public var first = 0  // index of its first record, for the ordinal
    }

    /// `rows[i]` names event `rows[i]["event"]`; `nodes[i]` is its attendee's node id.
    /// Returns the events, with ids, and the event id of each row.
    public static func merge(rows: [[String: String]], nodes: [String]) -> (
        events: [String: Merged], eventOfRow: [String]
    ) {
        // Drafts: one per (issue, article, name, date).
        struct Draft {
            var issue = "", article = "", name = "", date = "", kind = "", attendees = Set<String>(), rows: [Int] = []
            var names = Set<String>()  // the attendees' names
            var counterparts: Set<String> { names.filter { name.contains($0) } }
        }
        var drafts: [Draft] = [], index: [String: Int] = [:]
        for (i, r) in rows.enumerated() {
            let key = [r["issue"] ?? "", r["article"] ?? "", r["event"] ?? "", r["date"] ?? ""].joined(
                separator: "\u{1F}")
            let d =
                index[key]
                ?? {
                    drafts.append(
                        Draft(
                            issue: r["issue"] ?? "", article: r["article"] ?? "", name: r["event"] ?? "",
                            date: r["date"] ?? "", kind: kind(of: r["event"] ?? "")))
                    index[key] = drafts.count - 1; return drafts.count - 1
                }()
            drafts[d].attendees.insert(nodes[i]); drafts[d].rows.append(i)
            if let n = r["attendee"], !n.isEmpty { drafts[d].names.insert(n) }
        }
        // Union-find over drafts; a cluster keeps its counterparts, and two clusters whose
        // names name different counterparts never join (`会见甲` and `会见乙` stay two,
        // whatever links a bare `会见` gives them).
        var parent = Array(drafts.indices)
        var counterparts = drafts.map(\.counterparts)
        func find(_ x: Int) -> Int {
            var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x
        }
        func compatible(_ a: Set<String>, _ b: Set<String>) -> Bool { a.isEmpty || b.isEmpty || !a.isDisjoint(with: b) }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            guard ra != rb, compatible(counterparts[ra], counterparts[rb]) else { return }
            let (keep, gone) = (min(ra, rb), max(ra, rb))
            parent[gone] = keep; counterparts[keep].formUnion(counterparts[gone])
        }
        // A name that only points back at an event of its kind (`晚会`, `这台晚会`, `此次会谈`):
        // in a later article of the same issue (`又讯`, a second dateline) it means the one told before.
        func refersBack(_ d: Draft) -> Bool {
            guard d.kind != otherKind else { return false }
            let rest = d.name.hasSuffix(d.kind) ? String(d.name.dropLast(d.kind.count)) : d.name
            return rest.isEmpty || demonstratives.contains(rest)
        }
        // `会见代表` for `会见出席这次会议的代表`: the shorter name keeps the longer one's head and
        // its last word, and drops what stands between (a second story of one issue retelling it).
        func shortens(_ a: String, _ b: String) -> Bool {
            guard a.count >= 4, b.count > a.count + 1 else { return false }
            return (2...(a.count - 2)).contains { k in b.hasPrefix(a.prefix(k)) && b.hasSuffix(a.dropFirst(k)) }
        }
        func holds(_ a: String, _ b: String) -> Bool { !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a)) }

        // Buckets: a date (dated drafts meet across articles), or an article (undated ones).
        var buckets: [String: [Int]] = [:]
        for (i, d) in drafts.enumerated() {
            buckets[d.date.isEmpty ? "~\(d.issue)#\(d.article)" : d.date, default: []].append(i)
        }
        // Links in tiers, strongest first: 0 one name holds the other with an attendee in
        // common, or both name one counterpart; 1 one kind, two attendees in common; 2 one
        // article (or one issue, where one name only points back, `这台晚会`, or shortens the
        // other, `会见代表`), one kind, an
        // attendee in common; 3 one article, one name holds (or shortens) the other,
        // no attendee in common. Tiers 1-3 join a draft only where all its partners of the
        // tier can be one event with it.
        var tiers = [[Int: [Int]]](repeating: [:], count: 4)
        for ids in buckets.values {
            for (x, i) in ids.enumerated() {
                for j in ids[(x + 1)...] {
                    let a = drafts[i], b = drafts[j]
                    let shared = a.attendees.intersection(b.attendees).count
                    let sameArticle = a.issue == b.issue && a.article == b.article
                    // A bare kind word (`会见`, `团拜会`) is held by every name of its kind: across
                    // articles it is no evidence of its own.
                    let bare = !sameArticle && (a.name == a.kind || b.name == b.kind)
                    var tier: Int?
                    if shared >= 1
                        && ((holds(a.name, b.name) && !bare)
                            || (a.kind == b.kind && !a.counterparts.isDisjoint(with: b.counterparts)))
                    {
                        tier = 0
                    } else if a.kind == b.kind && a.kind != otherKind && shared >= 2 && !a.date.isEmpty {
                        tier = 1
                    } else if (sameArticle
                        || (a.issue == b.issue
                            && (refersBack(a) || refersBack(b) || shortens(a.name, b.name) || shortens(b.name, a.name))))
                        && a.kind == b.kind && shared >= 1
                    {
                        tier = 2
                    } else if sameArticle
                        && (holds(a.name, b.name) || shortens(a.name, b.name) || shortens(b.name, a.name))
                    {
                        tier = 3
                    }
                    guard let t = tier, sameArticle || !a.date.isEmpty else { continue }
                    if t == 0 {
                        union(i, j)
                    } else {
                        tiers[t][i, default: []].append(j); tiers[t][j, default: []].append(i)
                    }
                }
            }
        }
        for links in tiers.dropFirst() {
            // A link joins only when neither end has partners that cannot be one event.
            func unambiguous(_ i: Int) -> Bool {
                let roots = Array(Set(links[i]!.map(find) + [find(i)])).sorted()
                return roots.indices.allSatisfy { x in
                    roots[(x + 1)...].allSatisfy { compatible(counterparts[roots[x]], counterparts[$0]) }
                }
            }
            let ok = Set(links.keys.filter(unambiguous))
            for (i, partners) in links.sorted(by: { $0.key < $1.key }) where ok.contains(i) {
                for j in partners where ok.contains(j) { union(i, j) }
            }
        }
        // Tier 1 again over whole events: two attendees in common counted over all the
        // drafts an event has gathered (one article names the host, another the guest).
        for ids in buckets.values where !ids.isEmpty && !drafts[ids[0]].date.isEmpty {
            var changed = true
            while changed {
                changed = false
                var members: [Int: (kind: Set<String>, attendees: Set<String>)] = [:]
                for i in ids {
                    let r = find(i); members[r, default: ([], [])].kind.insert(drafts[i].kind);
                    members[r]!.attendees.formUnion(drafts[i].attendees)
                }
                let roots = members.keys.sorted()
                outer: for (x, a) in roots.enumerated() {
                    for b in roots[(x + 1)...] {
                        let ma = members[a]!, mb = members[b]!
                        guard !ma.kind.isDisjoint(with: mb.kind),
                            !ma.kind.contains(otherKind) || !mb.kind.contains(otherKind),
                            ma.attendees.intersection(mb.attendees).count >= 2,
                            compatible(counterparts[a], counterparts[b])
                        else { continue }
                        union(a, b); changed = true; break outer
                    }
                }
            }
        }

        // Events: names by number of records then first seen; kind the most specific one
        // given; place the first a name gives.
        var groups: [Int: [Int]] = [:]
        for i in drafts.indices { groups[find(i), default: []].append(i) }
        var merged: [(Merged, [Int])] = []
        for members in groups.values {
            var m = Merged(), count: [String: Int] = [:], firstSeen: [String: Int] = [:]
            var rowsOf: [Int] = []
            for i in members {
                let d = drafts[i]
                m.date = d.date
                count[d.name, default: 0] += d.rows.count
                firstSeen[d.name] = min(firstSeen[d.name] ?? Int.max, d.rows[0])
                rowsOf += d.rows
                let s = "\(d.issue)#\(d.article)"
                if !m.sources.contains(s) { m.sources.append(s) }
            }
            m.names = count.keys.sorted { (count[$1]!, firstSeen[$0]!) < (count[$0]!, firstSeen[$1]!) }
            let ks = members.map { drafts[$0].kind }.filter { $0 != otherKind }
            m.kind = ks.max { ($0.count, $1) < ($1.count, $0) } ?? otherKind
            m.place = m.names.lazy.map(place(of:)).first { !$0.isEmpty } ?? ""
            m.first = rowsOf.min()!
            m.sources.sort()
            merged.append((m, rowsOf))
        }
        // Ids: date (or the article, undated), kind, place, ordinal by first record.
        merged.sort { $0.0.first < $1.0.first }
        var ordinal: [String: Int] = [:]
        var events: [String: Merged] = [:], eventOfRow = [String](repeating: "", count: rows.count)
        for (m, rowsOf) in merged {
            let when = m.date.isEmpty ? "~\(m.sources[0])" : m.date
            let stem = "E:\(when)#\(m.kind)" + (m.place.isEmpty ? "" : "@\(m.place)")
            ordinal[stem, default: 0] += 1
            let id = "\(stem)#\(ordinal[stem]!)"
            events[id] = m
            for r in rowsOf { eventOfRow[r] = id }
        }
        return (events, eventOfRow)
    }
}
