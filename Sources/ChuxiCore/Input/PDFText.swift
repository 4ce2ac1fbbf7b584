import Foundation

/// The text layer of a PDF, read by poppler's `pdftotext` (Debian `poppler-utils`) run as a
/// subprocess. A subprocess rather than libpoppler-glib in-process: a malformed PDF that
/// crashes or loops inside poppler takes down only the child (killed after `timeout`), never
/// the run; the install is one small package instead of poppler-glib with GLib and Cairo's
/// development headers; and pdftotext's default mode already gives what the pipeline needs,
/// the text of every page in reading order (columns one after the other, not side by side as
/// `-layout` would set them), pages ended by a form feed.
public enum PDFText {
    /// Longest a single PDF may take (a page of an e-paper takes well under a second).
    public static var timeout: TimeInterval = 120

    /// `pdftotext` on the PATH, else nil.
    public static func tool() -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return (dirs + ["/usr/bin"]).map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Every page's text in reading order, pages ended by `\f`, and where each page starts.
    /// A file cut short, a broken PDF and one with no text layer (a scan) are errors naming it.
    public static func read(path: String, data: Data) throws -> ExtractedText {
        guard let tool = tool() else {
            throw InputError(path: path, reason: "cannot read PDF: pdftotext not found (install poppler-utils; scripts/ensure-system-packages does)")
        }
        // A complete PDF ends with `%%EOF` (in its last 1 KB); poppler can rebuild a cut file
        // and would then give part of its text as if it were all of it.
        guard data.suffix(1024).range(of: Data("%%EOF".utf8)) != nil else {
            throw InputError(path: path, reason: "truncated or broken PDF (no %%EOF at its end)")
        }
        let r = try Subprocess.run(tool, ["-enc", "UTF-8", "-eol", "unix", path, "-"], timeout: timeout, path: path)
        if r.timedOut { throw InputError(path: path, reason: "cannot read PDF: pdftotext took more than \(Int(timeout)) s") }
        guard r.status == 0 else {
            let why = String(decoding: r.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit status \(r.status)"
            throw InputError(path: path, reason: "broken PDF (pdftotext: \(why))")
        }
        guard let text = String(validating: r.stdout, as: UTF8.self) else {
            throw InputError(path: path, reason: "cannot read PDF: pdftotext gave text that is not UTF-8")
        }
        if text.unicodeScalars.contains("\u{0}") { throw InputError(path: path, reason: "cannot read PDF: NUL in its text layer") }
        let pages = pageStarts(text)
        // Only blanks and page ends: the pages are images (a scan) and need OCR first.
        if !text.unicodeScalars.contains(where: { !($0.properties.isWhitespace || $0 == "\u{C}") }) {
            throw InputError(path: path, reason: "no text layer (\(pages.count) page(s) of images, a scan?): needs OCR; skipped")
        }
        return ExtractedText(text: text, pageStarts: pages)
    }

    /// Scalar offsets at which pages start: 0 and after every `\f` but a last one.
    static func pageStarts(_ text: String) -> [Int] {
        var starts = [0], i = 0
        for s in text.unicodeScalars { i += 1; if s == "\u{C}" { starts.append(i) } }
        if starts.count > 1, starts.last == i { starts.removeLast() }
        return starts
    }
}

/// A child process with its output collected and a time limit: both pipes are drained at
/// once (a child writing many errors never blocks on a full pipe), and a child that runs
/// past the limit is killed.
enum Subprocess {
    struct Result { var status: Int32; var stdout: Data; var stderr: Data; var timedOut: Bool }

    final class Box: @unchecked Sendable {
        let lock = NSLock(); var data = Data(); var timedOut = false
    }

    static func run(_ exe: String, _ args: [String], timeout: TimeInterval, path: String) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { throw InputError(path: path, reason: "cannot run \(exe): \(error)") }
        let errBox = Box(), state = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = drain(err.fileHandleForReading.fileDescriptor); group.leave() }
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
