import ArgumentParser
import ChuxiCore
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check rule files: syntax, and every example they carry.",
        subcommands: [Check.self])

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
