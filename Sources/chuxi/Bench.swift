import ArgumentParser
import ChuxiCore
import Foundation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the pipeline against raw ICU word breaking on a corpus built from seeds/.",
        discussion: "Build in release first: swift build -c release. Figures are ratios measured in one run.")

    @Option(name: .long, help: "Size of the corpus in MB (the seeds repeated).")
    var mb: Double = 10

    @Option(name: .long, help: "Workers for the parallel figure.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Directory of sample issues.")
    var seeds: String = "seeds"

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.load()
        let texts = try InputWalker.files([seeds]).map { try String(contentsOfFile: $0.path, encoding: .utf8) }
        let f = try Benchmark.run(corpus: Benchmark.corpus(from: texts, megabytes: mb), rules: rules, jobs: jobs)
        func rate(_ s: Double) -> String { String(format: "%7.2f MB/s", f.megabytes / s) }
        print(String(format: "corpus                 %.1f MB (seeds repeated), %d cores", f.megabytes, ProcessInfo.processInfo.activeProcessorCount))
        print("ICU word break (raw)   \(rate(f.icuWordBreak))")
        print("normalize              \(rate(f.normalize))")
        print("pipeline --jobs 1      \(rate(f.pipelineOneJob))   ratio to raw ICU word break: \(String(format: "%.2f", f.icuWordBreak / f.pipelineOneJob))")
        print("pipeline --jobs \(f.jobs)      \(rate(f.pipelineJobs))   speed-up over --jobs 1: \(String(format: "%.2f", f.pipelineOneJob / f.pipelineJobs))")
        print("sentences word-broken  \(f.sentencesWordBroken) of \(f.sentences)")
        print(String(format: "peak memory            %.0f MB", f.peakRSSMB))
    }
}
