import ArgumentParser
import ChuxiCore
import Foundation

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract attendance.csv and mentions.csv from issues.",
        discussion: """
            PATH is a file (one issue) or a directory, walked recursively for *.txt, *.pdf, *.html and
            *.htm in sorted order, symbolic links followed. A PDF is read through pdftotext (poppler;
            evidence P3:L12:C5-P3:L12:C20 cites its page, line and column), an HTML page through
            libxml2 (its article body; evidence cites the extracted text); `chuxi explain FILE
            --dump-text` prints the text that mentions' offsets refer to. A scanned PDF (no text
            layer) is reported as needing OCR and skipped. An issue's id is its path below the root, without
            extension: a path given twice is read once, two files with one id are an error (exit 2).
            The outputs are written atomically: a killed run leaves the previous files intact.
            A file or directory that cannot be read is reported and skipped; the exit status is then 2.
            """)

    @Argument(help: "Input files or directories.")
    var paths: [String] = []

    @Option(name: .long, help: "Output directory.")
    var out: String?

    @Option(
        name: .long,
        help:
            "Read issues as JSON lines ({\"path\", \"text\", \"date\"?}) from this file or - (stdin); write one JSON line per record to stdout."
    )
    var jsonl: String?

    @Flag(name: .long, help: "With --jsonl: also write mention lines.")
    var withMentions = false

    @Option(name: .long, help: "Issue date YYYY-MM-DD (default: a date in the file's path).")
    var issueDate: String?

    @Option(name: .long, help: "Parallel workers (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Force an input encoding (e.g. GB18030, UTF-16LE).")
    var encoding: String?

    @Option(
        name: .long, help: "Read every file as txt, pdf or html (default: by content, %PDF- or <html, then extension).")
    var format: InputFormat?

    @Flag(name: .long, help: "Word-break every sentence whole (slower): the reference the fast path must equal.")
    var fullWordBreak = false

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        try checkIssueDate(issueDate)
        try checkEncoding(encoding)
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if jsonl == nil && (out == nil || paths.isEmpty) {
            throw ValidationError("give PATH... --out DIR, or --jsonl -")
        }
    }

    func run() throws {
        let rules = try ruleOptions.load()
        if let j = jsonl { return try runJSONLines(j, rules: rules) }
        guard let out = out else { return }
        // A missing root or two files with one id stop the run before any output is touched.
        let listing: InputWalker.Listing
        do { listing = try InputWalker.list(paths) } catch let e as InputError {
            standardError("chuxi: \(e)"); throw ExitCode(2)
        }
        for s in listing.skipped { standardError("chuxi: skipped \(s.path): \(s.reason)") }
        let files = listing.files
        let date = issueDate.flatMap(IssueInput.parseISODate)
        let summary = try Extraction.write(to: URL(fileURLWithPath: out)) { each in
            try Extraction.stream(
                files: files, rules: rules, jobs: jobs, issueDate: date, encoding: encoding, format: format,
                makePipeline: {
                    let p = try Pipeline(rules: rules); p.fullWordBreak = fullWordBreak; return p
                }
            ) { r in
                if case .failure(let f) = r { standardError("chuxi: skipped \(f.path): \(f.reason)") }
                try each(r)
            }
        }
        standardError("chuxi: \(summary.issues) issue(s), \(summary.records) record(s) -> \(out)")
        if !summary.failures.isEmpty || !listing.skipped.isEmpty {
            let paths = listing.skipped.map(\.path) + summary.failures.map(\.path)
            let more = paths.count > 20 ? " and \(paths.count - 20) more (each reported above)" : ""
            standardError("chuxi: \(paths.count) file(s) failed: " + paths.prefix(20).joined(separator: ", ") + more)
            throw ExitCode(2)
        }
    }

    /// Streaming: one issue in, its records out, flushed, so that a Spark or Hadoop
    /// pipe sees results as they come. A bad line is reported as an error line (and on
    /// stderr) and the stream goes on; the exit status is then 2. A read or write error
    /// (stdout full or closed, stdin closed, a directory as input) stops the stream with
    /// its reason and exit status 1.
    func runJSONLines(_ source: String, rules: RuleSet) throws {
        do { try streamJSONLines(source, rules: rules) } catch let e as IOFailure {
            standardError("chuxi: \(e)")
            throw ExitCode(1)
        }
    }

    /// Lines are found by scanning each block once (a 20 MB line is read in linear time) and
    /// parsed from their bytes (`JSONLines.parseIssue`: invalid UTF-8, a bad date or a wrong
    /// type is an error line, as a bad file is); a text over `Pipeline.wholeFileLimit` runs in
    /// pieces as the same text as a file would, its records written piece by piece.
    func streamJSONLines(_ source: String, rules: RuleSet) throws {
        let pipeline = try Pipeline(rules: rules)
        let fd = source == "-" ? 0 : open(source, O_RDONLY)
        if fd < 0 { throw IOFailure(what: "read \(source)", code: errno) }
        defer { if source != "-" { close(fd) } }
        let inputName = source == "-" ? "standard input" : source
        let forcedDate = issueDate.flatMap(IssueInput.parseISODate)
        var failed = 0, lineNumber = 0
        func emit(_ out: String) throws { try writeAll(1, Array(out.utf8), what: "write to standard output") }
        /// A line's issue, or nil (a blank line, or a bad one already reported).
        func parse(_ line: UnsafeBufferPointer<UInt8>) throws -> JSONLines.IssueLine? {
            lineNumber += 1
            // A blank line (or a CRLF file's lone CR) is no issue.
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
            do { return try JSONLines.parseIssue(line) } catch let e as JSONLines.LineError {
                failed += 1
                let path = e.path ?? "(line \(lineNumber))"
                let reason = "line \(lineNumber) of \(inputName): \(e)"
                standardError("chuxi: bad input line for \(path): \(reason)")
                try emit(JSONLines.error(path: path, reason: reason) + "\n")
                return nil
            }
        }
        func run(_ issue: JSONLines.IssueLine) throws {
            let date =
                forcedDate ?? issue.date.flatMap(IssueInput.parseISODate) ?? IssueInput.date(fromPath: issue.path)
            try pipeline.run(
                id: JSONLines.issueId(issue.path), path: issue.path, scalars: issue.text, utf8Bytes: issue.textBytes,
                issueDate: date
            ) { r in
                var out = ""
                for rec in r.records { out += JSONLines.record(rec) + "\n" }
                if withMentions { for m in r.mentions { out += JSONLines.mention(m) + "\n" } }
                try emit(out)
            }
        }
        var buffer: [UInt8] = []
        var start = 0  // where the next line begins in `buffer`
        var scanned = 0  // bytes of `buffer` known to hold no line break
        var atEnd = false
        while !atEnd {
            let chunk = try readSome(fd, count: 1 << 20, what: "read \(inputName)")
            if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
            // Each line is parsed, a long one dropped from the buffer (its memory given
            // back), then run: a line's bytes and its text's pipeline never need memory at once.
            while true {
                let nl = buffer.withUnsafeBufferPointer { b -> Int? in
                    guard scanned < b.count, let hit = memchr(b.baseAddress! + scanned, 0x0A, b.count - scanned) else {
                        return nil
                    }
                    return b.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                // The last line has no line break: it is read all the same (a truncated one is an error line).
                guard let end = nl ?? (atEnd && start < buffer.count ? buffer.count : nil) else { break }
                let issue = try buffer.withUnsafeBufferPointer {
                    try parse(UnsafeBufferPointer(rebasing: $0[start..<end]))
                }
                let long = end - start > 8 << 20
                start = min(end + 1, buffer.count); scanned = start
                if long { buffer = Array(buffer[start...]); start = 0; scanned = 0 }
                if let i = issue { try run(i) }
            }
            // Lines done: move what is left of the buffer to its front, once per block.
            if start > 0 { buffer.removeFirst(start); start = 0 }
            scanned = buffer.count
        }
        if failed > 0 { throw ExitCode(2) }
    }
}
