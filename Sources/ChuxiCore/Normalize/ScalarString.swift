extension String {
    /// A string from scalars, encoded to UTF-8 in one pass: the pipeline turns spans into
    /// strings for every record and mention, and `String.UnicodeScalarView.append` goes
    /// scalar by scalar through the generic path.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buf in
            var n = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    buf[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    buf[n] = UInt8(0xC0 | v >> 6); buf[n + 1] = UInt8(0x80 | v & 0x3F); n += 2
                } else if v < 0x10000 {
                    buf[n] = UInt8(0xE0 | v >> 12); buf[n + 1] = UInt8(0x80 | v >> 6 & 0x3F);
                    buf[n + 2] = UInt8(0x80 | v & 0x3F); n += 3
                } else {
                    buf[n] = UInt8(0xF0 | v >> 18); buf[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    buf[n + 2] = UInt8(0x80 | v >> 6 & 0x3F); buf[n + 3] = UInt8(0x80 | v & 0x3F); n += 4
                }
            }
            return n
        }
    }
}
