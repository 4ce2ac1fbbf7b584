import Foundation

/// Items spread over `jobs` threads, each thread with its own worker (a `Pipeline`: ICU
/// break iterators are not thread-safe). Results come back in item order, so what is
/// built from them does not depend on the number of jobs.
public enum WorkQueue {
    public static func map<Worker, Result>(count: Int, jobs: Int, makeWorker: () throws -> Worker,
                                           progress: ((_ done: Int) -> Void)? = nil,
                                           _ work: (Worker, Int) -> Result) throws -> [Result] {
        var slots = [Result?](repeating: nil, count: count)
        let lock = NSLock()
        var next = 0, done = 0
        var setupError: Error? = nil
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            let worker: Worker
            do { worker = try makeWorker() } catch { lock.lock(); setupError = error; lock.unlock(); return }
            while true {
                lock.lock(); let i = next; next += 1; lock.unlock()
                guard i < count else { return }
                let r = work(worker, i)
                lock.lock(); slots[i] = r; done += 1; let d = done; lock.unlock()
                progress?(d)
            }
        }
        if let e = setupError { throw e }
        return slots.map { $0! }
    }
}
