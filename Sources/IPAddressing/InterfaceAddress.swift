/// An address configured on an interface together with its prefix length (`2001:db8::1/64`).
/// The `prefix` is the connected subnet it implies.
public struct IPv6InterfaceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var address: IPv6Address
    public var length: Int

    public init(address: IPv6Address, length: Int) {
        self.address = address; self.length = length
    }

    /// Parses `X/LEN`; nil when either half is malformed.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv6Address(parts[0]),
              let length = IPAddressText.prefixLength(parts[1], family: .v6) else { return nil }
        self.init(address: address, length: length)
    }

    public var prefix: IPv6Prefix { IPv6Prefix(network: address.masked(to: length), length: length) }
    public var description: String { "\(address)/\(length)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.address, lhs.length) < (rhs.address, rhs.length) }
}

/// A subnet: an address with the host bits cleared.
public struct IPv6Prefix: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var network: IPv6Address
    public var length: Int

    public init(network: IPv6Address, length: Int) {
        self.network = network.masked(to: length); self.length = length
    }

    public init?(_ text: some StringProtocol) {
        guard let address = IPv6InterfaceAddress(text) else { return nil }
        self = address.prefix
    }

    public func contains(_ address: IPv6Address) -> Bool { address.masked(to: length) == network }
    public func overlaps(_ other: IPv6Prefix) -> Bool {
        let shorter = min(length, other.length)
        return network.masked(to: shorter) == other.network.masked(to: shorter)
    }

    public var description: String { "\(network)/\(length)" }
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.network, lhs.length) < (rhs.network, rhs.length) }
}

public struct IPv4InterfaceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var address: IPv4Address
    public var length: Int

    public init(address: IPv4Address, length: Int) {
        self.address = address; self.length = length
    }

    public var network: IPv4Address { address.masked(to: length) }
    public var mask: IPv4Address { IPv4Address(value: IPv4Address.mask(length)) }

    public func overlaps(_ other: IPv4InterfaceAddress) -> Bool {
        let shorter = min(length, other.length)
        return address.masked(to: shorter) == other.address.masked(to: shorter)
    }

    public var description: String { "\(address)/\(length)" }
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.address, lhs.length) < (rhs.address, rhs.length) }
}
