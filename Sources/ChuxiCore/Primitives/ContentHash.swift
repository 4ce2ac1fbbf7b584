import Foundation

// Primitives: no rule or stage knowledge; any stage may use them.

/// FNV-1a 64 of bytes, fed block by block: the one hash of the project (a batch keys issues by
/// their file's, a rule set's fingerprint is its files').
public struct ContentHash {
    private var h: UInt64 = 0xcbf29ce484222325
    public init() {}
    public mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }
    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }
    private mutating func add(_ p: UnsafeRawBufferPointer) {
        var h = self.h
        for b in p { h ^= UInt64(b); h = h &* 0x100000001b3 }
        self.h = h
    }
    public var value: String { String(format: "%016llx", h) }
    public static func of(_ data: Data) -> String { var c = ContentHash(); c.add(data); return c.value }
    /// Reads the file in blocks: memory does not grow with its size.
    public static func ofFile(_ path: String) throws -> String {
        guard let f = FileHandle(forReadingAtPath: path) else {
            throw InputError(path: path, reason: "cannot read file")
        }
        defer { try? f.close() }
        var c = ContentHash()
        while let block = try f.read(upToCount: 1 << 20), !block.isEmpty { c.add(block) }
        return c.value
    }
}
