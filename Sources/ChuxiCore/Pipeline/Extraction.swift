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

    /// What a worker hands over for one file.
    enum Outcome {
        case done(Result<IssueResult, Failure>)
        /// A large file: run piece by piece when its turn comes (see `stream(files:)`).
        case large
    }

    /// Runs the files and hands each issue's result (records and mentions only: the texts
    /// are dropped) or failure to `each`, in input order. A large file (`Pipeline.isLarge`)
    /// is run by the thread whose turn it is to deliver, piece by piece, each piece handed
    /// over as it is done: its records are never all in memory.
    public static func stream(
        files: [(path: String, id: String)], rules: RuleSet, jobs: Int,
        issueDate: IssueDate?, encoding: String? = nil, format: InputFormat? = nil,
        wholeFileLimit: Int = Pipeline.wholeFileLimit, pieceScalars: Int = Pipeline.pieceScalars,
        makePipeline: (() throws -> Pipeline)? = nil,
        each: (Result<IssueResult, Failure>) throws -> Void
    ) throws {
        let makePipeline = makePipeline ?? { try Pipeline(rules: rules) }
        var large: Pipeline? = nil  // used by one delivering thread at a time
        func failure(_ error: Error, _ path: String) -> Failure {
            if let e = error as? InputError { return Failure(path: e.path, reason: e.reason) }
            return Failure(path: path, reason: "\(error)")
        }
        try WorkQueue.forEachInOrder(
            count: files.count, jobs: jobs, makeWorker: makePipeline,
            { pipeline, i -> Outcome in
                let (path, id) = files[i]
                if Pipeline.isLarge(path, limit: wholeFileLimit, format: format) { return .large }
                do {
                    let r = try pipeline.run(
                        path: path, id: id, issueDate: issueDate, encoding: encoding, format: format,
                        wholeFileLimit: wholeFileLimit, hashing: false
                    ).result
                    return .done(.success(stripped(r)))
                } catch { return .done(.failure(failure(error, path))) }
            },
            deliver: { i, outcome in
                switch outcome {
                case .done(let r): try each(r)
                case .large:
                    let (path, id) = files[i]
                    if large == nil { large = try makePipeline() }
                    do {
                        _ = try large!.run(
                            path: path, id: id, issueDate: issueDate, encoding: encoding, format: format,
                            wholeFileLimit: wholeFileLimit,
                            pieceScalars: pieceScalars
                        ) { try each(.success(stripped($0))) }
                    } catch let e as InputError { try each(.failure(failure(e, path))) }
                }
            })
    }

    /// The same over any source of issues (`chuxi bench` runs a corpus held in memory).
    public static func stream(
        count: Int, rules: RuleSet, jobs: Int, makePipeline: (() throws -> Pipeline)? = nil,
        run: (Pipeline, Int) -> Result<IssueResult, Failure>,
        each: (Result<IssueResult, Failure>) throws -> Void
    ) throws {
        try WorkQueue.forEachInOrder(
            count: count, jobs: jobs, makeWorker: makePipeline ?? { try Pipeline(rules: rules) },
            { p, i in
                run(p, i).map(stripped)
            }, deliver: { _, r in try each(r) })
    }

    /// Records and mentions only: the texts are not needed after the run.
    static func stripped(_ r: IssueResult) -> IssueResult {
        var s = IssueResult(
            issue: r.issue, records: r.records, mentions: r.mentions, normalized: NormalizedText(),
            source: SourceText(""))
        s.articles = r.articles
        return s
    }

    /// All results in memory (tests, small runs); the pieces of a large file are joined.
    public static func run(
        files: [(path: String, id: String)], rules: RuleSet, jobs: Int,
        issueDate: IssueDate?, encoding: String? = nil, format: InputFormat? = nil,
        wholeFileLimit: Int = Pipeline.wholeFileLimit, pieceScalars: Int = Pipeline.pieceScalars
    ) throws -> Extraction {
        var out = Extraction()
        try stream(
            files: files, rules: rules, jobs: jobs, issueDate: issueDate, encoding: encoding, format: format,
            wholeFileLimit: wholeFileLimit, pieceScalars: pieceScalars
        ) { r in
            switch r {
            case .success(let x):
                if let last = out.results.last, last.issue == x.issue {
                    out.results[out.results.count - 1].records += x.records
                    out.results[out.results.count - 1].mentions += x.mentions
                    out.results[out.results.count - 1].articles += x.articles
                } else {
                    out.results.append(x)
                }
            case .failure(let f): out.failures.append(f)
            }
        }
        return out
    }

    /// Writes attendance.csv and mentions.csv into `dir` as the issues come; both files
    /// appear (atomically renamed) only when the whole run is through.
    public static func write(to dir: URL, _ produce: ((Result<IssueResult, Failure>) throws -> Void) throws -> Void)
        throws -> Summary
    {
        let attendance = try AtomicFileWriter(dir.appendingPathComponent("attendance.csv"))
        let mentions = try AtomicFileWriter(dir.appendingPathComponent("mentions.csv"))
        try attendance.append(CSV.line(ContractCSV.attendanceHeader))
        try mentions.append(CSV.line(ContractCSV.mentionsHeader))
        var summary = Summary()
        var rows = CSVBuffer()
        var lastIssue: String? = nil
        try produce { r in
            switch r {
            case .success(let x):
                // The pieces of a large file come one after another: one issue.
                if x.issue != lastIssue { summary.issues += 1; lastIssue = x.issue }
                summary.records += x.records.count; summary.mentions += x.mentions.count
                rows.removeAll(); ContractCSV.attendanceRows(x.records, into: &rows); try attendance.append(rows.bytes)
                rows.removeAll(); ContractCSV.mentionRows(x.mentions, into: &rows); try mentions.append(rows.bytes)
            case .failure(let f): summary.failures.append(f); lastIssue = nil
            }
        }
        try attendance.commit()
        try mentions.commit()
        return summary
    }

    /// Writes what this in-memory run holds into `dir`, each file atomically.
    public func write(to dir: URL) throws {
        try AtomicFile.write(
            ContractCSV.attendance(results.flatMap(\.records)), to: dir.appendingPathComponent("attendance.csv"))
        try AtomicFile.write(
            ContractCSV.mentions(results.flatMap(\.mentions)), to: dir.appendingPathComponent("mentions.csv"))
    }
}
