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
            abstract: "Print every rule file and keyword: arity, whether its words are candidate words, its doc line.")
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let dir = ruleOptions.rules.map { URL(fileURLWithPath: $0) } ?? RuleSet.defaultDirectory()
            print("file\tkeyword\tvalues\tcandidate\tdoc")
            for e in RuleSet.schema(in: dir) {
                let arity = e.arity.upperBound == Int.max ? "\(e.arity.lowerBound)+" : e.arity.lowerBound == e.arity.upperBound ? "\(e.arity.lowerBound)" : "\(e.arity.lowerBound)-\(e.arity.upperBound)"
                print("\(e.file)\t\(e.keyword)\t\(arity)\t\(e.candidate ? "yes" : "no")\t\(e.doc)")
            }
            print("\(RuleSet.modelFile)\t(tags, trans, f)\t-\tno\tname model, made by scripts/train-name-model.py")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load the rules and run their + and - examples.")
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let rules = try ruleOptions.load()
            let (n, failures) = RuleExamples.run(try Pipeline(rules: rules))
            for f in failures { print(f) }
            print("\(n - Set(failures.map { "\($0.file):\($0.line)" }).count) passed, \(Set(failures.map { "\($0.file):\($0.line)" }).count) failed")
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}
