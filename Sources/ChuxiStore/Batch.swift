import ChuxiCore
import Foundation

/// `chuxi batch`: extracts the issues of an archive that the store does not hold yet (by
/// content hash; a changed file replaces its old records), in parallel, each written in its
/// own transaction as soon as it is done, so that an interrupted batch keeps its progress.
public enum Batch {
    public struct Summary: Equatable {
        public var new = 0, changed = 0, unchanged = 0, failed = 0
        public var recordsAdded = 0, recordsRemoved = 0
        /// Issues in the store whose file is no longer in the archive: kept (an archive may be
        /// walked in parts); listed so that the user can see them.
        public var notInArchive: [String] = []
        public var failures: [String] = []
        /// Issues extracted again because the rules changed.
        public var reextractedForRules = 0
        /// Issues extracted in this run that gave no record at all (an article with no
        /// meeting, or one the rules cannot read): counted so that silence is visible.
        public var withoutRecords = 0
        /// The corrections applied after extraction (nil: none given and none before).
        public var corrections: Corrections.Outcome?
        /// With a roster: titles its dates do not allow (reported, not changed).
        public var rosterMismatches: [String] = []
        public var description: String {
            "issues: \(new) new, \(changed) changed, \(unchanged) unchanged, \(failed) failed; records: \(recordsAdded) added, \(recordsRemoved) removed"
                + (new + changed == 0
                    ? "" : "; \(withoutRecords) of the \(new + changed) extracted issue(s) gave no record")
                + (notInArchive.isEmpty ? "" : "; \(notInArchive.count) stored issue(s) not in the archive")
                + (reextractedForRules == 0 ? "" : "; rules changed: \(reextractedForRules) issue(s) extracted again")
                + (corrections.map {
                    "; corrections: \($0.applied) applied, \($0.orphans.count) orphaned"
                        + ($0.alreadyExtracted.isEmpty ? "" : ", \($0.alreadyExtracted.count) add(s) now extracted")
                } ?? "")
        }
    }

    public static func run(
        archive: [String], store: Store, rules: RuleSet, jobs: Int,
        issueDate: IssueDate? = nil, encoding: String? = nil, format: InputFormat? = nil,
        corrections: Corrections? = nil, roster: Roster? = nil,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Summary {
        let listing = try InputWalker.list(archive)
        let files = listing.files
        var stored = try store.storedHashes()
        var summary = Summary()
        for e in listing.skipped { summary.failed += 1; summary.failures.append(e.description) }
        // Rules changed since the store was filled: every issue is extracted again (its old
        // records replaced), so the store always holds what the current rules give.
        let storedRules = try store.meta("rules")
        // A roster changes what the rules give: its hash joins the rules' fingerprint, so
        // that adding, changing or dropping it extracts again (without one: the rules' alone).
        let fingerprint = rules.fingerprint + (roster.map { "+roster:" + $0.fingerprint } ?? "")
        let rulesChanged = storedRules != nil && storedRules != fingerprint
        if rulesChanged { summary.reextractedForRules = stored.count; stored = stored.mapValues { _ in "" } }
        var todo: [(path: String, id: String, hash: String, isNew: Bool)] = []
        for f in files {
            guard let h = try? ContentHash.ofFile(f.path) else {
                summary.failed += 1; summary.failures.append("\(f.path): cannot read"); continue
            }
            if let old = stored[f.id] {
                if old == h { summary.unchanged += 1 } else { todo.append((f.path, f.id, h, false)) }
            } else {
                todo.append((f.path, f.id, h, true))
            }
        }
        summary.notInArchive = Set(stored.keys).subtracting(files.map(\.id)).sorted()
        // Each issue is committed by its worker as soon as it is extracted.
        let outcomes = try WorkQueue.map(
            count: todo.count, jobs: jobs, makeWorker: { try Pipeline(rules: rules) },
            progress: { progress?($0, todo.count) }
        ) { pipeline, i -> Result<(removed: Int, added: Int, mismatches: [String]), Error> in
            let t = todo[i]
            return Result {
                let (r, hash) =
                    try roster?.run(
                        pipeline, path: t.path, id: t.id, issueDate: issueDate, encoding: encoding, format: format)
                    ?? pipeline.run(path: t.path, id: t.id, issueDate: issueDate, encoding: encoding, format: format)
                // The absolute path: the report links to the file from wherever it is run.
                let c = try store.replace(
                    issue: r, path: URL(fileURLWithPath: t.path).standardizedFileURL.path, hash: hash)
                return (c.removed, c.added, roster?.titleMismatches(r.records) ?? [])
            }
        }
        if let r = roster {
            try store.setMeta("roster", r.names.sorted().joined(separator: "\n"))
        } else {
            try store.db.write { db in try db.execute(sql: "DELETE FROM meta WHERE key = 'roster'") }
        }
        for (t, o) in zip(todo, outcomes) {
            switch o {
            case .success(let c):
                if t.isNew { summary.new += 1 } else { summary.changed += 1 }
                summary.recordsAdded += c.added; summary.recordsRemoved += c.removed
                if c.added == 0 { summary.withoutRecords += 1 }
                summary.rosterMismatches += c.mismatches
            case .failure(let e as InputError): summary.failed += 1; summary.failures.append(e.description)
            case .failure(let e): throw e
            }
        }
        // Human decisions, applied after every extraction (the store's extracted rows are
        // kept apart): given, or given before (a file emptied or dropped undoes them, shown).
        let before = try store.meta("corrections")
        if corrections != nil || (before != nil && before != Corrections.empty.fingerprint) {
            let c = corrections ?? .empty
            if !todo.isEmpty || before != c.fingerprint {
                summary.corrections = try store.applyCorrections(c); _ = try store.refreshGraph()
            } else {
                summary.corrections = c.apply(to: try store.extractedRows()).outcome
            }
        } else if !todo.isEmpty {
            _ = try store.refreshGraph()
        }
        // A failed file is tried again next run; the fingerprint moves on only when all went through.
        if summary.failed == 0 { try store.setMeta("rules", fingerprint) }
        summary.failures.sort(); summary.rosterMismatches.sort()
        return summary
    }
}
