import ArgumentParser
import ChuxiCore
import ChuxiStore
import Foundation

/// `--corrections FILE`, or corrections.csv kept at the archive's root.
struct CorrectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Corrections CSV (reject, fix, confirm, add; default: corrections.csv at the archive's root, when there)."
    )
    var corrections: String?

    static let defaultName = "corrections.csv"

    /// The corrections given, or found beside the archive; nil when none. A bad file is exit 2.
    func load(archive: [String] = []) throws -> Corrections? { try Self.load(corrections, archive: archive) }

    static func load(_ given: String?, archive: [String] = []) throws -> Corrections? {
        var path = given
        if path == nil, let root = archive.first {
            var isDir: ObjCBool = false
            let p = (root as NSString).appendingPathComponent(Self.defaultName)
            if FileManager.default.fileExists(atPath: root, isDirectory: &isDir), isDir.boolValue,
                FileManager.default.fileExists(atPath: p)
            {
                path = p
            }
        }
        guard let p = path else { return nil }
        do { return try Corrections.load(path: p) } catch let e as Corrections.LoadError {
            throw badValue(e.description)
        }
    }
}

/// Orphans and adds the tool now finds, on stderr: never dropped silently.
func reportCorrections(_ o: Corrections.Outcome) {
    for c in o.orphans { standardError("chuxi: orphaned correction, no such record: \(c.description)") }
    for c in o.alreadyExtracted { standardError("chuxi: added record now extracted by the rules: \(c.description)") }
}

/// `--roster FILE` (off by default).
struct RosterOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Roster CSV of known officials (name,aliases,posts): aliases and surname+post resolve to the person (default: none)."
    )
    var roster: String?

    func load() throws -> Roster? {
        guard let p = roster else { return nil }
        do { return try Roster.load(path: p) } catch let e as Roster.LoadError { throw badValue(e.description) }
    }
}

func reportRoster(_ mismatches: [String]) {
    for m in mismatches.prefix(50) { standardError("chuxi: roster: title outside its dates: \(m)") }
    if mismatches.count > 50 {
        standardError("chuxi: roster: \(mismatches.count - 50) more title(s) outside their dates")
    }
}
