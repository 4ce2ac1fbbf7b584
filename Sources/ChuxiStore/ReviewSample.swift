import ChuxiCore
import Foundation

/// `chuxi review`: a sample of the stored records with their evidence sentences, as a
/// file to mark up (CSV or markdown), and the marked file read back into corrections.
/// The sample is a corrections file whose rows say `confirm`: a reviewer changes a row to
/// `reject` or `fix` (field, value) or adds `add` rows; what comes back is every row.
public enum ReviewSample {
    public static let header = Corrections.header + ["sentence"]

    /// SplitMix64: the same seed gives the same sample on every platform.
    struct RNG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `perIssue` records of every issue, or `random` records of all; in store order.
    public static func sample(_ rows: [[String: String]], perIssue: Int?, random: Int?, seed: UInt64) -> [[String:
        String]]
    {
        var rng = RNG(state: seed)
        var picked: [Int] = []
        if let n = random {
            picked = Array(Array(rows.indices).shuffled(using: &rng).prefix(n))
        } else {
            var byIssue: [String: [Int]] = [:]
            for (i, r) in rows.enumerated() { byIssue[r["issue"] ?? "", default: []].append(i) }
            for k in byIssue.keys.sorted() { picked += byIssue[k]!.shuffled(using: &rng).prefix(perIssue ?? 3) }
        }
        return picked.sorted().map { rows[$0] }
    }

    /// Sample rows as review rows: `confirm`, the record's fields, its sentence.
    public static func reviewRows(_ rows: [[String: String]], sentence: ([String: String]) -> String?) -> [[String:
        String]]
    {
        rows.map { r in
            var v: [String: String] = ["action": "confirm"]
            for k in ["issue", "evidence", "attendee", "role", "article", "date", "event", "kind", "titles"] {
                v[k] = r[k] ?? ""
            }
            v["sentence"] = sentence(r) ?? ""
            return v
        }
    }

    public static func csv(_ rows: [[String: String]]) -> String {
        var out = CSV.line(header)
        for r in rows { out += CSV.line(header.map { r[$0] ?? "" }) }
        return out
    }

    static func mdCell(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(
            of: "\n", with: " ")
    }

    public static func markdown(_ rows: [[String: String]]) -> String {
        var out =
            "<!-- chuxi review: set action to reject, or to fix with field (\(Corrections.fields.sorted().joined(separator: ", "))) and value; add rows with action add; fill who and why. -->\n\n"
        out +=
            "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: header.count) + "\n"
        for r in rows { out += "| " + header.map { mdCell(r[$0] ?? "") }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// A markdown table back into CSV text (cells split at unescaped `|`).
    public static func csvOfMarkdown(_ text: String) -> String {
        var rows: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let l = line.trimmingCharacters(in: .whitespaces)
            guard l.hasPrefix("|") else { continue }
            var cells: [String] = [], cur = "", escaped = false
            for c in l.dropFirst() {
                if escaped {
                    cur.append(c); escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "|" {
                    cells.append(cur.trimmingCharacters(in: .whitespaces)); cur = ""
                } else {
                    cur.append(c)
                }
            }
            if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }  // the rule under the header
            rows.append(cells)
        }
        return rows.map { CSV.line($0) }.joined()
    }

    /// A marked sample into corrections: every row kept (confirmations are gold for `eval`),
    /// `who` and `when` filled where the reviewer left them empty.
    public static func read(_ text: String, markdown: Bool, who: String, when: String, name: String) throws
        -> Corrections
    {
        var c = try Corrections.parse(markdown ? csvOfMarkdown(text) : text, name: name)
        for i in c.items.indices {
            c.items[i].values["sentence"] = nil
            if c.items[i]["who"].isEmpty { c.items[i].values["who"] = who }
            if c.items[i]["when"].isEmpty { c.items[i].values["when"] = when }
        }
        return c
    }
}
