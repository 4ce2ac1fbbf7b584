import Foundation

/// Events as entities: the records that tell one meeting become one event, whatever the
/// number of articles and names that tell it.
///
/// A *draft* is what one article says of one named event on one date (its records). Drafts
/// merge into one event when
/// - they are of one article and date, and one name holds the other (`市政府第12次常务会议`
///   and `会议`) — unless the shorter name would join two events the article tells apart;
/// - they are of different articles (or issues) of one date and kind, and share attendees:
///   one when one name holds the other, two when only the kind agrees (`新春团拜会` and
///   `全市团拜会`), so that a leader's two 会见 of one day stay two events.
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
        "交易会", "进博会", "培训班", "党课", "晚会", "比赛", "现场会", "会见", "会谈", "宴请", "接见", "接待", "慰问",
        "看望", "视察", "考察", "调研", "检查", "陪同", "节",
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
            if best == nil || r.lowerBound < best!.0 || (r.lowerBound == best!.0 && k.count > best!.1) { best = (r.lowerBound, k.count, k) }
        }
        return best?.2 ?? otherKind
    }
    static let kindsByLength = kinds.sorted { ($0.count, $0) > ($1.count, $1) }

    /// The place a name begins with (`上海市新春团拜会` -> 上海市), as titles name theirs.
    public static func place(of name: String) -> String { Graph.jurisdiction(ofTitle: name) ?? "" }

    /// One merged event: every name the text gave it, and its sources (`issue#article`).
    public struct Merged {
        public var date = "", kind = "", place = ""
        public var names: [String] = []
        public var sources: [String] = []
        public var first = 0   // index of its first record, for the ordinal
    }

    /// `rows[i]` names event `rows[i]["event"]`; `nodes[i]` is its attendee's node id.
    /// Returns the events, with ids, and the event id of each row.
    public static func merge(rows: [[String: String]], nodes: [String]) -> (events: [String: Merged], eventOfRow: [String]) {
        // Drafts: one per (issue, article, name, date).
        struct Draft { var issue = "", article = "", name = "", date = "", kind = "", attendees = Set<String>(), rows: [Int] = [] }
        var drafts: [Draft] = [], index: [String: Int] = [:]
        for (i, r) in rows.enumerated() {
            let key = [r["issue"] ?? "", r["article"] ?? "", r["event"] ?? "", r["date"] ?? ""].joined(separator: "\u{1F}")
            let d = index[key] ?? { drafts.append(Draft(issue: r["issue"] ?? "", article: r["article"] ?? "", name: r["event"] ?? "",
                                                        date: r["date"] ?? "", kind: kind(of: r["event"] ?? "")))
                                    index[key] = drafts.count - 1; return drafts.count - 1 }()
            drafts[d].attendees.insert(nodes[i]); drafts[d].rows.append(i)
        }
        var parent = Array(drafts.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
        func union(_ a: Int, _ b: Int) { let (ra, rb) = (find(a), find(b)); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        func holds(_ a: String, _ b: String) -> Bool { !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a)) }

        // Buckets: a date (dated drafts meet across articles), or an article (undated ones).
        var buckets: [String: [Int]] = [:]
        for (i, d) in drafts.enumerated() { buckets[d.date.isEmpty ? "~\(d.issue)#\(d.article)" : d.date, default: []].append(i) }
        // Weak links: a name held by another of its article, no attendee shared. Merged only
        // where all such partners are one event, after the strong links.
        var weak: [Int: [Int]] = [:]
        for ids in buckets.values {
            for (x, i) in ids.enumerated() { for j in ids[(x + 1)...] {
                let a = drafts[i], b = drafts[j]
                let sameArticle = a.issue == b.issue && a.article == b.article
                let shared = a.attendees.intersection(b.attendees).count
                if sameArticle {
                    guard holds(a.name, b.name) else { continue }
                    if shared >= 1 { union(i, j) } else {
                        let short = a.name.count <= b.name.count ? i : j
                        weak[short, default: []].append(short == i ? j : i)
                    }
                } else if a.kind == b.kind && !a.date.isEmpty {
                    if (holds(a.name, b.name) && shared >= 1) || (a.kind != otherKind && shared >= 2) { union(i, j) }
                }
            } }
        }
        for (short, partners) in weak.sorted(by: { $0.key < $1.key }) where Set(partners.map(find)).count == 1 { union(short, partners[0]) }

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
