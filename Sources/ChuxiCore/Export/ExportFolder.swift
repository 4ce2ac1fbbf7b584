import CFileShim
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Writes a set of files into a folder so that the folder, at every moment (a kill, a
/// crash, a reader), holds either all its old files or all the new ones, never a mix.
///
/// The new folder is staged beside the old one (`.NAME.export-PID`): the files the export
/// does not replace are hard-linked into it (another format's export in the same `--out`),
/// the new files written and synced, then the two folders are exchanged in one system call
/// (`renameat2(RENAME_EXCHANGE)`) and the old one removed. A kill before the exchange leaves
/// the old folder and a hidden stage, which the next export removes; a kill after it leaves
/// the new folder and the old one hidden beside it, removed likewise. Where the kernel or
/// file system cannot exchange (not Linux, some network file systems) the files are renamed
/// into place one by one, after all are written: a kill in between can then leave a mix.
public enum ExportFolder {
    public static func write(_ files: [(name: String, text: String)], to requested: URL) throws {
        let fm = FileManager.default
        // A symlinked `--out` is kept: the folder it points to is the one exchanged.
        let dir = requested.resolvingSymlinksInPath()
        let parent = dir.deletingLastPathComponent(), base = dir.lastPathComponent
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStale(in: parent, base: base)
        let stage = parent.appendingPathComponent(".\(base).export-\(getpid())")
        try? fm.removeItem(at: stage)
        try fm.createDirectory(at: stage, withIntermediateDirectories: false)
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: dir.path, isDirectory: &isDir)
        if exists && !isDir.boolValue {
            try? fm.removeItem(at: stage)
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: dir.path])
        }
        do {
            let replaced = Set(files.map(\.name))
            if exists { try linkTree(from: dir, to: stage, skipping: replaced) }
            for f in files { try writeSynced(f.text, to: stage.appendingPathComponent(f.name)) }
            if !exists {
                guard rename(stage.path, dir.path) == 0 else { throw posixError("rename", dir) }
                return
            }
            if cfile_exchange(stage.path, dir.path) == 0 {
                try? fm.removeItem(at: stage)  // the old folder, now at the stage's path
                return
            }
            // No exchange here: rename the new files into place, all written first.
            for f in files {
                let from = stage.appendingPathComponent(f.name), to = dir.appendingPathComponent(f.name)
                guard rename(from.path, to.path) == 0 else { throw posixError("rename", to) }
            }
            try? fm.removeItem(at: stage)
        } catch {
            try? fm.removeItem(at: stage)
            throw error
        }
    }

    /// Stages and old folders of exports whose process is gone (`.NAME.export-PID`).
    static func removeStale(in parent: URL, base: String) {
        let prefix = ".\(base).export-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for e in entries where e.hasPrefix(prefix) {
            guard let pid = Int32(e.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
                continue
            }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(e))
        }
    }

    /// Hard links of `from`'s entries in `to` (subfolders recreated, symlinks copied as links).
    static func linkTree(from: URL, to: URL, skipping: Set<String>) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: from.path) where !skipping.contains(name) {
            let src = from.appendingPathComponent(name), dst = to.appendingPathComponent(name)
            let type = try fm.attributesOfItem(atPath: src.path)[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?:
                try fm.createDirectory(at: dst, withIntermediateDirectories: false)
                try linkTree(from: src, to: dst, skipping: [])
            case .typeSymbolicLink?:
                try fm.createSymbolicLink(
                    atPath: dst.path, withDestinationPath: try fm.destinationOfSymbolicLink(atPath: src.path))
            default:
                guard link(src.path, dst.path) == 0 else { throw posixError("link", dst) }
            }
        }
    }

    static func writeSynced(_ text: String, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw posixError("open", url) }
        let h = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        try h.write(contentsOf: Data(text.utf8))
        try h.synchronize()
        try h.close()
    }

    static func posixError(_ op: String, _ url: URL) -> Error {
        let code = errno
        return CocoaError(
            .fileWriteUnknown,
            userInfo: [
                NSFilePathErrorKey: url.path,
                NSLocalizedDescriptionKey: "\(op) \(url.path): \(String(cString: strerror(code)))"
            ])
    }
}
