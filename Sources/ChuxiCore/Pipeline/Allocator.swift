/// glibc returns freed heap to the system as soon as the top of the heap is free, and asks
/// for it again with the next issue: one `brk` and a round of page faults per issue. A run
/// allocates about the same every issue, so it keeps up to 64 MB of freed heap instead
/// (well inside the memory budget; `chuxi bench` reports the peak).
public enum Allocator {
    public static func keepFreedMemory() {
        #if os(Linux)
            _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 64 << 20)
            _ = glibcMallopt(-2 /* M_TOP_PAD */, 16 << 20)
        #endif
    }
}

#if os(Linux)
    // `mallopt` is declared in <malloc.h>, which Swift's Glibc module does not import.
    @_silgen_name("mallopt") private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif
