import ChuxiCore
import Foundation

/// Graph files for Neo4j (`neo4j-admin database import full`) and Gephi (spreadsheet import).
public enum GraphExport {
    /// The one CSV writer (quoting, formula-like cells guarded).
    static func line(_ f: [String]) -> String { CSV.line(f) }

    /// Node and relationship files with ID spaces (Person, Organization, Event, Title) and
    /// `;`-separated arrays, as neo4j-admin's CSV header format documents.
    public static func neo4j(_ g: Graph) -> [String: String] {
        var persons = line(["personId:ID(Person)", "name", "jurisdiction", "titles:string[]", ":LABEL"])
        var titles = line(["titleId:ID(Title)", "name", ":LABEL"])
        var held = line([":START_ID(Person)", ":END_ID(Title)", "first", "last", ":TYPE"])
        var titleIds = Set<String>()
        for p in g.persons.values.sorted(by: { $0.id < $1.id }) {
            let ts = p.titles.keys.sorted()
            persons += line([p.id, p.name, p.jurisdiction, ts.joined(separator: ";"), "Person"])
            for t in ts {
                let tid = "T:\(t)"
                if titleIds.insert(tid).inserted { titles += line([tid, t, "Title"]) }
                held += line([p.id, tid, p.titles[t]!.first, p.titles[t]!.last, "HELD_TITLE"])
            }
        }
        var orgs = line(["orgId:ID(Organization)", "name", ":LABEL"])
        for (id, n) in g.organizations.sorted(by: { $0.key < $1.key }) { orgs += line([id, n, "Organization"]) }
        var events = line([
            "eventId:ID(Event)", "name", "date", "issue", "article:int", "kind", "place", "names:string[]",
            "sources:string[]", ":LABEL"
        ])
        for e in g.events.values.sorted(by: { $0.id < $1.id }) {
            events += line([
                e.id, e.name, e.date, e.issue, String(e.article), e.kind, e.place, e.names.joined(separator: ";"),
                e.sources.joined(separator: ";"), "Event"
            ])
        }
        var personEdges = line([":START_ID(Person)", ":END_ID(Event)", "role", "date", "evidence", ":TYPE"])
        var orgEdges = line([":START_ID(Organization)", ":END_ID(Event)", "role", "date", "evidence", ":TYPE"])
        for e in g.attendance {
            let l = line([e.from, e.to, e.role, e.date, e.evidence, e.type])
            if e.from.hasPrefix("O:") { orgEdges += l } else { personEdges += l }
        }
        // Co-attendance (CO_ATTENDED), person–person and organization–person.
        var pp = line([":START_ID(Person)", ":END_ID(Person)", "weight:int", "start", "end", "events:string[]", ":TYPE"]
        )
        var op = line([
            ":START_ID(Organization)", ":END_ID(Person)", "weight:int", "start", "end", "events:string[]", ":TYPE"
        ])
        for c in g.coattendance() {
            let l = line([
                c.source, c.target, String(c.weight), c.start, c.end, c.events.joined(separator: ";"), "CO_ATTENDED"
            ])
            if c.kind == "person-person" { pp += l } else { op += l }
        }
        return [
            "persons.csv": persons, "organizations.csv": orgs, "events.csv": events, "titles.csv": titles,
            "person_event.csv": personEdges, "organization_event.csv": orgEdges, "person_title.csv": held,
            "person_person.csv": pp, "organization_person.csv": op
        ]
    }

    /// The neo4j-admin command that imports the files above.
    public static let neo4jCommand = """
        neo4j-admin database import full --nodes=persons.csv --nodes=organizations.csv --nodes=events.csv --nodes=titles.csv \\
          --relationships=person_event.csv --relationships=organization_event.csv --relationships=person_title.csv \\
          --relationships=person_person.csv --relationships=organization_person.csv neo4j
        """

    /// A node or edge of the analysis files (Gephi CSV, GEXF, GraphML): ids, label,
    /// weight, ISO time span (empty when no date has a year) and text attributes.
    public struct Item {
        public let id, label: String
        public var source = "", target = ""
        public var weight = 0
        public var start = "", end = ""
        /// The days it is present, for a timeline (GEXF `<spells>`): each dated event, so a
        /// pair that met in January and March is absent in February. Start and end bound them.
        public var spells: [(start: String, end: String)] = []
        public var attributes: [(key: String, value: String)] = []
    }

