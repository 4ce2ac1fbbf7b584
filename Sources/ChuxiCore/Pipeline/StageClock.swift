import Foundation

/// Time spent in each stage of the pipeline, summed over the issues a `Pipeline` runs
/// while one is attached (`chuxi bench`); without one the pipeline reads no clock.
public final class StageClock {
    /// What the clock times: the stages of `Stage` that run per issue, and the parts of
    /// `segment` (ICU sentence breaking, finding the candidate clauses, ICU word breaking).
    /// The stage list is `Stage`'s: a stage added there is timed here once `measure` wraps it.
    public enum Timed: Hashable, Sendable, CaseIterable {
        case stage(Stage)
        case part(SegmentPart)
        public enum SegmentPart: String, CaseIterable, Sendable {
            case sentenceBreak = "ICU sentences", candidates = "candidate clauses", wordBreak = "ICU words"
        }
        public static let timedStages: [Stage] = [.normalize, .articles, .segment, .tag, .events]
        /// In the order `chuxi bench` prints them: each part after its stage.
        public static var allCases: [Timed] {
            timedStages.flatMap { s in [.stage(s)] + (s == .segment ? SegmentPart.allCases.map { .part($0) } : []) }
        }
        public var isPart: Bool { if case .part = self { true } else { false } }
        public var name: String {
            switch self {
            case .stage(let s): s.rawValue
            case .part(let p): "segment: " + p.rawValue
            }
        }
    }
    public private(set) var seconds: [Timed: Double] = [:]
    public init() {}

    @inline(__always)
    func measure<T>(_ stage: Timed, _ body: () throws -> T) rethrows -> T {
        let t = DispatchTime.now().uptimeNanoseconds
        defer { seconds[stage, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9 }
        return try body()
    }
}

extension Optional where Wrapped == StageClock {
    /// Runs `body`, timed when a clock is attached.
    @inline(__always)
    func measure<T>(_ stage: StageClock.Timed, _ body: () throws -> T) rethrows -> T {
        guard let c = self else { return try body() }
        return try c.measure(stage, body)
    }
}
