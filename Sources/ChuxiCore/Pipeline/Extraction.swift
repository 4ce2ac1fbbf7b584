import Foundation

/// A run of `chuxi extract` over many files: parallel over `jobs` workers (one pipeline
/// each), results delivered in input order, so the output does not depend on the number
/// of jobs. `write` streams: each issue's rows go to disk once it and those before it are
/// done, so memory does not grow with the number of issues.
public struct Extraction {
    public struct Failure: Error, Sendable { public let path: String; public let reason: String }
    public struct Summary: Sendable {
        public var issues = 0, records = 0, mentions = 0
        public var failures: [Failure] = []
    }
    public var results: [IssueResult] = []
    public var failures: [Failure] = []

    /// Runs the files and hands each issue's result (records and mentions only: the texts
    /// are dropped) or failure to `each`, in input order.
    public static func stream(files: [(path: String, id: String)], rules: RuleSet, jobs: Int,
                              issueDate: (year: Int, month: Int, day: Int)?, encoding: String? = nil,
                              each: (Result<IssueResult, Failure>) throws -> Void) throws {
        try stream(count: files.count, rules: rules, jobs: jobs, run: { pipeline, i in
            let (path, id) = files[i]
            do { return .success(try pipeline.run(path: path, id: id, issueDate: issueDate, encoding: encoding).result) }
            catch let e as InputError { return .failure(Failure(path: e.path, reason: e.reason)) }
            catch { return .failure(Failure(path: path, reason: "\(error)")) }
        }, each: each)
    }

    /// The same over any source of issues (`chuxi bench` runs a corpus held in memory).
    public static func stream(count: Int, rules: RuleSet, jobs: Int, makePipeline: (() throws -> Pipeline)? = nil,
                              run: (Pipeline, Int) -> Result<IssueResult, Failure>,
                              each: (Result<IssueResult, Failure>) throws -> Void) throws {
        try WorkQueue.forEachInOrder(count: count, jobs: jobs, makeWorker: makePipeline ?? { try Pipeline(rules: rules) }, { p, i in
            run(p, i).map { IssueResult(issue: $0.issue, records: $0.records, mentions: $0.mentions,
                                        normalized: NormalizedText(), source: SourceText("")) }
        }, deliver: { _, r in try each(r) })
    }

    /// All results in memory (tests, small runs).
    public static func run(files: [(path: String, id: String)], rules: RuleSet, jobs: Int,
                           issueDate: (year: Int, month: Int, day: Int)?, encoding: String? = nil) throws -> Extraction {
        var out = Extraction()
        try stream(files: files, rules: rules, jobs: jobs, issueDate: issueDate, encoding: encoding) { r in
            switch r {
            case .success(let x): out.results.append(x)
            case .failure(let f): out.failures.append(f)
            }
        }
        return out
    }

    /// Writes attendance.csv and mentions.csv into `dir` as the issues come; both files
    /// appear (atomically renamed) only when the whole run is through.
    public static func write(to dir: URL, _ produce: ((Result<IssueResult, Failure>) throws -> Void) throws -> Void) throws -> Summary {
        let attendance = try AtomicFileWriter(dir.appendingPathComponent("attendance.csv"))
        let mentions = try AtomicFileWriter(dir.appendingPathComponent("mentions.csv"))
        try attendance.append(CSV.line(ContractCSV.attendanceHeader))
        try mentions.append(CSV.line(ContractCSV.mentionsHeader))
        var summary = Summary()
        var rows = CSVBuffer()
        try produce { r in
            switch r {
            case .success(let x):
                summary.issues += 1; summary.records += x.records.count; summary.mentions += x.mentions.count
                rows.removeAll(); ContractCSV.attendanceRows(x.records, into: &rows); try attendance.append(rows.bytes)
                rows.removeAll(); ContractCSV.mentionRows(x.mentions, into: &rows); try mentions.append(rows.bytes)
            case .failure(let f): summary.failures.append(f)
            }
        }
        try attendance.commit()
        try mentions.commit()
        return summary
    }

    /// Writes what this in-memory run holds into `dir`, each file atomically.
    public func write(to dir: URL) throws {
        try AtomicFile.write(ContractCSV.attendance(results.flatMap(\.records)), to: dir.appendingPathComponent("attendance.csv"))
        try AtomicFile.write(ContractCSV.mentions(results.flatMap(\.mentions)), to: dir.appendingPathComponent("mentions.csv"))
    }
}
