/// IPv4 or IPv6; addresses of both families are held in a `UInt128`.
public enum IPFamily: Int, Sendable, Codable, Comparable, CaseIterable {
    case v4 = 4
    case v6 = 6

    public var bits: Int { self == .v4 ? 32 : 128 }
    public var label: String { self == .v4 ? "IPv4" : "IPv6" }

    public static func < (a: IPFamily, b: IPFamily) -> Bool { a.rawValue < b.rawValue }

    /// Mask of the host bits of a prefix of `length`.
    public func hostMask(_ length: Int) -> UInt128 {
        let hostBits = bits - length
        return hostBits >= 128 ? UInt128.max : ((UInt128(1) << hostBits) - 1)
    }
}
