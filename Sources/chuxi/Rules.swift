import ArgumentParser
import ChuxiCore
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check rule files: syntax, and every example they carry.",
        subcommands: [Check.self, Schema.self])

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Print every rule file and keyword: arity, value shape, whether its words are candidate words, its doc line."
        )
        func run() throws {
            print("file\tkeyword\tarity\tshape\tcandidate\tdoc")
            for e in RuleSchema.keywords {
                let arity =
                    e.arity.upperBound == Int.max
                    ? "\(e.arity.lowerBound)+"
                    : e.arity.lowerBound == e.arity.upperBound
                        ? "\(e.arity.lowerBound)" : "\(e.arity.lowerBound)-\(e.arity.upperBound)"
                print("\(e.file)\t\(e.keyword)\t\(arity)\t\(e.shape)\t\(e.candidate ? "yes" : "no")\t\(e.doc)")
            }
            print("\(RuleSet.modelFile)\t(tags, trans, f)\t-\t-\tno\tname model, made by scripts/train-name-model.py")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Load the rules and run their +, +~ and - examples (all, one file's, or one), or list what no example exercises."
        )
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: "Run only the examples of this rule file (`roles.rules`).") var file: String?
        @Option(help: "With --file: run only the example on this line.") var line: Int?
        @Flag(help: "List the keywords, and the values of candidate keywords, that no example sentence holds.")
        var coverage = false

        func validate() throws {
            if line != nil && file == nil { throw ValidationError("--line needs --file") }
        }

        func run() throws {
            let rules = try ruleOptions.load()
            if coverage { return printCoverage(rules) }
            let (n, failures) = RuleExamples.run(try Pipeline(rules: rules), file: file, line: line)
            if n == 0 {
                standardError(
                    "chuxi: no example \(file.map { "in \($0)" } ?? "")\(line.map { " on line \($0)" } ?? "")")
                throw ExitCode(2)
            }
            for f in failures { print(f) }
            let failed = Set(failures.map { "\($0.file):\($0.line)" }).count
            print("\(n - failed) passed, \(failed) failed")
            if !failures.isEmpty { throw ExitCode(1) }
        }

        func printCoverage(_ rules: RuleSet) {
            let c = RuleExamples.coverage(rules)
            for k in c.unexercisedKeywords { print("keyword\t\(k.file)\t\(k.keyword)") }
            for v in c.unexercisedValues { print("value\t\(v.keyword.file)\t\(v.keyword.keyword)\t\(v.value)") }
            print(
                "\(c.keywords - c.unexercisedKeywords.count) of \(c.keywords) keywords exercised; "
                    + "\(c.candidateValues - c.unexercisedValues.count) of \(c.candidateValues) candidate values exercised"
            )
        }
    }
}
