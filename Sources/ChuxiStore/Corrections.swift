import ChuxiCore
import Foundation
import GRDB

/// Human decisions that survive re-extraction: a CSV of one row per decision, applied to
/// the records after every extraction (`batch`, `export --corrections`, `extract
/// --corrections`), so a rule change never undoes them.
///
/// Header: `action,issue,evidence,attendee,role,field,value,article,date,event,kind,titles,who,when,why`
/// - `reject`: drop the records of `issue` at `evidence` (narrowed by `attendee`/`role` when given).
/// - `fix`: set `field` (attendee, role, date, event, titles, kind) to `value` on those records.
/// - `confirm`: the record is right (a reviewed sample's kept rows; gold for `eval`).
/// - `add`: a record the tool missed: article, date, event, attendee, kind, titles, role, evidence.
///
/// A record is found by its issue and evidence; when a rule change moved the span (a name
/// now one character longer), by a span on the same lines that overlaps it. A correction
/// that finds no record is an orphan: listed, never dropped silently. An `add` the tool now
/// extracts itself is not added twice.
public struct Corrections: Equatable {
    public static let header = [
        "action", "issue", "evidence", "attendee", "role", "field", "value", "article", "date", "event", "kind",
        "titles", "who", "when", "why"
    ]
    public static let actions: Set<String> = ["reject", "fix", "confirm", "add"]
    public static let fields: Set<String> = ["attendee", "role", "date", "event", "titles", "kind"]
    public static let roles: Set<String> = ["chair", "attend", "observe", "speak", "inspect"]

    public struct Correction: Equatable {
        public var line: Int
        public var values: [String: String]
        public subscript(_ k: String) -> String { values[k] ?? "" }
        public var action: String { self["action"] }
        public var description: String {
            let what = action == "fix" ? "fix \(self["field"])=\(self["value"])" : action
            return
                "line \(line): \(what) \(self["issue"]) \(self["evidence"])\(self["attendee"].isEmpty ? "" : " \(self["attendee"])")\(self["who"].isEmpty ? "" : " (\(self["who"]))")"
        }
    }
    public struct LoadError: Error, CustomStringConvertible { public let description: String }
    public struct Outcome: Equatable {
        public var applied = 0
        public var orphans: [Correction] = []
        /// `add`s the tool now extracts itself.
        public var alreadyExtracted: [Correction] = []
    }

    public var items: [Correction]
    public init(items: [Correction] = []) { self.items = items }
    public static let empty = Corrections()

    /// FNV of the rows: what the store keeps to know the file changed.
    public var fingerprint: String {
        ContentHash.of(
            Data(items.map { c in Self.header.map { c[$0] }.joined(separator: "\u{1F}") }.joined(separator: "\n").utf8))
    }

