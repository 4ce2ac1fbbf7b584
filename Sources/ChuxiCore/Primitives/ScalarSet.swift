/// A set of Unicode scalars with an O(1), hash-free test for the Basic Multilingual Plane
/// (a 64 Kbit bitmap); the tagger tests sets like these at every position of the text.
public struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var astral: Set<UInt32> = []

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar { for s in scalars { insert(s) } }
    public init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

    public mutating func insert(_ s: Unicode.Scalar) {
        let v = s.value
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
    }
    public mutating func formUnion(_ other: ScalarSet) {
        for k in bits.indices { bits[k] |= other.bits[k] }
        astral.formUnion(other.astral)
    }
    @inline(__always) public func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x10000 ? bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 : astral.contains(v)
    }
}
