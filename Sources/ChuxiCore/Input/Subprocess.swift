import Foundation

/// A child process with its output collected and a time limit: both pipes are drained at
/// once (a child writing many errors never blocks on a full pipe), and a child that runs
/// past the limit is killed.
public enum Subprocess {
    public struct Result {
        public var status: Int32; public var stdout: Data; public var stderr: Data; public var timedOut: Bool
    }

    final class Box: @unchecked Sendable {
        let lock = NSLock(); var data = Data(); var timedOut = false
    }

    /// Throws what `Process.run` throws when the child cannot start.
    public static func run(_ exe: String, _ args: [String], timeout: TimeInterval) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = FileHandle.nullDevice
        try p.run()
        let errBox = Box(), state = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = drain(err.fileHandleForReading.fileDescriptor); group.leave()
        }
        let timer = DispatchWorkItem { [p] in
            guard p.isRunning else { return }
            state.lock.lock(); state.timedOut = true; state.lock.unlock()
            kill(p.processIdentifier, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let stdout = drain(out.fileHandleForReading.fileDescriptor)
        group.wait()
        p.waitUntilExit()
        timer.cancel()
        state.lock.lock(); let timedOut = state.timedOut; state.lock.unlock()
        try? out.fileHandleForReading.close(); try? err.fileHandleForReading.close()
        return Result(status: p.terminationStatus, stdout: stdout, stderr: errBox.data, timedOut: timedOut)
    }

    /// read(2) to the end (FileHandle's reads trap on an I/O error).
    static func drain(_ fd: Int32) -> Data {
        var data = Data(), buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            data.append(contentsOf: buf[0..<n])
        }
        return data
    }
}
