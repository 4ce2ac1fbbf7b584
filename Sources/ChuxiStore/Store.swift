import ChuxiCore
import Foundation
import GRDB
#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// The embedded store: SQLite through GRDB. Each issue is written in one transaction
/// (its old rows deleted, its new rows and content hash inserted), so a `kill -9` at any
/// moment leaves every issue either wholly old or wholly new; a rerun finishes the rest.
public final class Store {
    public let db: DatabaseQueue

    /// `readOnly`: a query's store (`who`, `events`, `export`, `report`): SQLite refuses
    /// every write (`query_only`), so a query never takes the write lock a running batch
    /// holds, and a store on read-only media can be queried. Every connection waits for a
    /// lock up to `busyTimeout` instead of failing with "database is locked".
    public init(path: String, readOnly: Bool = false) throws {
        var config = Configuration()
        config.busyMode = .timeout(Self.busyTimeout)
        if readOnly {
            config.readonly = true
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only=1") }
        } else {
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")
                // Persistent WAL: the writer leaves `-wal` and `-shm` beside the store when it
                // closes (SQLite deletes them otherwise), so that a query can open the store
                // where it may create no file (a read-only folder, another user's store) and
                // a query never adds files beside it.
                var flag: CInt = 1
                let code = withUnsafeMutablePointer(to: &flag) {
                    sqlite3_file_control(db.sqliteConnection, nil, SQLITE_FCNTL_PERSIST_WAL, $0)
                }
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
            }
        }
        do { db = try DatabaseQueue(path: path, configuration: config) } catch let e as DatabaseError where readOnly {
            // A WAL store without its `-wal`/`-shm` (closed by an older chuxi) in a folder
            // where they cannot be created: SQLite says only "attempt to write a readonly database".
            let wal =
                FileManager.default.fileExists(atPath: path + "-wal")
                && FileManager.default.fileExists(atPath: path + "-shm")
            if !wal && (e.resultCode == .SQLITE_READONLY || e.resultCode == .SQLITE_CANTOPEN) {
                throw StoreError.cannotOpenReadOnly(path)
            }
            throw e
        }
        if readOnly {
            guard try db.read({ try Self.migrator.hasCompletedMigrations($0) }) else {
                throw StoreError.needsUpgrade(path)
            }
        } else {
            try Self.migrator.migrate(db)
        }
    }

    /// Seconds a connection waits for another's lock.
    public static let busyTimeout: TimeInterval = 60

    public enum StoreError: Error, CustomStringConvertible {
        case needsUpgrade(String), cannotOpenReadOnly(String)
        public var description: String {
            switch self {
            case .needsUpgrade(let p):
                return "the store \(p) was written by an older chuxi: run chuxi batch on it once to upgrade it"
            case .cannotOpenReadOnly(let p):
                return
                    "cannot read the store \(p): its folder is not writable and \(p)-wal and \(p)-shm are missing (run chuxi batch on it once where it is writable: the batch leaves them)"
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE issues (id TEXT PRIMARY KEY, path TEXT NOT NULL, content_hash TEXT NOT NULL, extracted_at TEXT NOT NULL);
                    CREATE TABLE articles (issue TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE, number INTEGER NOT NULL, PRIMARY KEY (issue, number));
                    CREATE TABLE attendance (issue TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                        article INTEGER NOT NULL, date TEXT NOT NULL, event TEXT NOT NULL, attendee TEXT NOT NULL, kind TEXT NOT NULL,
                        titles TEXT NOT NULL, role TEXT NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (issue, seq));
                    CREATE INDEX attendance_attendee ON attendance(attendee);
                    CREATE INDEX attendance_date ON attendance(date);
                    CREATE TABLE mentions (issue TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                        article INTEGER NOT NULL, type TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                        PRIMARY KEY (issue, seq));
                    -- The graph, derived from attendance by `refreshGraph` (one transaction).
                    CREATE TABLE persons (id TEXT PRIMARY KEY, name TEXT NOT NULL, jurisdiction TEXT NOT NULL);
                    CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT NOT NULL);
                    CREATE TABLE events (id TEXT PRIMARY KEY, issue TEXT NOT NULL, article INTEGER NOT NULL, name TEXT NOT NULL, date TEXT NOT NULL);
                    CREATE TABLE titles (person TEXT NOT NULL, title TEXT NOT NULL, first_date TEXT NOT NULL, last_date TEXT NOT NULL, PRIMARY KEY (person, title));
                    """)
        }
        m.registerMigration("v2-meta") { db in
            try db.execute(sql: "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        }
        // Merged events (EventMerge): kind, place, every name, every source. The graph
        // tables are derived, so an old store only gains the columns; the next refresh fills them.
        m.registerMigration("v3-merged-events") { db in
            for c in ["kind", "place", "names", "sources"] {
                try db.execute(sql: "ALTER TABLE events ADD COLUMN \(c) TEXT NOT NULL DEFAULT ''")
            }
        }
        // Corrections (Corrections.swift): `attendance` holds the records with the human
        // decisions applied; the extraction itself is kept here, so that decisions are
        // applied again after every batch and a rule change never undoes them.
        m.registerMigration("v4-raw-attendance") { db in
            try db.execute(
                sql: """
                    CREATE TABLE raw_attendance (issue TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                        article INTEGER NOT NULL, date TEXT NOT NULL, event TEXT NOT NULL, attendee TEXT NOT NULL, kind TEXT NOT NULL,
                        titles TEXT NOT NULL, role TEXT NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (issue, seq));
                    INSERT INTO raw_attendance SELECT * FROM attendance;
                    """)
        }
        return m
    }

    public func meta(_ key: String) throws -> String? {
        try db.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }
    public func setMeta(_ key: String, _ value: String) throws {
        try db.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// FNV-1a 64 of a file's bytes: what decides whether an issue changed.
    public static func contentHash(_ data: Data) -> String { ContentHash.of(data) }

    public func storedHashes() throws -> [String: String] {
        try db.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, content_hash FROM issues").map {
                    ($0["id"] as String, $0["content_hash"] as String)
                })
        }
    }

    /// Replaces one issue's rows in a single transaction. Returns (records removed, added).
    @discardableResult
    public func replace(issue r: IssueResult, path: String, hash: String) throws -> (removed: Int, added: Int) {
        let rows = r.records.map { x -> [String: String] in
            [
                "article": String(x.article), "date": x.date, "event": x.event, "attendee": x.attendee, "kind": x.kind,
                "titles": x.titles.joined(separator: ";"), "role": x.role.rawValue, "evidence": x.evidence
            ]
        }
        return try write(issue: r.issue, path: path, hash: hash, rows: rows, mentions: r.mentions)
    }

    /// Replaces one issue's attendance with rows merged from elsewhere (`chuxi merge`);
    /// mentions are not carried by merged partitions.
    @discardableResult
    public func replace(issue: String, rows: [[String: String]], hash: String) throws -> (removed: Int, added: Int) {
        try write(issue: issue, path: issue, hash: hash, rows: rows, mentions: [])
    }

    /// The one transaction per issue: old rows out, new rows and hash in.
    func write(issue: String, path: String, hash: String, rows: [[String: String]], mentions: [MentionRecord]) throws
        -> (removed: Int, added: Int)
    {
        try db.write { db in
            let removed =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attendance WHERE issue = ?", arguments: [issue]) ?? 0
            for t in ["attendance", "raw_attendance", "mentions", "articles"] {
                try db.execute(sql: "DELETE FROM \(t) WHERE issue = ?", arguments: [issue])
            }
            try db.execute(sql: "DELETE FROM issues WHERE id = ?", arguments: [issue])
            try db.execute(
                sql: "INSERT INTO issues (id, path, content_hash, extracted_at) VALUES (?, ?, ?, ?)",
                arguments: [issue, path, hash, ISO8601DateFormatter().string(from: Date())])
            for a in Set(rows.compactMap { Int($0["article"] ?? "") } + mentions.map(\.article)).sorted() {
                try db.execute(sql: "INSERT INTO articles (issue, number) VALUES (?, ?)", arguments: [issue, a])
            }
            for (i, r) in rows.enumerated() {
                for t in ["attendance", "raw_attendance"] {
                    try db.execute(
                        sql: "INSERT INTO \(t) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [
                            issue, i, Int(r["article"] ?? "") ?? 0, r["date"] ?? "", r["event"] ?? "",
                            r["attendee"] ?? "", r["kind"] ?? "",
                            r["titles"] ?? "", r["role"] ?? "", r["evidence"] ?? ""
                        ])
                }
            }
            for (i, m) in mentions.enumerated() {
                try db.execute(
                    sql: "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        issue, i, m.article, m.type.rawValue, m.text, m.start, m.end
                    ])
            }
            return (removed, rows.count)
        }
    }

    /// All attendance rows, in contract order (issue, then position).
    public func attendanceRows() throws -> [[String: String]] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attendance ORDER BY issue, seq").map { row in
                var d: [String: String] = [:]
                for c in ["issue", "date", "event", "attendee", "kind", "titles", "role", "evidence"] {
                    d[c] = row[c] as String
                }
                d["article"] = String(row["article"] as Int)
                return d
            }
        }
    }

    public func attendanceCSV() throws -> String {
        var out = CSV.line(ContractCSV.attendanceHeader)
        for r in try attendanceRows() { out += CSV.line(ContractCSV.attendanceHeader.map { r[$0] ?? "" }) }
        return out
    }
}
