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

    func validate() throws { try extract.validate() }

    func run() throws {
        let corrections = extract.jsonl == nil ? try correctionOptions.load(archive: extract.paths) : nil
        var failure: Error?
        do { try extract.run() } catch { failure = error }
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
