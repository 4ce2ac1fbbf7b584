import ChuxiCore
import Foundation

/// The who-attended-what graph over every stored issue: persons, organizations, events,
/// titles, and the edges between them.
///
/// Identity: a person seen in many issues is one node when its name agrees and its titles
/// name no conflicting jurisdictions. A jurisdiction is the place a title names at its start
/// (`静安区委书记` -> 静安区, `上海市绿化…局长` -> 上海市); `区委书记` names none. The same name
/// with two or more jurisdictions becomes one node per jurisdiction (records naming none go to
/// the jurisdiction seen most often) and is listed in `conflicts`.
public struct Graph {
    public struct Person {
        public let id, name, jurisdiction: String; public var titles: [String: (first: String, last: String)]
    }
    /// A merged event (`EventMerge`): `name` is the name told most often, `names` every
    /// name the text gave it, `sources` its articles (`issue#article`); `issue`/`article`
    /// are its first source.
    public struct Event {
        public let id, name, date, kind, place, issue: String
        public let article: Int
        public let names, sources: [String]
    }
    public struct Edge {
        public let from, to, type, role, date, evidence: String; public let titles: [String]; public let issue: String;
        public let article: Int
    }

    public var persons: [String: Person] = [:]
    public var organizations: [String: String] = [:]  // id -> name
    public var events: [String: Event] = [:]
    public var attendance: [Edge] = []  // person/org -> event
    public var conflicts: [(name: String, jurisdictions: [String])] = []

    static let placeSuffixes: Set<Character> = ["省", "市", "区", "县", "州", "旗", "盟"]

    /// The place a title names at its start, if any (`静安区委书记` -> `静安区`).
    public static func jurisdiction(ofTitle t: String) -> String? {
        var s = Substring(t)
        if s.hasPrefix("中共") { s = s.dropFirst(2) }
        for (i, c) in s.enumerated() where i >= 1 && i <= 4 && placeSuffixes.contains(c) {
            let place = String(s.prefix(i + 1))
            // `区委`, `市委`: a bare level, no place.
            return place.count >= 3 ? place : nil
        }
        return nil
    }

    /// The edge type of a stored role; a role the store does not know (none is written) attends.
    static func edgeType(_ role: String) -> String { Role(rawValue: role)?.edgeType ?? Role.attend.edgeType }

    /// Year-less dates (`--06-11`) sort by month and day; full dates by themselves.
    public static func dateKey(_ d: String) -> String { d.hasPrefix("--") ? "0000" + d.dropFirst(1) : d }

