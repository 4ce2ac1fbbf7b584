import ArgumentParser
import ChuxiCore
import Foundation

/// Options every command that tags text takes.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of rule files (default: the repository's rules/).")
    var rules: String?

    func load() throws -> RuleSet {
        let dir = rules.map { URL(fileURLWithPath: $0) } ?? RuleSet.defaultDirectory()
        do { return try RuleSet.load(from: dir) } catch let e as RuleError {
            throw ValidationError("bad rule file: \(e)")
        }
    }
}

func standardError(_ s: String) {
    FileHandle.standardError.write(Data((s + "\n").utf8))
}
