import XCTest
@testable import ChuxiCore

final class RuleFileTests: XCTestCase {
    /// Every `+`/`-` example carried by the rule files holds.
    func testEveryRuleExampleHolds() throws {
        let (n, failures) = RuleExamples.run(try Pipeline(rules: sharedRules))
        XCTAssertGreaterThan(n, 20)
        XCTAssertTrue(failures.isEmpty, failures.map(\.description).joined(separator: "\n"))
    }

    /// A bad rule file stops with file, line and reason.
    func testBadRuleFileNamesFileLineAndReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chuxi-rules-\(UUID())")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("rules"), to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let roles = dir.appendingPathComponent("roles.rules")
        var text = try String(contentsOf: roles, encoding: .utf8)
        text += "\nchair shout 大喊\n"
        try text.write(to: roles, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            let err = e as! RuleError
            XCTAssertTrue(err.file.hasSuffix("roles.rules"))
            XCTAssertEqual(err.line, lines)
            XCTAssertTrue(err.reason.contains("shout"), err.reason)
        }
        // A bad expectation kind, in a file with no other fault: its own line and reason.
        let clean =
            try String(contentsOf: repoRoot.appendingPathComponent("rules/roles.rules"), encoding: .utf8)
            + "\n+ 区长王伟出席 => persn:王伟\n"
        try clean.write(to: roles, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            let err = e as! RuleError
            XCTAssertTrue(err.file.hasSuffix("roles.rules"))
            XCTAssertEqual(err.line, clean.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
            XCTAssertTrue(err.reason.contains("bad expectation `persn:王伟`"), err.reason)
        }
        // Without the fault the copy loads: the error above was the expectation's.
        try (clean.dropLast(" => persn:王伟\n".count) + " => person:王伟\n").write(
            to: roles, atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try RuleSet.load(from: dir))
    }

    /// Appends `line` to a copy of `file` and loads: the error names that file, that line and `reason`.
    private func assertLoadFails(
        _ file: String, appending line: String, reason: String, schema: [RuleKeyword] = RuleSchema.keywords,
        atLine: Bool = true, expectedLine: Int? = nil, sourceLine: UInt = #line
    ) throws {
        let dir = try copyOfRules("bad-\(file)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8) + "\n" + line + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir, schema: schema), line: sourceLine) { e in
            let err = e as! RuleError
            XCTAssertTrue(err.file.hasSuffix(file), err.description, line: sourceLine)
            if atLine {
                let appended = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
                XCTAssertEqual(err.line, expectedLine ?? appended, err.description, line: sourceLine)
            }
            XCTAssertTrue(err.reason.contains(reason), err.description, line: sourceLine)
        }
    }

