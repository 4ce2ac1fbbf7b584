import ChuxiCore
import Foundation

/// Co-attendance: the one-mode networks researchers ask for first, projected from the
/// merged events (so one meeting told twice counts once). Person–person edges, and
/// organization–person edges (an organization attending with a person).
public struct CoEdge {
    public let source, target: String
    /// `person-person` or `organization-person`.
    public let kind: String
    /// Shared events, ids sorted.
    public let events: [String]
    /// First and last ISO day of the shared events; empty when none of them has a year.
    public let start, end: String
    public var weight: Int { events.count }
    /// The edge's id in every export (`C:` + its ends).
    public var id: String { "C:\(source)|\(target)" }
}

extension Graph {
    /// Every pair of nodes that attended one event, sorted by source then target.
    public func coattendance() -> [CoEdge] {
        var attendees: [String: Set<String>] = [:]
        for e in attendance { attendees[e.to, default: []].insert(e.from) }
        var shared: [String: (kind: String, events: [String])] = [:]  // "a\u{1F}b" -> events
        for (event, nodes) in attendees {
            let people = nodes.filter { $0.hasPrefix("P:") }.sorted(),
                orgs = nodes.filter { $0.hasPrefix("O:") }.sorted()
            for (i, a) in people.enumerated() {
                for b in people[(i + 1)...] {
                    shared["\(a)\u{1F}\(b)", default: ("person-person", [])].events.append(event)
                }
            }
            for o in orgs {
                for p in people { shared["\(o)\u{1F}\(p)", default: ("organization-person", [])].events.append(event) }
            }
        }
        return shared.map { key, v in
            let ends = key.split(separator: "\u{1F}").map(String.init)
            let spans = v.events.compactMap { Graph.isoSpan(events[$0]!.date) }
            return CoEdge(
                source: ends[0], target: ends[1], kind: v.kind, events: v.events.sorted(),
                start: spans.map(\.start).min() ?? "", end: spans.map(\.end).max() ?? "")
        }.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
    }

    /// The label of a node id (person, organization or event).
    public func label(_ id: String) -> String { persons[id]?.name ?? organizations[id] ?? events[id]?.name ?? id }
}

extension GraphExport {
    /// `coattendance.csv`: one row per pair, for pandas and spreadsheets.
    public static func coattendanceCSV(_ g: Graph, _ edges: [CoEdge]) -> String {
        var out = line([
            "Id", "Source", "Target", "Source_name", "Target_name", "Kind", "Weight", "Start", "End", "Events"
        ])
        for e in edges {
            out += line([
                e.id, e.source, e.target, g.label(e.source), g.label(e.target), e.kind, String(e.weight), e.start,
                e.end,
                e.events.joined(separator: ";")
            ])
        }
        return out
    }
}
