import ArgumentParser
import ChuxiCore
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark extraction against raw ICU word breaking on a corpus built from seeds/.",
        discussion: "Build in release first: swift build -c release. Figures are ratios measured in one run.")

    @Option(name: .long, help: "Size of the corpus in MB (the seeds repeated).")
    var mb: Double = 10

    @Option(name: .long, help: "Workers for the parallel figure.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Rounds: each figure is the fastest of these (interleaved) runs.")
    var rounds: Int = 3

    @Option(name: .long, help: "Directory of sample issues.")
    var seeds: String = "seeds"

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.load()
        let texts = try InputWalker.files([seeds]).map { try String(contentsOfFile: $0.path, encoding: .utf8) }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chuxi-bench-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let f = try Benchmark.run(
            corpus: Benchmark.Corpus(texts: texts, megabytes: mb), rules: rules, jobs: jobs, rounds: rounds,
            outputDirectory: tmp)
        func rate(_ s: Double) -> String { String(format: "%8.2f MB/s", f.megabytes / s) }
        func row(_ name: String, _ s: Double, _ note: String = "") {
            print(
                name.padding(toLength: 32, withPad: " ", startingAt: 0) + String(format: "%8.2f s ", s) + rate(s) + note
            )
        }
        print(
            String(
                format: "corpus: %.1f MB, %d issues (seeds repeated); %d cores; %d records; fastest of %d rounds",
                f.megabytes, f.issues,
                ProcessInfo.processInfo.activeProcessorCount, f.records, rounds))
        row("ICU word break (raw)", f.icuWordBreak)
        row(
            "extract --jobs 1", f.extractOneJob,
            String(format: "   ratio to raw ICU word break: %.2f", f.icuWordBreak / f.extractOneJob))
        print(
            String(format: "  stages, from the fastest run with the stage clock attached (%.2f s in all):", f.stagedRun)
        )
        for s in StageClock.Timed.allCases { row((s.isPart ? "    " : "  ") + s.name, f.stages[s] ?? 0) }
        row("  (read, decode, write)", f.stagedRun - f.stages.filter { !$0.key.isPart }.values.reduce(0, +))
        row(
            "extract --jobs \(f.jobs)", f.extractJobs,
            String(
                format: "   speed-up over --jobs 1: %.2f; output %@", f.extractOneJob / f.extractJobs,
                f.identicalOutput ? "identical" : "DIFFERENT"))
        print(String(format: "word-broken text        %.0f%% of scalars (fast path)", f.wordBrokenShare * 100))
        print(String(format: "peak memory             %.0f MB", f.peakRSSMB))
        if !f.identicalOutput { throw ExitCode(1) }
    }
}
