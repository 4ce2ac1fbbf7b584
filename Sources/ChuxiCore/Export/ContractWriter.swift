import Foundation

/// attendance.csv and mentions.csv exactly as ../shared/spec/output-contract.md says.
public enum ContractCSV {
    public static let attendanceHeader = ["issue", "article", "date", "event", "attendee", "kind", "titles", "role", "evidence"]
    public static let mentionsHeader = ["issue", "article", "type", "text", "start", "end"]

    public static func attendance(_ records: [AttendanceRecord]) -> String {
        CSV.line(attendanceHeader) + attendanceRows(records)
    }

    /// Rows without the header (a streamed run appends them issue by issue).
    public static func attendanceRows(_ records: [AttendanceRecord]) -> String {
        var out = ""
        for r in records {
            out += CSV.line([r.issue, String(r.article), r.date, r.event, r.attendee, r.kind, r.titles.joined(separator: ";"), r.role.rawValue, r.evidence])
        }
        return out
    }

    public static func mentions(_ mentions: [MentionRecord]) -> String {
        CSV.line(mentionsHeader) + mentionRows(mentions)
    }

    public static func mentionRows(_ mentions: [MentionRecord]) -> String {
        var out = ""
        for m in mentions {
            out += CSV.line([m.issue, String(m.article), m.type.rawValue, m.text, String(m.start), String(m.end)])
        }
        return out
    }

    /// Reads attendance.csv rows back (for diff and eval); the header decides the columns.
    public static func readAttendance(_ text: String) throws -> [[String: String]] {
        let rows = CSV.parse(text)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().filter { !($0.count == 1 && $0[0].isEmpty) }.map { row in
            var d: [String: String] = [:]
            for (i, h) in header.enumerated() { d[h] = i < row.count ? row[i] : "" }
            return d
        }
    }
}