    /// Distinct spells, sorted, and their bounds.
    static func spells(_ s: [(start: String, end: String)]) -> (
        spells: [(start: String, end: String)], start: String, end: String
    ) {
        var seen = Set<String>(), out: [(start: String, end: String)] = []
        for x in s.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) })
        where seen.insert("\(x.start)/\(x.end)").inserted { out.append(x) }
        return (out, out.map(\.start).min() ?? "", out.map(\.end).max() ?? "")
    }

    /// The attendance network for analysis: persons, organizations and events; one edge
    /// per attendee and event (Weight = its records), its roles kept together, so that an
    /// importer that merges parallel edges (Gephi) loses no relation.
    public static func attendanceNetwork(_ g: Graph) -> (nodes: [Item], edges: [Item]) {
        var links: [String: (from: String, to: String, roles: [String], types: [String], weight: Int)] = [:]
        var order: [String] = []
        for e in g.attendance {
            let key = "\(e.from)\u{1F}\(e.to)"
            if links[key] == nil { links[key] = (e.from, e.to, [], [], 0); order.append(key) }
            links[key]!.weight += 1
            if !links[key]!.roles.contains(e.role) {
                links[key]!.roles.append(e.role); links[key]!.types.append(e.type)
            }
        }
        var edges: [Item] = [], days: [String: [(start: String, end: String)]] = [:]
        for key in order.sorted() {
            let l = links[key]!
            let date = g.events[l.to]!.date, iso = Graph.isoSpan(date)
            var it = Item(id: "A:\(l.from)|\(l.to)", label: l.types.joined(separator: ";"))
            it.source = l.from; it.target = l.to; it.weight = l.weight
            it.start = iso?.start ?? ""; it.end = iso?.end ?? ""
            it.attributes = [("roles", l.roles.joined(separator: ";")), ("date", date)]
            edges.append(it)
            if let s = iso { days[l.from, default: []].append(s) }
        }
        return (nodes(g, days: days), edges)
    }

    /// The co-attendance network: persons and organizations, undirected edges weighted by
    /// shared events.
    public static func coattendanceNetwork(_ g: Graph) -> (nodes: [Item], edges: [Item]) {
        let (all, _) = attendanceNetwork(g)
        let edges = g.coattendance().map { c -> Item in
            var it = Item(id: c.id, label: c.kind)
            it.source = c.source; it.target = c.target; it.weight = c.weight
            (it.spells, it.start, it.end) = spells(c.events.compactMap { Graph.isoSpan(g.events[$0]!.date) })
            it.attributes = [("kind", c.kind), ("events", c.events.joined(separator: ";"))]
            return it
        }
        return (all.filter { !$0.id.hasPrefix("E:") }, edges)
    }

    /// Nodes with their attributes; persons and organizations are present on the days of
    /// their dated events (first to last), events on their own date.
    static func nodes(_ g: Graph, days: [String: [(start: String, end: String)]]) -> [Item] {
        var out: [Item] = []
        func item(_ id: String, _ label: String, _ attrs: [(String, String)], _ d: [(start: String, end: String)])
            -> Item
        {
            var it = Item(id: id, label: label); it.attributes = attrs.map { (key: $0.0, value: $0.1) }
            (it.spells, it.start, it.end) = spells(d); return it
        }
        for p in g.persons.values.sorted(by: { $0.id < $1.id }) {
            out.append(
                item(
                    p.id, p.name,
                    [
                        ("type", "Person"), ("jurisdiction", p.jurisdiction),
                        ("titles", p.titles.keys.sorted().joined(separator: ";"))
                    ], days[p.id] ?? []))
        }
        for (id, n) in g.organizations.sorted(by: { $0.key < $1.key }) {
            out.append(item(id, n, [("type", "Organization")], days[id] ?? []))
        }
        for e in g.events.values.sorted(by: { $0.id < $1.id }) {
            out.append(
                item(
                    e.id, e.name,
                    [
                        ("type", "Event"), ("kind", e.kind), ("place", e.place), ("date", e.date),
                        ("names", e.names.joined(separator: ";")), ("sources", e.sources.joined(separator: ";"))
                    ],
                    Graph.isoSpan(e.date).map { [$0] } ?? []))
        }
        return out
    }

    /// Gephi's spreadsheet import: `nodes.csv`, `edges.csv` (attendance, directed) and
    /// `coattendance_edges.csv` (undirected), with `Id`, `Weight` and ISO `Start`/`End`;
    /// a year-less date stays in the `Date` text column only.
    public static func gephi(_ g: Graph) -> [String: String] {
        let (nodes, edges) = attendanceNetwork(g)
        let nodeKeys = ["type", "jurisdiction", "titles", "kind", "place", "date", "names", "sources"]
        var n = line(["Id", "Label", "Start", "End"] + nodeKeys.map(\.capitalized))
        for it in nodes {
            n += line(
                [it.id, it.label, it.start, it.end]
                    + nodeKeys.map { k in it.attributes.first { $0.key == k }?.value ?? "" })
        }
        var e = line(["Id", "Source", "Target", "Type", "Label", "Weight", "Start", "End", "Roles", "Date"])
        for it in edges {
            e += line([
                it.id, it.source, it.target, "Directed", it.label, String(it.weight), it.start, it.end,
                it.attributes[0].value, it.attributes[1].value
            ])
        }
        var c = line(["Id", "Source", "Target", "Type", "Label", "Weight", "Start", "End", "Events"])
        for it in coattendanceNetwork(g).edges {
            c += line([
                it.id, it.source, it.target, "Undirected", it.label, String(it.weight), it.start, it.end,
                it.attributes[1].value
            ])
        }
        return ["nodes.csv": n, "edges.csv": e, "coattendance_edges.csv": c]
    }
}
