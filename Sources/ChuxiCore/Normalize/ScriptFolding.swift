import CICUShim

/// Traditional to Simplified script, through ICU's `Traditional-Simplified` transform, one
/// scalar for one so that offsets into the original stay exact. Applied only to text that
/// looks traditional (cheap check), since the transform is slow. One per thread.
public final class ScriptFolding {
    private let handle: OpaquePointer
    /// Common characters that exist only in traditional script.
    static let traditionalMarkers = ScalarSet("們個國會議區長書與這來時為發經對說東問關動實開學門點還進記導幹黨員團構規劃樣態總統務處聯廳際鄉鎮縣財農環衛視協".unicodeScalars)

    /// `id`: an ICU transform id; the pipeline uses `Traditional-Simplified`.
    public init(id: String = "Traditional-Simplified") throws {
        var err: Int32 = 0
        guard let h = cicu_trans_open(id, &err), err <= 0 else {
            throw ICUError(operation: "utrans_open(\(id))", code: err)
        }
        handle = h
    }
    deinit { cicu_trans_close(handle) }

    /// Five markers, or a short text (a one-line Big5 file) whose Han characters are at
    /// least 5% markers, two at least.
    public static func looksTraditional(_ scalars: [Unicode.Scalar]) -> Bool {
        var n = 0, han = 0
        for s in scalars {
            if traditionalMarkers.contains(s) { n += 1; if n >= 5 { return true } }
            if (0x4E00...0x9FFF).contains(s.value) { han += 1 }
        }
        return n >= 2 && n * 20 >= han
    }

    /// Simplified form of each scalar (same count). A scalar whose transform is not a single
    /// scalar is kept as it is.
    public func simplify(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let whole = transform(scalars)
        if whole.count == scalars.count { return whole }
        return scalars.map { s in
            let t = transform([s]); return t.count == 1 ? t[0] : s
        }
    }

    func transform(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var units = Array(String(scalars: scalars).utf16)
        let len = Int32(units.count)
        units += [UInt16](repeating: 0, count: units.count + 16)
        var err: Int32 = 0
        let n = cicu_trans_apply(handle, &units, len, Int32(units.count), &err)
        guard err <= 0 else { return scalars }
        return Array(String(decoding: units[0..<Int(n)], as: UTF16.self).unicodeScalars)
    }
}
