import Foundation

/// Time spent in each stage of the pipeline, summed over the issues a `Pipeline` runs
/// while one is attached (`chuxi bench`); without one the pipeline reads no clock.
public final class StageClock {
    public enum Stage: String, CaseIterable, Sendable {
        case normalize, articles, segment, tag, events
        /// Parts of `segment`: ICU sentence breaking, finding the candidate clauses, ICU word breaking.
        case sentenceBreak = "segment: ICU sentences", candidates = "segment: candidate clauses", wordBreak =
            "segment: ICU words"
        public var isPart: Bool { rawValue.hasPrefix("segment:") }
    }
    public private(set) var seconds: [Stage: Double] = [:]
    public init() {}

    @inline(__always)
    func measure<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let t = DispatchTime.now().uptimeNanoseconds
        defer { seconds[stage, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9 }
        return try body()
    }
}

extension Optional where Wrapped == StageClock {
    /// Runs `body`, timed when a clock is attached.
    @inline(__always)
    func measure<T>(_ stage: StageClock.Stage, _ body: () throws -> T) rethrows -> T {
        guard let c = self else { return try body() }
        return try c.measure(stage, body)
    }
}
