/// A 128-bit IPv6 address, for code that handles one family at a time (the routers' configs);
/// parsed and printed by `IPAddressText`, so configs compare by meaning.
public struct IPv6Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high; self.low = low
    }

    public init(value: UInt128) {
        self.init(high: UInt64(truncatingIfNeeded: value >> 64), low: UInt64(truncatingIfNeeded: value))
    }

    public init?(_ text: some StringProtocol) {
        guard let value = IPAddressText.parseV6(text) else { return nil }
        self.init(value: value)
    }

    public var value: UInt128 { UInt128(high) << 64 | UInt128(low) }

    public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    public var isUnspecified: Bool { high == 0 && low == 0 }
    public var isMulticast: Bool { high >> 56 == 0xff }

    /// The address with every bit after `length` cleared.
    public func masked(to length: Int) -> IPv6Address {
        IPv6Address(value: value & ~IPFamily.v6.hostMask(max(0, min(128, length))))
    }

    public var description: String { IPAddressText.formatV6(value) }
}