    /// The ISO days a date covers, for time columns and timelines: `2024-01-19` or a
    /// range `A/B`; nil for year-less and empty dates (they stay text).
    public static func isoSpan(_ d: String) -> (start: String, end: String)? {
        let parts = d.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ IssueInput.parseISODate($0) != nil }) else {
            return nil
        }
        return (parts[0], parts[parts.count - 1])
    }

    /// `known`: the names of a roster (`Roster`): each is one person whatever jurisdictions
    /// their titles name (the roster says who they are).
    public init(rows: [[String: String]], known: Set<String> = []) {
        // Jurisdictions per name, to split conflicting namesakes.
        var jur: [String: [String: Int]] = [:]
        for r in rows where r["kind"] == "person" {
            let js = Set(
                (r["titles"] ?? "").split(separator: ";").compactMap { Self.jurisdiction(ofTitle: String($0)) })
            for j in js { jur[r["attendee"]!, default: [:]][j, default: 0] += 1 }
        }
        for (name, js) in jur.sorted(by: { $0.key < $1.key }) where js.count > 1 && !known.contains(name) {
            conflicts.append((name, js.keys.sorted()))
        }
        let conflicted = Set(conflicts.map(\.name))
        // Nodes first, then events merged over the nodes' attendees.
        var nodeOfRow: [String] = []
        for r in rows {
            let name = r["attendee"] ?? "", date = r["date"] ?? ""
            if r["kind"] == "organization" {
                nodeOfRow.append("O:\(name)"); organizations["O:\(name)"] = name
                continue
            }
            let titles = (r["titles"] ?? "").split(separator: ";").map(String.init)
            var j = ""
            if conflicted.contains(name) {
                j =
                    titles.compactMap(Self.jurisdiction(ofTitle:)).first
                    ?? jur[name]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            } else {
                j = jur[name]?.keys.first ?? ""
            }
            let from = conflicted.contains(name) ? "P:\(name)@\(j)" : "P:\(name)"
            var p = persons[from] ?? Person(id: from, name: name, jurisdiction: j, titles: [:])
            for t in titles {
                if let seen = p.titles[t] {
                    p.titles[t] = (
                        Self.dateKey(date) < Self.dateKey(seen.first) ? date : seen.first,
                        Self.dateKey(date) > Self.dateKey(seen.last) ? date : seen.last
                    )
                } else {
                    p.titles[t] = (date, date)
                }
            }
            persons[from] = p
            nodeOfRow.append(from)
        }
        let (merged, eventOfRow) = EventMerge.merge(rows: rows, nodes: nodeOfRow)
        for (id, m) in merged {
            // `issue#article`: an issue id may hold `#`, the article is after the last one.
            let cut = m.sources[0].lastIndex(of: "#")!
            let issue = String(m.sources[0][..<cut]), article = String(m.sources[0][m.sources[0].index(after: cut)...])
            events[id] = Event(
                id: id, name: m.names[0], date: m.date, kind: m.kind, place: m.place, issue: issue,
                article: Int(article) ?? 0, names: m.names, sources: m.sources)
        }
        for (i, r) in rows.enumerated() {
            let issue = r["issue"] ?? ""
            attendance.append(
                Edge(
                    from: nodeOfRow[i], to: eventOfRow[i], type: Self.edgeType(r["role"] ?? ""),
                    role: r["role"] ?? "", date: r["date"] ?? "", evidence: "\(issue):\(r["evidence"] ?? "")",
                    titles: r["kind"] == "organization"
                        ? [] : (r["titles"] ?? "").split(separator: ";").map(String.init),
                    issue: issue, article: Int(r["article"] ?? "") ?? 0))
        }
    }
}

extension Store {
    /// Rebuilds the derived graph tables from attendance, in one transaction.
    /// The graph of the store's attendance, built in memory: what queries read (they never
    /// write; the batch keeps the graph tables with `refreshGraph`).
    public func graph() throws -> Graph {
        // The roster's names, kept by the batch that used it (none without a roster).
        let known = Set((try meta("roster") ?? "").split(separator: "\n").map(String.init))
        return Graph(rows: try attendanceRows(), known: known)
    }

    public func refreshGraph() throws -> Graph {
        let g = try graph()
        try db.write { db in
            for t in ["persons", "organizations", "events", "titles"] { try db.execute(sql: "DELETE FROM \(t)") }
            for p in g.persons.values {
                try db.execute(sql: "INSERT INTO persons VALUES (?, ?, ?)", arguments: [p.id, p.name, p.jurisdiction])
                for (t, span) in p.titles {
                    try db.execute(
                        sql: "INSERT INTO titles VALUES (?, ?, ?, ?)", arguments: [p.id, t, span.first, span.last])
                }
            }
            for (id, n) in g.organizations {
                try db.execute(sql: "INSERT INTO organizations VALUES (?, ?)", arguments: [id, n])
            }
            for e in g.events.values {
                try db.execute(
                    sql:
                        "INSERT INTO events (id, issue, article, name, date, kind, place, names, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        e.id, e.issue, e.article, e.name, e.date, e.kind, e.place, e.names.joined(separator: ";"),
                        e.sources.joined(separator: ";")
                    ])
            }
        }
        return g
    }
}

extension Role {
    /// The graph edge type of a role (Neo4j relationship type, Gephi edge label). A switch
    /// with no default: a new role does not compile until it has its own edge type.
    public var edgeType: String {
        switch self {
        case .chair: return "CHAIRED"
        case .attend: return "ATTENDED"
        case .observe: return "OBSERVED"
        case .speak: return "SPOKE_AT"
        case .inspect: return "INSPECTED"
        }
    }
}
