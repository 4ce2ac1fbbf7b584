/// Runs the examples that rule files carry (`+`/`-` lines) through the whole pipeline,
/// the way SwiftLint rules prove themselves with triggering and non-triggering examples.
public struct RuleExampleFailure: CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}

public enum RuleExamples {
    /// What the pipeline finds in a sentence, as `KIND:TEXT` strings.
    public static func findings(_ sentence: String, pipeline: Pipeline) -> Set<String> {
        let r = pipeline.run(IssueInput(id: "example", path: "example", text: sentence, issueDate: nil), keepSentences: true)
        var out = Set<String>()
        for m in r.mentions where m.type != .date { out.insert("\(m.type.rawValue):\(m.text)") }
        for t in r.sentences { for d in t.dates { if case .absolute(let v) = d.value { out.insert("date:\(v.iso)") } } }
        for rec in r.records {
            out.insert("record:\(rec.attendee)/\(rec.role.rawValue)")
            out.insert("record:\(rec.attendee)/\(rec.role.rawValue)@\(rec.date)")   // `@` and no date: an empty one
            if !rec.date.isEmpty { out.insert("date:\(rec.date)") }   // dates resolved in context (`11日`, `昨天`)
            out.insert("event:\(rec.event)")
        }
        return out
    }

    public static func run(_ pipeline: Pipeline) -> (checked: Int, failures: [RuleExampleFailure]) {
        var failures: [RuleExampleFailure] = [], n = 0
        for f in pipeline.rules.files {
            for ex in f.examples {
                n += 1
                let found = findings(ex.sentence, pipeline: pipeline)
                for e in ex.expectations {
                    let hit = found.contains(e.description)
                    if ex.positive && !hit {
                        failures.append(.init(file: f.name, line: ex.line, message: "expected \(e) in 「\(ex.sentence)」; found \(found.sorted().joined(separator: " "))"))
                    } else if !ex.positive && hit {
                        failures.append(.init(file: f.name, line: ex.line, message: "must not find \(e) in 「\(ex.sentence)」"))
                    }
                }
            }
        }
        return (n, failures)
    }
}
