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
        let n = files.count
        var slots = [Result<IssueResult, InputError>?](repeating: nil, count: n)
        let lock = NSLock()
        let workers = max(1, min(jobs, n))
        var next = 0
        var done = 0
        var setupError: Error? = nil
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let pipeline: Pipeline
            do { pipeline = try Pipeline(rules: rules) } catch { lock.lock(); setupError = error; lock.unlock(); return }
            while true {
                lock.lock(); let i = next; next += 1; lock.unlock()
                guard i < n else { return }
                let (path, id) = files[i]
                let r: Result<IssueResult, InputError>
                do {
                    guard let data = FileManager.default.contents(atPath: path) else { throw InputError(path: path, reason: "cannot read file") }
                    let text = try TextDecoding.decode(data, path: path, forced: encoding)
                    let date = issueDate ?? IssueInput.date(fromPath: path)
                    // Keep only the records and mentions: the texts are not needed after the run.
                    let full = pipeline.run(IssueInput(id: id, path: path, text: text, issueDate: date))
                    r = .success(IssueResult(issue: full.issue, records: full.records, mentions: full.mentions,
                                             normalized: NormalizedText(), source: SourceText("")))
                } catch let e as InputError { r = .failure(e) } catch { r = .failure(InputError(path: path, reason: "\(error)")) }
                lock.lock(); slots[i] = r; done += 1; let d = done; lock.unlock()
                progress?(d)
            }
        }
        if let e = setupError { throw e }
        var out = Extraction()
        for s in slots {
            switch s! {
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