    public static func load(path: String) throws -> Corrections {
        guard let d = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "cannot read corrections \(path)")
        }
        guard let s = String(data: d, encoding: .utf8) else {
            throw LoadError(description: "corrections \(path) is not UTF-8")
        }
        return try parse(s, name: path)
    }

    /// Parses and checks every row; a bad row is an error naming its line (nothing applied).
    public static func parse(_ text: String, name: String = "corrections") throws -> Corrections {
        let rows = CSV.parse(text)
        guard let head = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return Corrections() }
        for need in ["action", "issue"] where !head.contains(need) {
            throw LoadError(description: "\(name): no \(need) column (header: \(header.joined(separator: ",")))")
        }
        var items: [Correction] = []
        for (i, r) in rows.enumerated().dropFirst()
        where !(r.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            var v: [String: String] = [:]
            for (j, h) in head.enumerated() where j < r.count {
                var x = r[j].trimmingCharacters(in: .whitespaces)
                // our own formula guard
                if x.hasPrefix("'") && x.count > 1 && "=+-@".contains(x.dropFirst().first!) { x.removeFirst() }
                v[h] = x
            }
            let c = Correction(line: i + 1, values: v)
            func bad(_ m: String) -> LoadError { LoadError(description: "\(name) line \(i + 1): \(m)") }
            guard actions.contains(c.action) else {
                throw bad("action \"\(c.action)\" is not reject, fix, confirm or add")
            }
            if c["issue"].isEmpty { throw bad("no issue") }
            if c.action == "add" {
                if c["attendee"].isEmpty || c["event"].isEmpty { throw bad("an add needs attendee and event") }
                if !roles.contains(c["role"]) {
                    throw bad("role \"\(c["role"])\" is not one of \(roles.sorted().joined(separator: ", "))")
                }
                if !c["kind"].isEmpty && !["person", "organization"].contains(c["kind"]) {
                    throw bad("kind is person or organization")
                }
                if !c["article"].isEmpty && Int(c["article"]) == nil { throw bad("article is a number") }
            } else if c["evidence"].isEmpty {
                throw bad("a \(c.action) needs the record's evidence (L12:C5-L12:C20)")
            }
            if c.action == "fix" {
                guard fields.contains(c["field"]) else {
                    throw bad("field \"\(c["field"])\" is not one of \(fields.sorted().joined(separator: ", "))")
                }
                if c["field"] == "role" && !roles.contains(c["value"]) {
                    throw bad("role \"\(c["value"])\" is not one of \(roles.sorted().joined(separator: ", "))")
                }
                if c["field"] == "attendee" && c["value"].isEmpty {
                    throw bad("an attendee cannot be empty (reject the record instead)")
                }
            }
            items.append(c)
        }
        return Corrections(items: items)
    }

    /// `L7:C21-L7:C24` as scalar positions (line, column) pairs; nil for other forms (PDF
    /// pages). The report reads evidence spans with it too.
    static func span(_ ev: String) -> (l1: Int, c1: Int, l2: Int, c2: Int)? {
        let ends = ev.split(separator: "-")
        guard ends.count == 2 else { return nil }
        func lc(_ s: Substring) -> (Int, Int)? {
            let p = s.split(separator: ":")
            guard p.count == 2, p[0].first == "L", p[1].first == "C", let l = Int(p[0].dropFirst()),
                let c = Int(p[1].dropFirst())
            else { return nil }
            return (l, c)
        }
        guard let a = lc(ends[0]), let b = lc(ends[1]) else { return nil }
        return (a.0, a.1, b.0, b.1)
    }
    static func overlaps(_ a: String, _ b: String) -> Bool {
        guard let x = span(a), let y = span(b) else { return false }
        return (x.0, x.1) <= (y.2, y.3) && (y.0, y.1) <= (x.2, x.3)
    }

    /// The rows of `c`: same issue, same evidence (else an overlapping span), narrowed by
    /// attendee and role when the correction names them.
    func matches(_ c: Correction, in rows: [[String: String]]) -> [Int] {
        func narrowed(_ idx: [Int]) -> [Int] {
            idx.filter { i in
                (c["attendee"].isEmpty || rows[i]["attendee"] == c["attendee"]
                    || (c["field"] == "attendee" && rows[i]["attendee"] == c["value"]))
                    && (c["role"].isEmpty || rows[i]["role"] == c["role"])
            }
        }
        let same = rows.indices.filter { rows[$0]["issue"] == c["issue"] }
        let exact = narrowed(same.filter { rows[$0]["evidence"] == c["evidence"] })
        if !exact.isEmpty { return exact }
        return narrowed(same.filter { Self.overlaps(rows[$0]["evidence"] ?? "", c["evidence"]) })
    }

    /// Applies every correction, in file order, to contract rows (issue, article, date,
    /// event, attendee, kind, titles, role, evidence). Rows stay in issue, article order.
    public func apply(to input: [[String: String]]) -> (rows: [[String: String]], outcome: Outcome) {
        var rows = input
        var gone = Set<Int>()
        var outcome = Outcome()
        for c in items {
            if c.action == "add" {
                let rec = Self.record(of: c)
                let key = ["issue", "attendee", "event", "role", "date"]
                if rows.indices.contains(where: { i in !gone.contains(i) && key.allSatisfy { rows[i][$0] == rec[$0] } })
                {
                    outcome.alreadyExtracted.append(c); continue
                }
                rows.append(rec); outcome.applied += 1
                continue
            }
            let m = matches(c, in: rows).filter { !gone.contains($0) }
            if m.isEmpty { outcome.orphans.append(c); continue }
            outcome.applied += 1
            for i in m {
                switch c.action {
                case "reject": gone.insert(i)
                case "fix": rows[i][c["field"]] = c["value"]
                default: break
                }
            }
        }
        let kept = rows.enumerated().filter { !gone.contains($0.offset) }
        // Stable: by issue, then article; an added record goes after its article's rows.
        let sorted = kept.sorted { a, b in
            let ka = (a.element["issue"] ?? "", Int(a.element["article"] ?? "") ?? 0),
                kb = (b.element["issue"] ?? "", Int(b.element["article"] ?? "") ?? 0)
            return ka != kb ? ka < kb : a.offset < b.offset
        }
        return (sorted.map(\.element), outcome)
    }

    static func record(of c: Correction) -> [String: String] {
        [
            "issue": c["issue"], "article": c["article"].isEmpty ? "1" : c["article"], "date": c["date"],
            "event": c["event"], "attendee": c["attendee"],
            "kind": c["kind"].isEmpty ? "person" : c["kind"], "titles": c["titles"], "role": c["role"],
            "evidence": c["evidence"].isEmpty ? "added" : c["evidence"]
        ]
    }

    /// The reviewed records as gold for `eval` (issue, attendee, kind, role, titles, date,
    /// event): confirmed and fixed records as corrected, added ones; rejected ones are not.
    /// `pred` is narrowed to the reviewed records (a sample judges only what it holds):
    /// the predicted rows a correction points at, and the adds.
    public func gold(pred: [[String: String]]) -> (gold: [[String: String]], pred: [[String: String]]) {
        var reviewed = Set<Int>()
        for c in items where c.action != "add" { reviewed.formUnion(matches(c, in: pred)) }
        let judged = reviewed.sorted().map { pred[$0] }
        let corrected = apply(to: judged).rows
        var predNarrowed = judged
        // An add the tool extracts is judged too: the predicted row that equals it.
        for c in items where c.action == "add" {
            let rec = Self.record(of: c)
            if let p = pred.first(where: { r in ["issue", "attendee", "event", "role"].allSatisfy { r[$0] == rec[$0] } }
            ), !predNarrowed.contains(p) {
                predNarrowed.append(p)
            }
        }
        var gold = corrected
        for c in items where c.action == "add" {
            let rec = Self.record(of: c); if !gold.contains(rec) { gold.append(rec) }
        }
        return (gold, predNarrowed)
    }

    public static func csv(_ items: [Correction]) -> String {
        var out = CSV.line(header)
        for c in items { out += CSV.line(header.map { c[$0] }) }
        return out
    }
}

