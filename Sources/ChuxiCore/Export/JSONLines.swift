import Foundation

/// JSON lines in and out, for `chuxi extract --jsonl -` as a Spark `RDD.pipe()` stage or a
/// Hadoop Streaming mapper: one issue per input line (`{"path": …, "text": …, "date": …}`),
/// one record per output line (the contract's attendance fields, plus `"type"`).
public enum JSONLines {
    public struct IssueLine: Decodable { public let path: String; public let text: String; public let date: String? }

    public static func parseIssue(_ line: String) throws -> IssueLine {
        try JSONDecoder().decode(IssueLine.self, from: Data(line.utf8))
    }

    /// The issue id of a JSON-lines input: its path without extension.
    public static func issueId(_ path: String) -> String { (path as NSString).deletingPathExtension }

    static func encode(_ obj: [String: Any]) -> String {
        let d = (try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: d, as: UTF8.self)
    }

    public static func record(_ r: AttendanceRecord) -> String {
        encode(["type": "attendance", "issue": r.issue, "article": r.article, "date": r.date, "event": r.event, "attendee": r.attendee,
                "kind": r.kind, "titles": r.titles.joined(separator: ";"), "role": r.role.rawValue, "evidence": r.evidence])
    }
    public static func mention(_ m: MentionRecord) -> String {
        encode(["type": "mention", "issue": m.issue, "article": m.article, "mention_type": m.type.rawValue, "text": m.text, "start": m.start, "end": m.end])
    }
    public static func error(path: String, reason: String) -> String { encode(["type": "error", "path": path, "reason": reason]) }

    /// Attendance rows (as attendance.csv would give them) from record lines; other lines are skipped.
    public static func attendanceRows(_ text: String) -> [[String: String]] {
        var out: [[String: String]] = []
        for line in text.split(separator: "\n") {
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], o["type"] as? String == "attendance" else { continue }
            var r: [String: String] = [:]
            for k in ContractCSV.attendanceHeader { r[k] = o[k].map { "\($0)" } ?? "" }
            out.append(r)
        }
        return out
    }
}