    /// A keyword the schema lacks, in a file, is an error with file and line (a keyword written
    /// in a rule file but forgotten in `RuleSchema.keywords` fails the same way).
    func testUnknownKeywordNamesFileAndLine() throws {
        try assertLoadFails("events.rules", appending: "sponsor 赞助", reason: "unknown keyword `sponsor`")
        let noVague = RuleSchema.keywords.filter { !($0.file == "dates.rules" && $0.keyword == "vague") }
        let dates = try String(contentsOf: repoRoot.appendingPathComponent("rules/dates.rules"), encoding: .utf8)
        let firstVague =
            dates.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("vague ") }! + 1
        try assertLoadFails(
            "dates.rules", appending: "# nothing", reason: "unknown keyword `vague`", schema: noVague,
            expectedLine: firstVague)
    }

    /// Each value shape of the schema is checked at parse, with file and line.
    func testValueShapesAreCheckedWithFileAndLine() throws {
        try assertLoadFails(
            "surnames.rules", appending: "surname 欧阳某", reason: "surname `欧阳某` must be one or two characters")
        try assertLoadFails(
            "surnames.rules", appending: "foreign 佐", reason: "foreign `佐` must be two or three characters")
        try assertLoadFails("names.rules", appending: "stop 等等", reason: "stop `等等` must be one character")
        try assertLoadFails(
            "names.rules", appending: "given-end 乙", reason: "given-end `乙` must be one of the stop characters")
        try assertLoadFails(
            "names.rules", appending: "given-end 乙乙", reason: "given-end `乙乙` must be one of the stop characters")
        try assertLoadFails(
            "names.rules", appending: "transliteration 阿尔", reason: "transliteration `阿尔` must be one character")
        try assertLoadFails("dates.rules", appending: "relative 大后天 three", reason: "`three` is not a number of days")
        try assertLoadFails("dates.rules", appending: "relative 大后天 3 4", reason: "`relative` takes 2 value(s), got 3")
        try assertLoadFails("roles.rules", appending: "chair shout 大喊", reason: "unknown trigger kind `shout`")
        try assertLoadFails("roles.rules", appending: "chair verb", reason: "`chair` takes 2 or more value(s), got 1")
        try assertLoadFails("roles.rules", appending: "inspect verb 巡查 主持", reason: "trigger `主持` defined twice")
    }

    /// A keyword added to the schema that no code in `RuleSet.init` reads fails every load.
    func testASchemaKeywordNoCodeReadsFailsTheLoad() throws {
        let season = RuleKeyword("dates.rules", "season", .word, "seasons (no code reads them)")
        try assertLoadFails(
            "dates.rules", appending: "season 春季", reason: "schema keyword `season` is read by no code",
            schema: RuleSchema.keywords + [season], atLine: false)
    }

    /// The candidate vocabulary is the words of the schema's candidate keywords (a trigger's
    /// kind is no word), and nothing else.
    func testCandidatesComeFromTheSchema() throws {
        let rules = sharedRules
        var expected = Set<String>()
        for k in RuleSchema.keywords where k.candidate {
            let f = rules.files.first { $0.name.hasSuffix("/" + k.file) }!
            for e in f.entries where e.keyword == k.keyword { expected.formUnion(k.words(e.values)) }
        }
        XCTAssertTrue(expected.isSuperset(of: ["主持", "区长", "有关负责人", "召开", "指出"]))
        for w in expected { XCTAssertTrue(rules.candidates.contains(w), w) }
        for w in ["verb", "speech", "来自", "等"] { XCTAssertFalse(rules.candidates.contains(w), w) }
    }

    /// Exact examples: a `+` fails on an extra finding of a kind it mentions, naming it; `+~`
    /// does not; a `-` fails on what it forbids.
    func testExactAndSupersetExamples() throws {
        let text = """
            post 区长
            + 区长王伟主持会议，副区长李明出席。 => record:王伟/chair
            +~ 区长王伟主持会议，副区长李明出席。 => record:王伟/chair
            + 区长王伟主持会议，副区长李明出席。 => record:王伟/chair; record:李明/attend@
            - 区长王伟主持会议。 => record:王伟/attend
            - 区长王伟主持会议。 => record:王伟/chair
            """
        let file = try RuleFile(name: "t.rules", text: text, keywords: RuleSchema.keywords(in: "titles.rules"))
        XCTAssertEqual(file.examples.map(\.exact), [true, false, true, false, false])
        let pipeline = try Pipeline(rules: sharedRules)
        let failures = file.examples.map { RuleExamples.check(.init(file: "t.rules", example: $0), pipeline: pipeline) }
        XCTAssertEqual(
            failures.map(\.count), [1, 0, 0, 0, 1], failures.flatMap { $0 }.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(
            failures[0].first?.message.contains("extra record finding record:李明/attend") ?? false,
            failures[0].description)
        XCTAssertEqual(RuleExamples.Case(file: "/x/t.rules", example: file.examples[0]).id, "t.rules:2")
    }
}

/// Rule files written on Windows (CRLF) or old Macs (CR) load the same entries; a file that
/// loads none is an error, never an empty rule set.
final class RuleLineEndingTests: XCTestCase {
    func testCRLFAndCRRuleFilesLoadLikeLF() throws {
        for ending in ["\r\n", "\r"] {
            let dir = try copyOfRules("eol")
            defer { try? FileManager.default.removeItem(at: dir) }
            for name in RuleSchema.files {
                let url = dir.appendingPathComponent(name)
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: ending).write(
                    to: url, atomically: true, encoding: .utf8)
            }
            let rules = try RuleSet.load(from: dir)
            XCTAssertEqual(rules.triggers.count, sharedRules.triggers.count, "line ending \(ending.debugDescription)")
            XCTAssertEqual(rules.files.map { $0.examples.count }, sharedRules.files.map { $0.examples.count })
        }
    }

    func testARuleFileWithNoEntriesIsAnError() throws {
        let dir = try copyOfRules("empty")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# nothing but a comment\n".write(
            to: dir.appendingPathComponent("dates.rules"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            XCTAssertTrue((e as! RuleError).file.hasSuffix("dates.rules"))
            XCTAssertTrue((e as! RuleError).reason.contains("no entries"), (e as! RuleError).reason)
        }
    }

    func testAnUnknownRuleFileIsAnError() throws {
        let dir = try copyOfRules("unknown")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "post 书记\n".write(to: dir.appendingPathComponent("places.rules"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            XCTAssertTrue((e as! RuleError).file.hasSuffix("places.rules"))
            XCTAssertTrue((e as! RuleError).reason.contains("unknown rule file"))
        }
    }
}

