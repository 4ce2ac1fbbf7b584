import Foundation

/// Runs the examples that rule files carry (`+`, `+~` and `-` lines) through the whole pipeline,
/// the way SwiftLint rules prove themselves with triggering and non-triggering examples.
public struct RuleExampleFailure: CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { "\(file):\(line): \(message)" }
}

public enum RuleExamples {
    /// One example and the file that carries it; `id` names it `roles.rules:57`.
    public struct Case: Sendable, CustomStringConvertible {
        public let file: String  // the path the file was loaded from
        public let example: RuleFile.Example
        public var id: String { "\(URL(fileURLWithPath: file).lastPathComponent):\(example.line)" }
        public var description: String { id }
    }

    /// Every example of every file, in file and line order.
    public static func cases(_ rules: RuleSet) -> [Case] {
        rules.files.flatMap { f in f.examples.map { Case(file: f.name, example: $0) } }
    }

    /// What the pipeline finds in a sentence, as `KIND:TEXT` strings.
    public static func findings(_ sentence: String, pipeline: Pipeline) -> Set<String> {
        let r = pipeline.run(
            IssueInput(id: "example", path: "example", text: sentence, issueDate: nil), keepSentences: true)
        var out = Set<String>()
        for m in r.mentions where m.type != .date { out.insert("\(m.type.rawValue):\(m.text)") }
        let scalars = r.normalized.scalars
        for t in r.sentences {
            for d in t.dates { if case .absolute(let v) = d.value { out.insert("date:\(v.iso)") } }
            // A time that dates no event, as written (`date:去年`).
            for x in t.times { out.insert("date:" + String(scalars: scalars[x])) }
        }
        for rec in r.records {
            out.insert("record:\(rec.attendee)/\(rec.role.rawValue)")
            out.insert("record:\(rec.attendee)/\(rec.role.rawValue)@\(rec.date)")  // `@` and no date: an empty one
            if !rec.date.isEmpty { out.insert("date:\(rec.date)") }  // dates resolved in context (`11日`, `昨天`)
            out.insert("event:\(rec.event)")
        }
        return out
    }

    /// The findings of one kind, as the exact check compares them: a record as `NAME/ROLE`
    /// (its `@DATE` form is checked only where an expectation asks for it).
    static func ofKind(_ kind: String, _ texts: [String]) -> Set<String> {
        Set(
            texts.map {
                kind == "record"
                    ? String($0.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)[0]) : $0
            })
    }

    /// Checks one example: a `+`/`+~` expectation must be found and a `-` one must not; a
    /// `+` example also fails on any finding of a kind it mentions that it does not expect.
    public static func check(_ c: Case, pipeline: Pipeline) -> [RuleExampleFailure] {
        let ex = c.example
        let found = findings(ex.sentence, pipeline: pipeline)
        var failures: [RuleExampleFailure] = []
        func fail(_ m: String) { failures.append(.init(file: c.file, line: ex.line, message: m)) }
        for e in ex.expectations {
            let hit = found.contains(e.description)
            if ex.positive && !hit {
                fail("expected \(e) in 「\(ex.sentence)」; found \(found.sorted().joined(separator: " "))")
            } else if !ex.positive && hit {
                fail("must not find \(e) in 「\(ex.sentence)」")
            }
        }
        guard ex.exact else { return failures }
        for kind in Set(ex.expectations.map(\.kind)).sorted() {
            let expected = ofKind(kind, ex.expectations.filter { $0.kind == kind }.map(\.text))
            let got = ofKind(
                kind, found.filter { $0.hasPrefix(kind + ":") }.map { String($0.dropFirst(kind.count + 1)) })
            let extra = got.subtracting(expected).sorted()
            if !extra.isEmpty {
                fail(
                    "extra \(kind) finding\(extra.count == 1 ? "" : "s") \(extra.map { "\(kind):\($0)" }.joined(separator: " ")) in 「\(ex.sentence)」 (expect it, or mark the example `+~`)"
                )
            }
        }
        return failures
    }

    /// Runs every example (or those of one file, or the one at a line of it).
    public static func run(_ pipeline: Pipeline, file: String? = nil, line: Int? = nil) -> (
        checked: Int, failures: [RuleExampleFailure]
    ) {
        let chosen = cases(pipeline.rules).filter { c in
            (file.map { URL(fileURLWithPath: c.file).lastPathComponent == URL(fileURLWithPath: $0).lastPathComponent }
                ?? true)
                && (line.map { c.example.line == $0 } ?? true)
        }
        return (chosen.count, chosen.flatMap { check($0, pipeline: pipeline) })
    }

    /// Keywords and candidate values no example exercises: a value is exercised when it occurs
    /// in some example sentence of any file, a keyword when one of its values is.
    public struct Coverage: Sendable {
        public let keywords: Int, candidateValues: Int
        public let unexercisedKeywords: [RuleKeyword]
        public let unexercisedValues: [(keyword: RuleKeyword, value: String)]
    }

    public static func coverage(_ rules: RuleSet) -> Coverage {
        let sentences = rules.files.flatMap { $0.examples.map(\.sentence) }
        let byName = Dictionary(
            rules.files.map { (URL(fileURLWithPath: $0.name).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        var keywords: [RuleKeyword] = [], values: [(keyword: RuleKeyword, value: String)] = [], nValues = 0
        for k in rules.schema {
            var seen = Set<String>()
            let words = (byName[k.file]?.entries ?? []).filter { $0.keyword == k.keyword }.flatMap {
                k.words($0.values)
            }.filter { seen.insert($0).inserted }
            let exercised = words.map { w in sentences.contains { $0.contains(w) } }
            if !exercised.contains(true) { keywords.append(k) }
            guard k.candidate else { continue }
            nValues += words.count
            for (w, hit) in zip(words, exercised) where !hit { values.append((k, w)) }
        }
        return Coverage(
            keywords: rules.schema.count, candidateValues: nValues, unexercisedKeywords: keywords,
            unexercisedValues: values)
    }
}
