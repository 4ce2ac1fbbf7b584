import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

/// Reads a CSV with a header into rows, or fails with exit status 2.
func readRows(_ path: String) throws -> [[String: String]] {
    guard let d = FileManager.default.contents(atPath: path), let s = String(data: d, encoding: .utf8) else {
        standardError("chuxi: cannot read \(path)"); throw ExitCode(2)
    }
    return try ContractCSV.readAttendance(s)
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the records of two output directories (added, removed, changed).",
        discussion: "Exit status: 0 no difference, 1 differences, 2 error (like git diff --exit-code).")

    @Argument(help: "Old output directory (or attendance.csv).") var old: String
    @Argument(help: "New output directory (or attendance.csv).") var new: String
    @Option(name: .long, help: "terminal, markdown or json.") var format: String = "terminal"

    func file(_ p: String) -> String {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: p, isDirectory: &isDir) && isDir.boolValue
            ? (p as NSString).appendingPathComponent("attendance.csv") : p
    }

    func run() throws {
        guard ["terminal", "markdown", "json"].contains(format) else {
            standardError("chuxi: --format must be terminal, markdown or json"); throw ExitCode(2)
        }
        let d = RecordDiff.compare(old: try readRows(file(old)), new: try readRows(file(new)))
        switch format {
        case "markdown": print(d.markdown(), terminator: "")
        case "json": print(d.json(), terminator: "")
        default: print(d.terminal(colour: isatty(1) != 0), terminator: "")
        }
        if !d.isEmpty { throw ExitCode(1) }
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score attendance.csv against a gold file (same rules and figures as score.py).")

    @Option(
        name: .long,
        help:
            "Gold CSV (issue,attendee,kind,role,titles,date,event,optional), or a corrections file (a reviewed sample: its confirmed, fixed and added records; only the reviewed records are scored)."
    ) var gold: String
    @Option(name: .long, help: "Predicted attendance.csv.") var pred: String
    @Option(name: .long, help: "Bylines CSV (issue,name,role): journalists must not be attendees.") var bylines: String?
    @Flag(name: .long, help: "List misses and false records.") var show = false
    @Option(name: .long, help: "Fail (exit 1) when person pairs F1 is below this.") var minPersonF1: Double?
    @Option(name: .long, help: "Fail (exit 1) when person records F1 is below this.") var minRecordsF1: Double?

    func run() throws {
        var goldRows = try readRows(gold), predRows = try readRows(pred)
        if goldRows.first?["action"] != nil
            || (goldRows.isEmpty && (try? String(contentsOfFile: gold, encoding: .utf8))?.hasPrefix("action") == true)
        {
            guard let c = try CorrectionOptions.load(gold) else { return }
            (goldRows, predRows) = c.gold(pred: predRows)
            standardError(
                "chuxi eval: corrections as gold: \(goldRows.count) gold record(s), \(predRows.count) reviewed predicted record(s)"
            )
        }
        let e = Evaluation.evaluate(gold: goldRows, pred: predRows, bylines: try bylines.map(readRows))
        print(e.report(show: show), terminator: "")
        if let m = minPersonF1, e.person.pairs.f1 < m {
            standardError("chuxi: person pairs F1 below \(m)"); throw ExitCode(1)
        }
        if let m = minRecordsF1, e.person.records.f1 < m {
            standardError("chuxi: person records F1 below \(m)"); throw ExitCode(1)
        }
    }
}
