import Foundation

/// A run of `chuxi extract` over many files: parallel over `jobs` workers (one pipeline
/// each), results in input order, so the output does not depend on the number of jobs.
public struct Extraction {
    public struct Failure: Sendable { public let path: String; public let reason: String }
    public var results: [IssueResult] = []
    public var failures: [Failure] = []

    public static func run(files: [(path: String, id: String)], rules: RuleSet, jobs: Int,
                           issueDate: (year: Int, month: Int, day: Int)?, encoding: String? = nil,
                           progress: ((Int) -> Void)? = nil) throws -> Extraction {
        let slots = try WorkQueue.map(count: files.count, jobs: jobs, makeWorker: { try Pipeline(rules: rules) }, progress: progress) {
            pipeline, i -> Result<IssueResult, InputError> in
            let (path, id) = files[i]
            do {
                // Keep only the records and mentions: the texts are not needed after the run.
                let full = try pipeline.run(path: path, id: id, issueDate: issueDate, encoding: encoding).result
                return .success(IssueResult(issue: full.issue, records: full.records, mentions: full.mentions,
                                            normalized: NormalizedText(), source: SourceText("")))
            } catch let e as InputError { return .failure(e) } catch { return .failure(InputError(path: path, reason: "\(error)")) }
        }
        var out = Extraction()
        for s in slots {
            switch s {
            case .success(let r): out.results.append(r)
            case .failure(let e): out.failures.append(Failure(path: e.path, reason: e.reason))
            }
        }
        return out
    }

    /// Writes attendance.csv and mentions.csv into `dir`, each atomically.
    public func write(to dir: URL) throws {
        try AtomicFile.write(ContractCSV.attendance(results.flatMap(\.records)), to: dir.appendingPathComponent("attendance.csv"))
        try AtomicFile.write(ContractCSV.mentions(results.flatMap(\.mentions)), to: dir.appendingPathComponent("mentions.csv"))
    }
}
