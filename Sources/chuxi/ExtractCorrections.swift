import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

/// `chuxi extract` with corrections: the extraction itself (Extract, unchanged) and then
/// the corrections applied to the attendance.csv it wrote. A wrapper, so that the
/// extraction's own code knows nothing of corrections; without a corrections file the
/// outputs are not touched (byte-identical). --jsonl streams are not corrected.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: Extract.configuration.abstract,
        discussion: Extract.configuration.discussion + """

            Corrections (--corrections FILE, or corrections.csv at the first PATH when it is a
            directory) are applied to attendance.csv after extraction; orphans are listed.
            """)
    @OptionGroup var extract: Extract
    @OptionGroup var correctionOptions: CorrectionOptions
    @OptionGroup var rosterOptions: RosterOptions

    func validate() throws {
        try extract.validate()
        if rosterOptions.roster != nil && extract.jsonl != nil {
            throw badValue("--roster works on files (PATH... --out DIR), not --jsonl")
        }
    }

    func run() throws {
        let corrections = extract.jsonl == nil ? try correctionOptions.load(archive: extract.paths) : nil
        var failure: Error?
        do {
            if let roster = try rosterOptions.load() { try runWithRoster(roster) } else { try extract.run() }
        } catch { failure = error }
        if let c = corrections, let out = extract.out {
            let file = URL(fileURLWithPath: out).appendingPathComponent("attendance.csv")
            if let d = FileManager.default.contents(atPath: file.path), let text = String(data: d, encoding: .utf8) {
                let (rows, outcome) = c.apply(to: try ContractCSV.readAttendance(text))
                var csv = CSV.line(ContractCSV.attendanceHeader)
                for r in rows { csv += CSV.line(ContractCSV.attendanceHeader.map { r[$0] ?? "" }) }
                try AtomicFile.write(csv, to: file)
                reportCorrections(outcome)
                standardError("chuxi: corrections: \(outcome.applied) applied, \(outcome.orphans.count) orphaned")
            }
        }
        if let f = failure { throw f }
    }
}

extension ExtractCommand {
    /// The extraction with a roster: each issue through `Roster.run` (one worker; the
    /// outputs written as Extract writes them).
    func runWithRoster(_ roster: Roster) throws {
        guard let out = extract.out else { return }
        let rules = try extract.ruleOptions.load()
        let listing: InputWalker.Listing
        do { listing = try InputWalker.list(extract.paths) } catch let e as InputError {
            standardError("chuxi: \(e)"); throw ExitCode(2)
        }
        for s in listing.skipped { standardError("chuxi: skipped \(s.path): \(s.reason)") }
        let date = extract.issueDate.flatMap(IssueInput.parseISODate)
        var mismatches: [String] = [], failed = 0
        let pipeline = try Pipeline(rules: rules)
        let summary = try Extraction.write(to: URL(fileURLWithPath: out)) { each in
            for f in listing.files {
                do {
                    let (r, _) = try roster.run(
                        pipeline, path: f.path, id: f.id, issueDate: date, encoding: extract.encoding,
                        format: extract.format)
                    mismatches += roster.titleMismatches(r.records)
                    try each(.success(r))
                } catch let e as InputError {
                    standardError("chuxi: skipped \(f.path): \(e.reason)")
                    failed += 1
                }
            }
        }
        reportRoster(mismatches)
        standardError(
            "chuxi: \(summary.issues) issue(s), \(summary.records) record(s) -> \(out) (roster: \(roster.persons.count) person(s))"
        )
        if failed > 0 || !summary.failures.isEmpty || !listing.skipped.isEmpty { throw ExitCode(2) }
    }
}
