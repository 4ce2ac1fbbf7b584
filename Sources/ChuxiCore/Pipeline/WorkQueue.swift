import Foundation

/// Items spread over `jobs` threads, each thread with its own worker (a `Pipeline`: ICU
/// break iterators are not thread-safe). Results are delivered in item order, so what is
/// built from them does not depend on the number of jobs.
public enum WorkQueue {
    /// Runs `work` on items 0..<count and hands each result to `deliver` in item order, one
    /// call at a time, as soon as it and all before it are done. Workers never run more than
    /// `window` items ahead of the last delivered one: memory stays bounded however many
    /// items there are (a slow item holds the others back instead of piling up results).
    /// An error thrown by `deliver` or `makeWorker` stops the run and is rethrown.
    public static func forEachInOrder<Worker, Result>(
        count: Int, jobs: Int, window: Int? = nil,
        makeWorker: () throws -> Worker,
        _ work: (Worker, Int) -> Result,
        deliver: (Int, Result) throws -> Void
    ) throws {
        let threads = max(1, min(jobs, count))
        let window = max(window ?? threads * 4, threads)
        let cond = NSCondition()
        var next = 0, delivered = 0
        var pending: [Int: Result] = [:]
        var delivering = false
        var failure: Error? = nil
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let worker: Worker
            do { worker = try makeWorker() } catch {
                cond.lock(); if failure == nil { failure = error }; cond.broadcast(); cond.unlock(); return
            }
            while true {
                cond.lock()
                while failure == nil, next < count, next >= delivered + window { cond.wait() }
                guard failure == nil, next < count else { cond.unlock(); return }
                let i = next; next += 1
                cond.unlock()
                let r = work(worker, i)
                cond.lock()
                pending[i] = r
                // One thread delivers at a time; the others go back to work.
                if delivering { cond.unlock(); continue }
                delivering = true
                while failure == nil, let item = pending.removeValue(forKey: delivered) {
                    let k = delivered
                    cond.unlock()
                    var err: Error? = nil
                    do { try deliver(k, item) } catch { err = error }
                    cond.lock()
                    if let e = err { failure = e }
                    delivered += 1
                    cond.broadcast()
                }
                delivering = false
                cond.unlock()
            }
        }
        if let e = failure { throw e }
    }

    /// All results, in item order (for small runs: tests, a batch's per-issue outcomes).
    public static func map<Worker, Result>(
        count: Int, jobs: Int, makeWorker: () throws -> Worker,
        progress: ((_ done: Int) -> Void)? = nil,
        _ work: (Worker, Int) -> Result
    ) throws -> [Result] {
        var out: [Result] = []
        out.reserveCapacity(count)
        try forEachInOrder(count: count, jobs: jobs, window: count, makeWorker: makeWorker, work) { k, r in
            out.append(r); progress?(k + 1)
        }
        return out
    }
}
