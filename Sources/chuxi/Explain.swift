import ArgumentParser
import ChuxiCore
import Foundation

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the spans and rules behind the records of one line of a file.",
        discussion: "For rule authors: why a record was, or was not, produced.")

    @Argument(help: "An issue file.")
    var path: String

    @Option(name: .long, help: "1-based line number in the original file.")
    var line: Int

    @Option(name: .long, help: "Issue date YYYY-MM-DD.")
    var issueDate: String?

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws { try checkIssueDate(issueDate) }

    func run() throws {
        let rules = try ruleOptions.load()
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read") }
        let text: String
        do { text = try TextDecoding.decode(data, path: path) } catch let e as InputError { throw ValidationError(e.description) }
        let id = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let r = try Pipeline(rules: rules).run(IssueInput(id: id, path: path, text: text,
            issueDate: issueDate.flatMap(IssueInput.parseISODate) ?? IssueInput.date(fromPath: path)), keepSentences: true)
        guard line >= 1, line <= r.source.lineStarts.count else { throw ValidationError("line \(line) is outside the file (1...\(r.source.lineStarts.count))") }
        let lo = r.source.lineStarts[line - 1]
        let hi = line < r.source.lineStarts.count ? r.source.lineStarts[line] : r.source.scalars.count
        let n = r.normalized
        func onLine(_ range: Range<Int>) -> Bool { let o = n.originalRange(range); return o.lowerBound < hi && o.upperBound > lo }
        for t in r.sentences where onLine(t.sentence.range) {
            print("sentence (article \(t.sentence.article)) \(r.source.evidence(n.originalRange(t.sentence.range))):")
            print("  \(n.text(t.sentence.range))")
            for d in t.dates { print("  date        \(n.text(d.range))  [dates.rules] \(d.value)") }
            let reading = rules.nameModel.read(n.scalars, t.sentence.range)
            for p in t.persons {
                let titles = p.titles.map { n.text($0) }.joined(separator: ";")
                let lean = reading.personLean(p.name)
                print("  person      \(n.text(p.name))  titles=\(titles.isEmpty ? "-" : titles)  [\(p.rule)] model lean=\(Double(lean) / 100)")
            }
            for m in t.names {
                print("  model       \(n.text(m.range))  \(m.kind == .person ? "person" : "organization") margin=\(Double(m.confidence) / 100)  [names.model]")
            }
            for o in t.orgs { print("  org         \(n.text(o.range))  attends=\(o.attends)  [\(o.rule)]") }
            for tr in t.triggers { print("  trigger     \(n.text(tr.range))  role=\(tr.trigger.role.rawValue) kind=\(tr.trigger.kind.rawValue)  [roles.rules]") }
            let recs = r.records.filter { $0.source.lowerBound < n.originalRange(t.sentence.range).upperBound && $0.source.upperBound > n.originalRange(t.sentence.range).lowerBound }
            for rec in recs { print("  => record   \(rec.attendee) \(rec.role.rawValue) \(rec.date.isEmpty ? "(no date)" : rec.date) 「\(rec.event)」 \(rec.evidence)") }
            if recs.isEmpty { print("  => no record (a record needs a role trigger with a person or organization before it, or a list after it)") }
        }
    }
}
