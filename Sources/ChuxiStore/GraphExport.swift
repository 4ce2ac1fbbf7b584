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
        var events = line(["eventId:ID(Event)", "name", "date", "issue", "article:int", ":LABEL"])
        for e in g.events.values.sorted(by: { $0.id < $1.id }) { events += line([e.id, e.name, e.date, e.issue, String(e.article), "Event"]) }
        var personEdges = line([":START_ID(Person)", ":END_ID(Event)", "role", "date", "evidence", ":TYPE"])
        var orgEdges = line([":START_ID(Organization)", ":END_ID(Event)", "role", "date", "evidence", ":TYPE"])
        for e in g.attendance {
            let l = line([e.from, e.to, e.role, e.date, e.evidence, e.type])
            if e.from.hasPrefix("O:") { orgEdges += l } else { personEdges += l }
        }
        return ["persons.csv": persons, "organizations.csv": orgs, "events.csv": events, "titles.csv": titles,
                "person_event.csv": personEdges, "organization_event.csv": orgEdges, "person_title.csv": held]
    }

    /// The neo4j-admin command that imports the files above.
    public static let neo4jCommand = """
    neo4j-admin database import full --nodes=persons.csv --nodes=organizations.csv --nodes=events.csv --nodes=titles.csv \\
      --relationships=person_event.csv --relationships=organization_event.csv --relationships=person_title.csv neo4j
    """

    /// Gephi: one node table and one edge table.
    public static func gephi(_ g: Graph) -> [String: String] {
        var nodes = line(["Id", "Label", "Type", "Jurisdiction", "Date"])
        for p in g.persons.values.sorted(by: { $0.id < $1.id }) { nodes += line([p.id, p.name, "Person", p.jurisdiction, ""]) }
        for (id, n) in g.organizations.sorted(by: { $0.key < $1.key }) { nodes += line([id, n, "Organization", "", ""]) }
        for e in g.events.values.sorted(by: { $0.id < $1.id }) { nodes += line([e.id, e.name, "Event", "", e.date]) }
        var edges = line(["Source", "Target", "Type", "Label", "Date"])
        for e in g.attendance { edges += line([e.from, e.to, "Directed", e.type, e.date]) }
        return ["nodes.csv": nodes, "edges.csv": edges]
    }
}
