import ArgumentParser
import ChuxiCore
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the spans and rules behind the records of one line of a file.",
        discussion: """
            For rule authors: why a record was, or was not, produced. For a PDF or HTML file the
            lines are those of the text taken out of it, which --dump-text prints (the text that
            mentions.csv's offsets index; a PDF's pages end with a form feed, and --page P with
            --line N is line N of page P, as evidence P3:L12:C5 cites it).
            """)

    @Argument(help: "An issue file (not with --stages).")
    var path: String = ""

    @Option(name: .long, help: "1-based line number in the original file (in the page, with --page).")
    var line: Int?

    @Option(name: .long, help: "A PDF's page (1-based): --line counts from its top.")
    var page: Int?

    @Flag(name: .long, help: "Print the pipeline's stages in order (folder and what each does) and stop.")
    var stages = false
    @Flag(name: .long, help: "Print the text the pipeline reads (a PDF's or HTML page's extracted text) and stop.")
    var dumpText = false

    @Option(name: .long, help: "Issue date YYYY-MM-DD.")
    var issueDate: String?

    @Option(name: .long, help: "Read the file as txt, pdf or html (default: by content, then extension).")
    var format: InputFormat?

    @Option(name: .long, help: "Force an input encoding.")
    var encoding: String?

    @Flag(
        name: .long,
        help:
            "Also print each rule name trial: where it started, and the steps that ended, trimmed or vetoed it (Tag/Tagger+RuleNameSteps.swift)."
    )
    var steps = false

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        try checkIssueDate(issueDate)
        try checkEncoding(encoding)
        if stages { return }
        if path.isEmpty { throw ValidationError("give an issue file") }
        if line == nil && !dumpText { throw ValidationError("give --line N (or --dump-text, --stages)") }
    }

    func run() throws {
        if stages {
            for (i, st) in Stage.allCases.enumerated() {
                print("\(i + 1). \(st.rawValue)  Sources/ChuxiCore/\(st.folder)/  \(st.summary)")
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            // Why: missing, a link loop, a permission, a directory (never a bare "cannot read").
            var st = stat()
            let why =
                stat(path, &st) != 0
                ? InputWalker.statFailure(path)
                : st.st_mode & S_IFMT == S_IFDIR
                    ? "is a directory: explain reads one file" : "cannot read: \(String(cString: strerror(errno)))"
            throw badValue("\(path): \(why)")
        }
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let date = issueDate.flatMap(IssueInput.parseISODate)
        let kind = InputFormat.detect(path: path, head: data.prefix(1024), forced: format)
        let input: IssueInput
        do {
            if kind == .txt {
                input = IssueInput(
                    id: id, path: path, text: try TextDecoding.decode(data, path: path, forced: encoding),
                    issueDate: date ?? IssueInput.date(fromPath: path))
            } else {
                input = InputReader.issue(
                    try InputReader.extract(kind, path: path, data: data, encoding: encoding), id: id, path: path,
                    issueDate: date)
            }
        } catch let e as InputError { throw ValidationError(e.description) }
        if dumpText { print(input.text, terminator: ""); return }
        let rules = try ruleOptions.load()
        let r = try Pipeline(rules: rules).run(input, keepSentences: true)
        guard let line = line else { return }
        var lineIndex = line - 1
        if let page = page {
            guard let pages = input.pageStarts, page >= 1, page <= pages.count else {
                throw ValidationError(
                    "--page \(page): \(input.pageStarts.map { "the PDF has \($0.count) page(s)" } ?? "not a PDF")")
            }
            lineIndex += r.source.lineColumn(pages[page - 1]).line - 1
        }
        guard lineIndex >= 0, lineIndex < r.source.lineStarts.count else {
            throw ValidationError("line \(line) is outside the file (1...\(r.source.lineStarts.count))")
        }
        let lo = r.source.lineStarts[lineIndex]
        let hi = lineIndex + 1 < r.source.lineStarts.count ? r.source.lineStarts[lineIndex + 1] : r.source.scalars.count
        let n = r.normalized
        func onLine(_ range: Range<Int>) -> Bool {
            let o = n.originalRange(range); return o.lowerBound < hi && o.upperBound > lo
        }
        for t in r.sentences where onLine(t.sentence.range) {
            print("sentence (article \(t.sentence.article)) \(r.source.evidence(n.originalRange(t.sentence.range))):")
            print("  \(n.text(t.sentence.range))")
            for d in t.dates { print("  date        \(n.text(d.range))  [dates.rules] \(d.value)") }
            let reading = rules.nameModel.read(n.scalars, t.sentence.range)
            for p in t.persons {
                let titles = p.titles.map { n.text($0) }.joined(separator: ";")
                let lean = reading.personLean(p.name)
                print(
                    "  person      \(n.text(p.name))  titles=\(titles.isEmpty ? "-" : titles)  [\(p.rule)] model lean=\(Double(lean) / 100)"
                )
            }
            if steps {
                // The sentence tagged again with a log: the same sentence and text give the same trials.
                let log = Tagger.NameStepLog()
                _ = Tagger(rules: rules).tag(t.sentence, in: n, stepLog: log)
                for tr in log.trials {
                    let shown = tr.name ?? tr.start..<min(tr.start + 3, t.sentence.range.upperBound)
                    print(
                        "  step        \(n.text(shown))\(tr.name == nil ? "… no name" : "")  \(tr.context) surname=\(tr.surnameLength)  [\(tr.steps)]"
                    )
                }
            }
            for m in t.names {
                print(
                    "  model       \(n.text(m.range))  \(m.kind == .person ? "person" : "organization") margin=\(Double(m.confidence) / 100)  [names.model]"
                )
            }
            for o in t.orgs { print("  org         \(n.text(o.range))  attends=\(o.attends)  [\(o.rule)]") }
            for tr in t.triggers {
                print(
                    "  trigger     \(n.text(tr.range))  role=\(tr.trigger.role.rawValue) kind=\(tr.trigger.kind.rawValue)  [roles.rules]"
                )
            }
            let recs = r.records.filter {
                $0.source.lowerBound < n.originalRange(t.sentence.range).upperBound
                    && $0.source.upperBound > n.originalRange(t.sentence.range).lowerBound
            }
            for rec in recs {
                print(
                    "  => record   \(rec.attendee) \(rec.role.rawValue) \(rec.date.isEmpty ? "(no date)" : rec.date) 「\(rec.event)」 \(rec.evidence)  [step: \(rec.step)]"
                )
            }
            if recs.isEmpty {
                print(
                    "  => no record (a record needs a role trigger with a person or organization before it, or a list after it)"
                )
            }
        }
    }
}
