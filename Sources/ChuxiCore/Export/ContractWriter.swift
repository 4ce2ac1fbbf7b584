import Foundation

/// attendance.csv and mentions.csv exactly as ../shared/spec/output-contract.md says.
public enum ContractCSV {
    public static let attendanceHeader = [
        "issue", "article", "date", "event", "attendee", "kind", "titles", "role", "evidence"
    ]
    public static let mentionsHeader = ["issue", "article", "type", "text", "start", "end"]

    public static func attendance(_ records: [AttendanceRecord]) -> String {
        var w = CSVBuffer()
        w.row(attendanceHeader)
        attendanceRows(records, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Rows without the header (a streamed run appends them issue by issue).
    public static func attendanceRows(_ records: [AttendanceRecord], into w: inout CSVBuffer) {
        for r in records {
            w.field(r.issue); w.field(r.article); w.field(r.date); w.field(r.event); w.field(r.attendee);
            w.field(r.kind)
            w.field(r.titles.joined(separator: ";")); w.field(r.role.rawValue); w.field(r.evidence)
            w.endRow()
        }
    }

    public static func mentions(_ mentions: [MentionRecord]) -> String {
        var w = CSVBuffer()
        w.row(mentionsHeader)
        mentionRows(mentions, into: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    public static func mentionRows(_ mentions: [MentionRecord], into w: inout CSVBuffer) {
        for m in mentions {
            w.field(m.issue); w.field(m.article); w.field(m.type.rawValue); w.field(m.text); w.field(m.start);
            w.field(m.end)
            w.endRow()
        }
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
