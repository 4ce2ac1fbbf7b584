import Foundation

/// Throughput of the pipeline against raw ICU word breaking of the same text, measured in
/// the same run (figures are only compared as ratios; see README, Performance).
public enum Benchmark {
    public struct Figures {
        public var megabytes: Double
        public var icuWordBreak: Double      // seconds
        public var normalize: Double
        public var pipelineOneJob: Double
        public var pipelineJobs: Double
        public var jobs: Int
        public var peakRSSMB: Double
        public var sentencesWordBroken: Int
        public var sentences: Int
    }

    /// The seeds repeated until `megabytes` of UTF-8.
    public static func corpus(from texts: [String], megabytes: Double) -> [String] {
        var out: [String] = [], size = 0
        let target = Int(megabytes * 1_000_000)
        while size < target { for t in texts where size < target { out.append(t); size += t.utf8.count } }
        return out
    }

    static func time(_ f: () throws -> Void) rethrows -> Double {
        let t = DispatchTime.now().uptimeNanoseconds
        try f()
        return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
    }

    /// Peak resident memory of this process (Linux: VmHWM).
    public static func peakRSSMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return Double(line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0) / 1024
    }

    public static func run(corpus docs: [String], rules: RuleSet, jobs: Int) throws -> Figures {
        let mb = Double(docs.reduce(0) { $0 + $1.utf8.count }) / 1e6
        // Raw ICU word breaking of the same text (what a tagger must at least pay for it).
        let brk = try BreakIterator(.word)
        var words = 0
        let icu = time { for d in docs { words &+= brk.boundaries(utf16: Array(d.utf16)).count } }
        let norm = time { for d in docs { _ = Normalizer.normalize(SourceText(d)) } }
        let p = try Pipeline(rules: rules)
        var broken = 0, total = 0
        let one = time {
            for (i, d) in docs.enumerated() { _ = p.run(IssueInput(id: "b\(i)", path: "b", text: d, issueDate: nil)) }
        }
        // Count how many sentences the fast path word-breaks (on one copy of each text).
        let seg = try Segmenter()
        let tagger = Tagger(rules: rules)
        for d in Set(docs) {
            let n = Normalizer.normalize(SourceText(d))
            for par in n.paragraphs { for s in seg.sentences(in: n, paragraph: par, article: 1, words: .candidates { _ in false }) {
                total += 1; if tagger.needsWords(n.scalars, s.range) { broken += 1 }
            } }
        }
        let many = try time { _ = try runParallel(docs, rules: rules, jobs: jobs) }
        return Figures(megabytes: mb, icuWordBreak: icu, normalize: norm, pipelineOneJob: one, pipelineJobs: many,
                       jobs: jobs, peakRSSMB: peakRSSMB(), sentencesWordBroken: broken, sentences: total)
    }

    static func runParallel(_ docs: [String], rules: RuleSet, jobs: Int) throws -> Int {
        try WorkQueue.map(count: docs.count, jobs: jobs, makeWorker: { try Pipeline(rules: rules) }) { p, i in
            p.run(IssueInput(id: "b\(i)", path: "b", text: docs[i], issueDate: nil)).records.count
        }.reduce(0, +)
    }
}
