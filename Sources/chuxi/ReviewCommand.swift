import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract:
            "Write a sample of stored records to mark up, read a marked sample into corrections, or list orphaned corrections.",
        discussion: """
            chuxi review --db S --out sample.csv [--per-issue N | --random N] [--seed K] [--format csv|markdown]
              writes records with their evidence sentences; each row says confirm. Mark a row reject,
              or fix with field and value; add rows with action add.
            chuxi review --read sample.csv --corrections corrections.csv [--who NAME]
              appends the marked rows to the corrections file (created when missing).
            chuxi review --orphans --db S --corrections corrections.csv
              lists corrections whose record no longer exists (exit 1 when there are some).
            """)
    @Option(name: .long, help: "SQLite store.") var db: String = "chuxi.sqlite"
    @Option(name: .long, help: "Sample file to write.") var out: String?
    @Option(name: .long, help: "Records per issue (default 3).") var perIssue: Int?
    @Option(name: .long, help: "Records drawn from all issues instead.") var random: Int?
    @Option(name: .long, help: "Seed of the draw: the same seed gives the same sample.") var seed: UInt64 = 1
    @Option(name: .long, help: "csv or markdown (default: by --out's extension).") var format: String?
    @Option(name: .long, help: "A marked sample to read back.") var read: String?
    @Option(name: .long, help: "Corrections file to append to (--read) or check (--orphans).") var corrections: String?
    @Option(name: .long, help: "Reviewer for rows that name none (default: $USER).") var who: String?
    @Flag(name: .long, help: "List orphaned corrections.") var orphans = false

    func validate() throws {
        let modes = [out != nil, read != nil, orphans].filter { $0 }.count
        if modes != 1 { throw badValue("give one of --out FILE, --read FILE or --orphans") }
        if perIssue != nil && random != nil { throw badValue("give --per-issue or --random, not both") }
        if let n = perIssue ?? random, n < 1 { throw badValue("the sample size must be at least 1") }
        if let f = format, !["csv", "markdown"].contains(f) { throw badValue("--format \(f) is not csv or markdown") }
        if (read != nil || orphans) && corrections == nil {
            throw badValue("--read and --orphans need --corrections FILE")
        }
    }

    func isMarkdown(_ path: String) -> Bool {
        format == "markdown" || (format == nil && (path.hasSuffix(".md") || path.hasSuffix(".markdown")))
    }

    func run() throws {
        if let o = out { return try writeSample(o) }
        if let r = read { return try readBack(r) }
        let store = try openStore(db)
        guard let c = try CorrectionOptions.load(corrections) else { return }
        let o = c.apply(to: try store.extractedRows()).outcome
        for x in o.orphans { print("orphan: \(x.description) \(x["why"])") }
        for x in o.alreadyExtracted { print("now extracted: \(x.description)") }
        standardError("chuxi review: \(c.items.count) correction(s), \(o.applied) apply, \(o.orphans.count) orphaned")
        if !o.orphans.isEmpty { throw ExitCode(1) }
    }

    func writeSample(_ path: String) throws {
        let store = try openStore(db)
        let rows = ReviewSample.sample(try store.attendanceRows(), perIssue: perIssue, random: random, seed: seed)
        let paths = try store.issuePaths()
        var cache: [String: [[Unicode.Scalar]]?] = [:]
        let review = ReviewSample.reviewRows(rows) { r in
            let issue = r["issue"] ?? ""
            if cache[issue] == nil { cache[issue] = .some(paths[issue].flatMap(ReportWriter.lines(ofFile:))) }
            return ReportWriter.plainSentence(lines: cache[issue]!, evidence: r["evidence"] ?? "")
        }
        try AtomicFile.write(
            isMarkdown(path) ? ReviewSample.markdown(review) : ReviewSample.csv(review), to: URL(fileURLWithPath: path))
        standardError(
            "chuxi review: \(review.count) record(s) of \(Set(rows.map { $0["issue"] ?? "" }).count) issue(s) -> \(path)"
        )
    }

    func readBack(_ path: String) throws {
        guard let d = FileManager.default.contents(atPath: path), let text = String(data: d, encoding: .utf8) else {
            throw badValue("cannot read \(path) as UTF-8")
        }
        let day = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let marked: Corrections
        do {
            marked = try ReviewSample.read(
                text, markdown: isMarkdown(path), who: who ?? ProcessInfo.processInfo.environment["USER"] ?? "reviewer",
                when: day, name: path)
        } catch let e as Corrections.LoadError { throw badValue(e.description) }
        let target = corrections!
        var existing =
            FileManager.default.fileExists(atPath: target) ? (try CorrectionOptions.load(target) ?? .empty) : .empty
        let known = Set(existing.items.map(\.key))
        var added = 0
        for c in marked.items where !known.contains(c.key) { existing.items.append(c); added += 1 }
        try AtomicFile.write(Corrections.csv(existing.items), to: URL(fileURLWithPath: target))
        let counts = Dictionary(grouping: marked.items, by: \.action).mapValues(\.count).sorted { $0.key < $1.key }.map
        { "\($0.value) \($0.key)" }.joined(separator: ", ")
        standardError("chuxi review: \(added) new correction(s) (\(counts)) -> \(target)")
    }
}

extension Corrections.Correction {
    /// Every column, for telling a row already in the file.
    var key: String { Corrections.header.map { self[$0] }.joined(separator: "\u{1F}") }
}
