import Foundation
import XCTest
@testable import ChuxiCore

/// Random and mutated inputs through decoding and the whole pipeline: no crash, and every
/// record still cites a range inside the file. Fixed seed and a bounded number of cases,
/// so a failure is reproducible.
final class FuzzTests: XCTestCase {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    func testMutatedSeedsAndNoiseNeverCrash() throws {
        var rng = SplitMix64(state: 20261123)
        let seeds = try seedPaths().map { try Data(contentsOf: URL(fileURLWithPath: $0.path)) }
        let pipeline = try Pipeline(rules: sharedRules)
        let alphabet = Array("区委书记长主持出席会议、，。（）“”■●\n 0123456789月日年至·等和".unicodeScalars)
        var decoded = 0
        for i in 0..<150 {
            var bytes = [UInt8](seeds[i % seeds.count])
            let start = Int.random(in: 0..<bytes.count, using: &rng)
            bytes = Array(bytes[start..<min(bytes.count, start + Int.random(in: 1...3000, using: &rng))])
            switch i % 3 {
            case 0:
                for _ in 0..<Int.random(in: 1...20, using: &rng) {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            case 1:
                var s = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
                for _ in 0..<Int.random(in: 1...40, using: &rng) where !s.isEmpty {
                    s.insert(alphabet.randomElement(using: &rng)!, at: Int.random(in: 0...s.count, using: &rng))
                }
                bytes = Array(String(String.UnicodeScalarView(s)).utf8)
            default:
                bytes = (0..<Int.random(in: 0...2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            guard let text = try? TextDecoding.decode(Data(bytes), path: "fuzz-\(i)") else { continue }
            decoded += 1
            let r = pipeline.run(IssueInput(id: "fuzz", path: "fuzz", text: text, issueDate: (2024, 1, 1)))
            let n = r.source.scalars.count
            for rec in r.records {
                XCTAssertTrue(rec.source.lowerBound >= 0 && rec.source.upperBound <= n, "case \(i)")
            }
            for m in r.mentions { XCTAssertTrue(m.start <= m.end && m.end <= n, "case \(i)") }
        }
        XCTAssertGreaterThan(decoded, 40)
    }
}