/// The name model file: CRLF line endings read alike; a malformed line names file and line.
final class NameModelFileTests: XCTestCase {
    func testModelFileWithCRLFFindsTheSameNames() throws {
        let dir = try copyOfRules("model-eol")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("names.model")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(to: url, atomically: true, encoding: .utf8)
        let crlf = try RuleSet.load(from: dir)
        let s = Array("市长王建中会见了某国总统马尔科维奇。".unicodeScalars)
        XCTAssertEqual(crlf.nameModel.find(s, 0..<s.count), sharedRules.nameModel.find(s, 0..<s.count))
        XCTAssertTrue(
            sharedRules.nameModel.find(s, 0..<s.count).contains {
                String(String.UnicodeScalarView(s[$0.range])) == "王建中"
            })
    }

    func testMalformedModelLineIsAnErrorWithItsLine() throws {
        let dir = try copyOfRules("model-bad")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("names.model")
        var text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        text += "f u9 李 1:20\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RuleSet.load(from: dir)) { e in
            let err = e as! RuleError
            XCTAssertTrue(err.file.hasSuffix("names.model"))
            XCTAssertEqual(err.line, lines)
        }
    }
}

/// `chuxi rules schema`: every keyword of every rule file is documented in the schema and in
/// its file's header (a keyword added to the schema without its header line fails here).
final class RuleSchemaTests: XCTestCase {
    func testEveryKeywordHasADocLine() throws {
        XCTAssertEqual(
            Set(RuleSchema.files), Set(sharedRules.files.map { URL(fileURLWithPath: $0.name).lastPathComponent }))
        for e in RuleSchema.keywords {
            XCTAssertFalse(e.doc.isEmpty, "\(e.file) \(e.keyword) has no doc")
            let header = try String(contentsOf: repoRoot.appendingPathComponent("rules/\(e.file)"), encoding: .utf8)
                .split(whereSeparator: \.isNewline).filter { $0.hasPrefix("#") }.joined(separator: "\n")
            XCTAssertNotNil(
                header.range(of: "(^|[\\s`|:])\(e.keyword)([\\s`|]|$)", options: .regularExpression),
                "\(e.file) \(e.keyword) is not documented in the file's header")
        }
        XCTAssertEqual(
            Set(RuleSchema.keywords.map { "\($0.file) \($0.keyword)" }).count, RuleSchema.keywords.count,
            "a keyword twice in the schema")
        XCTAssertTrue(
            RuleSchema.keywords.contains { $0.file == "titles.rules" && $0.keyword == "post" && $0.candidate })
    }

    /// `rules check --file F --line N` runs that one example; `--file F` that file's.
    func testRunOneFileOrOneExample() throws {
        let pipeline = try Pipeline(rules: sharedRules)
        let roles = sharedRules.files.first { $0.name.hasSuffix("/roles.rules") }!
        XCTAssertEqual(RuleExamples.run(pipeline, file: "roles.rules").checked, roles.examples.count)
        let line = roles.examples[3].line
        XCTAssertEqual(RuleExamples.run(pipeline, file: "roles.rules", line: line).checked, 1)
        XCTAssertEqual(RuleExamples.run(pipeline, file: "roles.rules", line: 1).checked, 0)
        XCTAssertEqual(RuleExamples.run(pipeline).checked, RuleExamples.cases(sharedRules).count)
    }

    /// `rules check --coverage`: a value no example sentence holds is listed; one that some does is not.
    func testCoverageListsUnexercisedValues() throws {
        let c = RuleExamples.coverage(sharedRules)
        XCTAssertEqual(c.keywords, RuleSchema.keywords.count)
        let unexercised = Set(c.unexercisedValues.map { "\($0.keyword.file) \($0.keyword.keyword) \($0.value)" })
        XCTAssertFalse(unexercised.contains("roles.rules chair 主持"))
        XCTAssertTrue(c.unexercisedValues.allSatisfy { $0.keyword.candidate })
        let sentences = sharedRules.files.flatMap { $0.examples.map(\.sentence) }
        for v in c.unexercisedValues { XCTAssertFalse(sentences.contains { $0.contains(v.value) }, v.value) }
        XCTAssertLessThan(c.unexercisedValues.count, c.candidateValues)
    }
}
