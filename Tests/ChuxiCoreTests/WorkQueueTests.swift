import Foundation
import XCTest
@testable import ChuxiCore

final class WorkQueueTests: XCTestCase {
    /// Results come in item order whatever the jobs and the time each item takes, and the
    /// workers never run more than `window` items ahead of the last one delivered.
    func testDeliversInOrderWithinTheWindow() throws {
        var rng = SystemRandomNumberGenerator()
        let delays = (0..<200).map { _ in UInt32.random(in: 0...300, using: &rng) }
        let lock = NSLock()
        var started: [Int] = [], delivered: [Int] = [], maxAhead = 0
        try WorkQueue.forEachInOrder(
            count: delays.count, jobs: 4, window: 6, makeWorker: { () },
            { _, i -> Int in
                lock.lock(); started.append(i); maxAhead = max(maxAhead, i - delivered.count); lock.unlock()
                usleep(delays[i])
                return i * 2
            },
            deliver: { i, r in
                XCTAssertEqual(r, i * 2)
                lock.lock(); delivered.append(i); lock.unlock()
            })
        XCTAssertEqual(delivered, Array(0..<200))
        XCTAssertLessThan(maxAhead, 6)
    }

    func testAnErrorInDeliveryStopsTheRun() {
        struct Stop: Error {}
        var delivered = 0
        XCTAssertThrowsError(
            try WorkQueue.forEachInOrder(
                count: 100, jobs: 2, makeWorker: { () }, { _, i in i },
                deliver: { i, _ in
                    if i == 10 { throw Stop() }
                    delivered += 1
                }))
        XCTAssertEqual(delivered, 10)
    }

    /// A streamed output file appears only when committed; dropped, it leaves nothing.
    func testAtomicFileWriterLeavesNothingUntilCommitted() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-atomic-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("attendance.csv")
        do {
            let w = try AtomicFileWriter(url)
            try w.append("half,a,row\n")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        let w = try AtomicFileWriter(url)
        try w.append(String(repeating: "x", count: 100_000) + "\n")
        try w.commit()
        XCTAssertEqual(try Data(contentsOf: url).count, 100_001)
        // What a killed run leaves (its process gone) is cleared by the next writer.
        let stale = dir.appendingPathComponent(".attendance.csv.999999999.tmp")
        try Data("half".utf8).write(to: stale)
        _ = try AtomicFileWriter(url)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale.path))
    }
}