extension Store {
    /// Rewrites `attendance` from the extracted rows (`raw_attendance`) with `c` applied, in
    /// one transaction; the graph is refreshed by the caller.
    @discardableResult
    public func applyCorrections(_ c: Corrections) throws -> Corrections.Outcome {
        let raw = try db.read { db in try Self.rows(db, table: "raw_attendance") }
        let (rows, outcome) = c.apply(to: raw)
        try db.write { db in
            try db.execute(sql: "DELETE FROM attendance")
            var seq: [String: Int] = [:]
            for r in rows {
                let issue = r["issue"] ?? ""
                let s = seq[issue, default: 0]; seq[issue] = s + 1
                try db.execute(
                    sql: "INSERT INTO attendance VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        issue, s, Int(r["article"] ?? "") ?? 0, r["date"] ?? "", r["event"] ?? "", r["attendee"] ?? "",
                        r["kind"] ?? "",
                        r["titles"] ?? "", r["role"] ?? "", r["evidence"] ?? ""
                    ])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('corrections', ?)", arguments: [c.fingerprint])
        }
        return outcome
    }

    /// The extracted rows, before corrections.
    public func extractedRows() throws -> [[String: String]] {
        try db.read { db in try Self.rows(db, table: "raw_attendance") }
    }

    static func rows(_ db: GRDB.Database, table: String) throws -> [[String: String]] {
        try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY issue, seq").map { row in
            var d: [String: String] = [:]
            for c in ["issue", "date", "event", "attendee", "kind", "titles", "role", "evidence"] {
                d[c] = row[c] as String
            }
            d["article"] = String(row["article"] as Int)
            return d
        }
    }
}

extension Store {
    /// Issue id -> the path it was read from.
    public func issuePaths() throws -> [String: String] {
        try db.read { db in Dictionary(uniqueKeysWithValues: try GRDBRows.issues(db)) }
    }
}
