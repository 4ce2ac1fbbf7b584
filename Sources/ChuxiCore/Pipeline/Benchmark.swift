import Foundation

/// Throughput of the pipeline against raw ICU word breaking of the same text, measured in
/// the same run (figures are only compared as ratios; see README, Performance). The corpus
/// is the seeds repeated, held once: its size costs no memory, so the peak memory figure is
/// the pipeline's own. Extraction reads it from one file per issue, as `chuxi extract` does.
public enum Benchmark {
    public struct Figures {
        public var megabytes: Double
        public var issues: Int
        public var icuWordBreak: Double  // seconds
        /// `extract --jobs 1` end to end (pipeline and streamed CSV writing), and its stages.
        public var extractOneJob: Double
        /// Seconds per stage, from the fastest of the `--jobs 1` runs made with the stage clock
        /// attached (`stagedRun` seconds in all: the clock costs a little).
        public var stages: [StageClock.Timed: Double]
        public var stagedRun: Double
        public var extractJobs: Double
        public var jobs: Int
        public var identicalOutput: Bool
        public var peakRSSMB: Double
        /// Share of the text's scalars that go through ICU word breaking on the fast path.
        public var wordBrokenShare: Double
        public var records: Int
    }

    /// A corpus of `megabytes` of UTF-8: issue `i` is `texts[i % texts.count]`.
    public struct Corpus {
        public let texts: [String]
        public let count: Int
        public let bytes: Int
        public init(texts: [String], megabytes: Double) {
            self.texts = texts
            let target = Int(megabytes * 1_000_000), sizes = texts.map(\.utf8.count)
            var n = 0, size = 0
            while size < target && !texts.isEmpty { size += sizes[n % texts.count]; n += 1 }
            count = n; bytes = size
        }
        public subscript(i: Int) -> String { texts[i % texts.count] }
    }

    static func time(_ f: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds
        try f()
        return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
    }

    /// Peak resident memory of this process (Linux: VmHWM).
    public static func peakRSSMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Double(line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) / 1024
    }

    /// `rounds`: each measurement is repeated, interleaved with the others, and the fastest
    /// round kept, so that a noisy neighbour on a shared machine slows no figure alone.
    public static func run(corpus: Corpus, rules: RuleSet, jobs: Int, rounds: Int = 3, outputDirectory: URL) throws
        -> Figures
    {
        let brk = try BreakIterator(.word)
        var words = 0
        let oneDir = outputDirectory.appendingPathComponent("jobs1"),
            manyDir = outputDirectory.appendingPathComponent("jobs\(jobs)")
        var icu = Double.infinity, one = Double.infinity, many = Double.infinity, staged = Double.infinity
        var stages: [StageClock.Timed: Double] = [:], records = 0
        let files = try writeFiles(corpus, to: outputDirectory.appendingPathComponent("corpus"))
        sync()  // an archive is on disk already: the writeback of the corpus is not the run's cost
        for _ in 0..<max(1, rounds) {
            // Raw ICU word breaking of the same text: what any tagger built on it pays at least.
            icu = min(
                icu, time { for i in 0..<corpus.count { words &+= brk.offsets(utf16: Array(corpus[i].utf16)).count } })
            one = min(
                one, try time { records = try extract(files, rules: rules, jobs: 1, to: oneDir, clock: nil).records })
            many = min(many, try time { _ = try extract(files, rules: rules, jobs: jobs, to: manyDir, clock: nil) })
            // The stages are timed in a run of their own: reading the clock around every
            // sentence costs a few percent, which the end-to-end figure above does not pay.
            let clock = StageClock()
            let t = try time { _ = try extract(files, rules: rules, jobs: 1, to: oneDir, clock: clock) }
            if t < staged { staged = t; stages = clock.seconds }
        }
        // Compared by streamed hashes: the outputs of a large corpus do not fit the memory budget.
        let same = try ["attendance.csv", "mentions.csv"].allSatisfy {
            try ContentHash.ofFile(oneDir.appendingPathComponent($0).path)
                == ContentHash.ofFile(manyDir.appendingPathComponent($0).path)
        }
        return Figures(
            megabytes: Double(corpus.bytes) / 1e6, issues: corpus.count, icuWordBreak: icu, extractOneJob: one,
            stages: stages, stagedRun: staged, extractJobs: many, jobs: jobs, identicalOutput: same,
            peakRSSMB: peakRSSMB(), wordBrokenShare: try wordBrokenShare(corpus.texts, rules: rules), records: records)
    }

    /// What `chuxi extract --jobs N` does: from files (reading, decoding, hashing included)
    /// to attendance.csv and mentions.csv.
    static func extract(
        _ files: [(path: String, id: String)], rules: RuleSet, jobs: Int, to dir: URL, clock: StageClock?
    ) throws -> Extraction.Summary {
        try Extraction.write(to: dir) { each in
            try Extraction.stream(
                files: files, rules: rules, jobs: jobs, issueDate: nil,
                makePipeline: {
                    let p = try Pipeline(rules: rules); p.clock = clock; return p
                }, each: each)
        }
    }

    /// The corpus as files, one issue each, in `dir`.
    static func writeFiles(_ corpus: Corpus, to dir: URL) throws -> [(path: String, id: String)] {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try (0..<corpus.count).map { i in
            let id = String(format: "%07d", i), path = dir.appendingPathComponent(id + ".txt").path
            try Data(corpus[i].utf8).write(to: URL(fileURLWithPath: path))
            return (path, id)
        }
    }

    static func wordBrokenShare(_ texts: [String], rules: RuleSet) throws -> Double {
        let seg = try Segmenter(), tagger = Tagger(rules: rules)
        var broken = 0, total = 0
        for d in texts {
            let n = Normalizer.normalize(SourceText(d))
            for par in n.paragraphs {
                total += par.count
                broken += seg.clausesToBreak(n, par) { tagger.needsWords(n.scalars, $0) }.reduce(0) { $0 + $1.count }
            }
        }
        return total == 0 ? 0 : Double(broken) / Double(total)
    }
}
