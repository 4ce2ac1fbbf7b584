import Foundation

/// Differences between two sets of attendance records, compared as records, not lines.
/// A record's identity is (issue, attendee, kind, event); what it says is its set of
/// (role, titles, date). Same identity with another set = changed; reordering = nothing.
public struct RecordDiff {
    public struct Entry {
        public enum Change: String { case added, removed, changed }
        public let change: Change
        public let issue: String
        public let article: String
        public let attendee: String
        public let kind: String
        public let event: String
        public let old: [String]  // "role titles date" lines, empty when added
        public let new: [String]  // empty when removed
        public let evidence: String
    }
    public var entries: [Entry] = []
    public var isEmpty: Bool { entries.isEmpty }
    public func count(_ c: Entry.Change) -> Int { entries.filter { $0.change == c }.count }

    struct Key: Hashable, Comparable {
        let issue, attendee, kind, event: String
        static func < (a: Key, b: Key) -> Bool {
            (a.issue, a.event, a.attendee, a.kind) < (b.issue, b.event, b.attendee, b.kind)
        }
    }

    static func describe(_ r: [String: String]) -> String {
        let d = (r["date"] ?? "").isEmpty ? "(no date)" : r["date"]!
        let t = (r["titles"] ?? "").isEmpty ? "" : " [\(r["titles"]!)]"
        return "\(r["role"] ?? "")\(t) \(d)"
    }

    static func group(_ rows: [[String: String]]) -> [Key: [[String: String]]] {
        var g: [Key: [[String: String]]] = [:]
        for r in rows {
            g[
                Key(
                    issue: r["issue"] ?? "", attendee: r["attendee"] ?? "", kind: r["kind"] ?? "",
                    event: r["event"] ?? ""), default: []
            ].append(r)
        }
        return g
    }

    public static func compare(old: [[String: String]], new: [[String: String]]) -> RecordDiff {
        let a = group(old), b = group(new)
        var out = RecordDiff()
        for k in Set(a.keys).union(b.keys).sorted() {
            let o = (a[k] ?? []).map(describe).sorted(), n = (b[k] ?? []).map(describe).sorted()
            if Set(o) == Set(n) { continue }
            let ref = (b[k] ?? a[k]!)[0]
            let change: Entry.Change = o.isEmpty ? .added : n.isEmpty ? .removed : .changed
            out.entries.append(
                Entry(
                    change: change, issue: k.issue, article: ref["article"] ?? "", attendee: k.attendee, kind: k.kind,
                    event: k.event, old: o, new: n, evidence: ref["evidence"] ?? ""))
        }
        out.entries.sort {
            ($0.issue, Int($0.article) ?? 0, $0.evidence) < ($1.issue, Int($1.article) ?? 0, $1.evidence)
        }
        return out
    }

    // MARK: rendering

    public func terminal(colour: Bool) -> String {
        func c(_ code: String, _ s: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = "", last = ""
        for e in entries {
            let head = "\(e.issue) article \(e.article)"
            if head != last { out += c("1", head) + "\n"; last = head }
            switch e.change {
            case .added:
                out +=
                    c("32", "+ \(e.attendee) (\(e.kind)) 「\(e.event)」 \(e.new.joined(separator: "; "))")
                    + "  \(e.evidence)\n"
            case .removed:
                out +=
                    c("31", "- \(e.attendee) (\(e.kind)) 「\(e.event)」 \(e.old.joined(separator: "; "))")
                    + "  \(e.evidence)\n"
            case .changed:
                out +=
                    c(
                        "33",
                        "~ \(e.attendee) (\(e.kind)) 「\(e.event)」 \(e.old.joined(separator: "; ")) -> \(e.new.joined(separator: "; "))"
                    ) + "  \(e.evidence)\n"
            }
        }
        out += "\(count(.added)) added, \(count(.removed)) removed, \(count(.changed)) changed\n"
        return out
    }

    public func markdown() -> String {
        var out =
            "### Extraction diff\n\n**\(count(.added)) added, \(count(.removed)) removed, \(count(.changed)) changed**\n"
        if isEmpty { return out + "\nNo difference in records.\n" }
        var byIssue: [String: [Entry]] = [:]
        for e in entries { byIssue[e.issue, default: []].append(e) }
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        for issue in byIssue.keys.sorted() {
            out +=
                "\n#### \(issue)\n\n| | article | attendee | event | before | after | evidence |\n|---|---|---|---|---|---|---|\n"
            for e in byIssue[issue]! {
                let sign = e.change == .added ? "+" : e.change == .removed ? "−" : "~"
                out +=
                    "| \(sign) | \(e.article) | \(cell(e.attendee)) | \(cell(e.event)) | \(cell(e.old.joined(separator: "; "))) | \(cell(e.new.joined(separator: "; "))) | \(e.evidence) |\n"
            }
        }
        return out
    }

    public func json() -> String {
        let arr: [[String: Any]] = entries.map {
            [
                "change": $0.change.rawValue, "issue": $0.issue, "article": $0.article, "attendee": $0.attendee,
                "kind": $0.kind, "event": $0.event, "old": $0.old, "new": $0.new, "evidence": $0.evidence
            ]
        }
        let obj: [String: Any] = [
            "added": count(.added), "removed": count(.removed), "changed": count(.changed), "entries": arr
        ]
        let d = (try? JSONSerialization.data(withJSONObject: obj, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: d, as: UTF8.self) + "\n"
    }
}
