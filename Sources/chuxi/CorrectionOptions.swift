import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

/// `--corrections FILE`, or corrections.csv kept at the archive's root.
struct CorrectionOptions: ParsableArguments {
    @Option(name: .long, help: "Corrections CSV (reject, fix, confirm, add; default: corrections.csv at the archive's root, when there).")
    var corrections: String?

    static let defaultName = "corrections.csv"

    /// The corrections given, or found beside the archive; nil when none. A bad file is exit 2.
    func load(archive: [String] = []) throws -> Corrections? { try Self.load(corrections, archive: archive) }

    static func load(_ given: String?, archive: [String] = []) throws -> Corrections? {
        var path = given
        if path == nil, let root = archive.first {
            var isDir: ObjCBool = false
            let p = (root as NSString).appendingPathComponent(Self.defaultName)
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue, FileManager.default.fileExists(atPath: p) { path = p }
        }
        guard let p = path else { return nil }
        do { return try Corrections.load(path: p) } catch let e as Corrections.LoadError { throw badValue(e.description) }
    }
}

/// Orphans and adds the tool now finds, on stderr: never dropped silently.
func reportCorrections(_ o: Corrections.Outcome) {
    for c in o.orphans { standardError("chuxi: orphaned correction, no such record: \(c.description)") }
    for c in o.alreadyExtracted { standardError("chuxi: added record now extracted by the rules: \(c.description)") }
}
