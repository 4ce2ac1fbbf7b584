import Foundation

/// A malformed rule file: reported with file, line and reason before any work starts.
public struct RuleError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int
    public let reason: String
    public var description: String { "\(file):\(line): \(reason)" }
}

/// One rule file: entries (`KEYWORD values...`) and examples (`+`/`-` lines), each with
/// its line number. The line format is shared by every file (see rules/README.md).
public struct RuleFile: Sendable {
    public struct Entry: Sendable { public let keyword: String; public let values: [String]; public let line: Int }
    public struct Example: Sendable {
        /// `+` and `+~` examples must be found, `-` ones must not.
        public let positive: Bool
        /// `+` (not `+~`): for every kind the example mentions, what is found of that kind
        /// is exactly what it expects (an extra finding fails).
        public let exact: Bool
        public let sentence: String
        public let expectations: [Expectation]
        public let line: Int
    }
    public struct Expectation: Sendable, Equatable, CustomStringConvertible {
        public let kind: String  // a span kind (`SpanKind`), or `record`
        public let text: String  // for record: NAME/ROLE
        public var description: String { "\(kind):\(text)" }
    }
    /// Every span kind (`event` is also a record's event), and `record`.
    public static let expectationKinds: Set<String> = Set(SpanKind.allCases.map(\.rawValue)).union(["record"])

    public let name: String
    public let entries: [Entry]
    public let examples: [Example]

    /// Parses a file and checks every entry against the schema's keywords for this file
    /// (`RuleSchema.keywords(in:)`): arity, value shape, a `characterOf` value listed under
    /// its other keyword, a trigger word defined once.
    public init(name: String, text: String, keywords: [String: RuleKeyword]) throws {
        self.name = name
        var entries: [Entry] = [], examples: [Example] = []
        // Any line ending: in Swift "\r\n" is one Character, so splitting at "\n" alone would
        // read a CRLF file as one comment line (and load nothing).
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let n = i + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("+ ") || line.hasPrefix("+~ ") || line.hasPrefix("- ") {
                examples.append(try Self.example(line, file: name, line: n))
            } else {
                entries.append(try Self.entry(line, keywords: keywords, file: name, line: n))
            }
        }
        try Self.checkAcrossEntries(entries, keywords: keywords, file: name)
        // A rule file that loads no entry at all is a mistake (a wrong encoding, a truncated copy).
        if entries.isEmpty, !keywords.isEmpty {
            throw RuleError(
                file: name, line: 0,
                reason: "no entries (this file takes: \(keywords.keys.sorted().joined(separator: ", ")))")
        }
        self.entries = entries
        self.examples = examples
    }

    /// `+ SENTENCE => KIND:TEXT; …` (also `+~`, `-`).
    private static func example(_ line: String, file name: String, line n: Int) throws -> Example {
        let body = line.dropFirst(line.hasPrefix("+~") ? 3 : 2)
        guard let arrow = body.range(of: "=>") else {
            throw RuleError(file: name, line: n, reason: "an example needs `SENTENCE => KIND:TEXT`")
        }
        let sentence = body[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
        var exps: [Expectation] = []
        for part in body[arrow.upperBound...].split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            guard let colon = p.firstIndex(of: ":"), Self.expectationKinds.contains(String(p[..<colon])),
                p.index(after: colon) < p.endIndex
            else {
                throw RuleError(
                    file: name, line: n,
                    reason:
                        "bad expectation `\(p)` (want KIND:TEXT with KIND in \(Self.expectationKinds.sorted().joined(separator: ", ")))"
                )
            }
            exps.append(Expectation(kind: String(p[..<colon]), text: String(p[p.index(after: colon)...])))
        }
        if sentence.isEmpty || exps.isEmpty { throw RuleError(file: name, line: n, reason: "empty example") }
        return Example(
            positive: line.hasPrefix("+"), exact: line.hasPrefix("+ "), sentence: sentence, expectations: exps, line: n)
    }

    /// `KEYWORD values…`, checked against the keyword's schema (arity, value shape).
    private static func entry(
        _ line: String, keywords: [String: RuleKeyword], file name: String, line n: Int
    ) throws -> Entry {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let kw = fields[0]
        guard let schema = keywords[kw] else {
            throw RuleError(
                file: name, line: n,
                reason: "unknown keyword `\(kw)` (this file takes: \(keywords.keys.sorted().joined(separator: ", ")))")
        }
        let values = Array(fields.dropFirst()), arity = schema.arity
        guard arity.contains(values.count) else {
            throw RuleError(
                file: name, line: n,
                reason:
                    "`\(kw)` takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or more") value(s), got \(values.count)"
            )
        }
        if let problem = schema.problem(values) { throw RuleError(file: name, line: n, reason: problem) }
        return Entry(keyword: kw, values: values, line: n)
    }

    /// The checks of a shape that look at other entries: a `characterOf` value must be listed
    /// under its other keyword; a trigger word is defined once in the file.
    private static func checkAcrossEntries(_ entries: [Entry], keywords: [String: RuleKeyword], file: String) throws {
        var triggerWords = Set<String>()
        for e in entries {
            switch keywords[e.keyword]!.shape {
            case .characterOf(let other):
                let allowed = Set(entries.filter { $0.keyword == other }.flatMap(\.values))
                for v in e.values where !allowed.contains(v) {
                    throw RuleError(
                        file: file, line: e.line, reason: "\(e.keyword) `\(v)` must be one of the \(other) characters")
                }
            case .trigger:
                for w in e.values.dropFirst() where !triggerWords.insert(w).inserted {
                    throw RuleError(file: file, line: e.line, reason: "trigger `\(w)` defined twice")
                }
            default: break
            }
        }
    }

    public func values(_ keyword: String) -> [String] { entries.filter { $0.keyword == keyword }.flatMap(\.values) }
}
