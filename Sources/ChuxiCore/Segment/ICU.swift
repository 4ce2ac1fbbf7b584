import CICUShim

/// Errors raised by the system ICU, with ICU's own name for the code.
public struct ICUError: Error, CustomStringConvertible {
    public let operation: String
    public let code: Int32
    public var description: String { "ICU \(operation) failed: \(String(cString: cicu_error_name(code)))" }
}

public enum ICU {
    /// The system ICU's version (Debian 12: 72.1).
    public static var version: String { String(cString: cicu_version()) }
}

/// One ICU break iterator (word or sentence). Not thread-safe: one per worker.
public final class BreakIterator {
    public enum Kind { case word, sentence }
    private let handle: OpaquePointer

    public init(_ kind: Kind, locale: String = "zh") throws {
        var err: Int32 = 0
        guard let h = cicu_brk_open(kind == .word ? Int32(CICU_BRK_WORD) : Int32(CICU_BRK_SENTENCE), locale, &err),
            err <= 0
        else { throw ICUError(operation: "ubrk_open", code: err) }
        handle = h
    }
    deinit { cicu_brk_close(handle) }

    /// Boundaries of `text` as UTF-16 offsets (including 0 and the end), in one call into
    /// ICU. ICU keeps a pointer to `text` after the call; every call
    /// sets its own text first, so that stale pointer is never read.
    public func offsets(utf16 text: [UInt16]) -> [Int32] {
        if text.isEmpty { return [0] }
        var out = [Int32](repeating: 0, count: text.count + 1)
        var n: Int32 = 0
        text.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                var err: Int32 = 0
                n = cicu_brk_boundaries(handle, p.baseAddress, Int32(p.count), o.baseAddress, &err)
                if err > 0 { n = 0 }
            }
        }
        out.removeLast(out.count - Int(n))
        return out
    }
}
