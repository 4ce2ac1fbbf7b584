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
    public struct Person { public let id, name, jurisdiction: String; public var titles: [String: (first: String, last: String)] }
    public struct Event { public let id, name, date, issue: String; public let article: Int }
    public struct Edge { public let from, to, type, role, date, evidence: String }

    public var persons: [String: Person] = [:]
    public var organizations: [String: String] = [:]   // id -> name
    public var events: [String: Event] = [:]
    public var attendance: [Edge] = []                   // person/org -> event
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

    static let edgeType: [String: String] = ["chair": "CHAIRED", "attend": "ATTENDED", "observe": "OBSERVED", "speak": "SPOKE_AT", "inspect": "INSPECTED"]

    /// Year-less dates (`--06-11`) sort by month and day; full dates by themselves.
    public static func dateKey(_ d: String) -> String { d.hasPrefix("--") ? "0000" + d.dropFirst(1) : d }

    public init(rows: [[String: String]]) {
        // Jurisdictions per name, to split conflicting namesakes.
        var jur: [String: [String: Int]] = [:]
        for r in rows where r["kind"] == "person" {
            let js = Set((r["titles"] ?? "").split(separator: ";").compactMap { Self.jurisdiction(ofTitle: String($0)) })
            for j in js { jur[r["attendee"]!, default: [:]][j, default: 0] += 1 }
        }
        for (name, js) in jur.sorted(by: { $0.key < $1.key }) where js.count > 1 { conflicts.append((name, js.keys.sorted())) }
        let conflicted = Set(conflicts.map(\.name))
        for r in rows {
            let name = r["attendee"] ?? "", date = r["date"] ?? "", issue = r["issue"] ?? "", article = Int(r["article"] ?? "") ?? 0
            let eventId = "E:\(issue)#\(article)#\(r["event"] ?? "")#\(date)"
            if events[eventId] == nil { events[eventId] = Event(id: eventId, name: r["event"] ?? "", date: date, issue: issue, article: article) }
            let from: String
            if r["kind"] == "organization" {
                from = "O:\(name)"; organizations[from] = name
            } else {
                let titles = (r["titles"] ?? "").split(separator: ";").map(String.init)
                var j = ""
                if conflicted.contains(name) {
                    j = titles.compactMap(Self.jurisdiction(ofTitle:)).first
                        ?? jur[name]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
                } else { j = jur[name]?.keys.first ?? "" }
                from = conflicted.contains(name) ? "P:\(name)@\(j)" : "P:\(name)"
                var p = persons[from] ?? Person(id: from, name: name, jurisdiction: j, titles: [:])
                for t in titles {
                    if let seen = p.titles[t] {
                        p.titles[t] = (Self.dateKey(date) < Self.dateKey(seen.first) ? date : seen.first,
                                       Self.dateKey(date) > Self.dateKey(seen.last) ? date : seen.last)
                    } else { p.titles[t] = (date, date) }
                }
                persons[from] = p
            }
            attendance.append(Edge(from: from, to: eventId, type: Self.edgeType[r["role"] ?? ""] ?? "ATTENDED",
                                   role: r["role"] ?? "", date: date, evidence: "\(issue):\(r["evidence"] ?? "")"))
        }
    }
}

extension Store {
    /// Rebuilds the derived graph tables from attendance, in one transaction.
    public func refreshGraph() throws -> Graph {
        let g = Graph(rows: try attendanceRows())
        try db.write { db in
            for t in ["persons", "organizations", "events", "titles"] { try db.execute(sql: "DELETE FROM \(t)") }
            for p in g.persons.values {
                try db.execute(sql: "INSERT INTO persons VALUES (?, ?, ?)", arguments: [p.id, p.name, p.jurisdiction])
                for (t, span) in p.titles { try db.execute(sql: "INSERT INTO titles VALUES (?, ?, ?, ?)", arguments: [p.id, t, span.first, span.last]) }
            }
            for (id, n) in g.organizations { try db.execute(sql: "INSERT INTO organizations VALUES (?, ?)", arguments: [id, n]) }
            for e in g.events.values { try db.execute(sql: "INSERT INTO events VALUES (?, ?, ?, ?, ?)", arguments: [e.id, e.issue, e.article, e.name, e.date]) }
        }
        return g
    }
}
