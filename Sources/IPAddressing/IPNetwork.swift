/// A CIDR prefix (network address without host bits, and length), e.g. `2001:db8:10::/44`.
public struct IPNetwork: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let family: IPFamily
    public let network: UInt128
    public let length: Int

    public init(family: IPFamily, network: UInt128, length: Int) {
        precondition((0...family.bits).contains(length), "prefix length out of range")
        self.family = family
        self.network = network & ~family.hostMask(length)
        self.length = length
    }

    /// Parses `a.b.c.d/n` or an IPv6 CIDR, rejecting host bits the way NetBox does.
    public static func parse(_ text: String) throws(IPParseError) -> IPNetwork {
        let address = try IPInterfaceAddress.parse(text, requireLength: true)
        let network = IPNetwork(family: address.family, network: address.host, length: address.length)
        guard network.network == address.host else {
            throw .hostBitsSet(text: text, suggestion: network.description)
        }
        return network
    }

    public var description: String { "\(IPAddressText.format(network, family: family))/\(length)" }

    public var size: UInt128 { family.hostMask(length) &+ 1 }
    public var last: UInt128 { network | family.hostMask(length) }

    public func contains(_ host: UInt128) -> Bool { host & ~family.hostMask(length) == network }

    /// True when `other` lies inside this network (equal counts).
    public func contains(_ other: IPNetwork) -> Bool {
        other.family == family && other.length >= length && contains(other.network)
    }

    /// Orders as NetBox lists prefixes: family, then network, then length (parents before children).
    public static func < (a: IPNetwork, b: IPNetwork) -> Bool {
        (a.family, a.network, a.length) < (b.family, b.network, b.length)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try IPNetwork.parse(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An address with its mask length as NetBox stores IP addresses: `10.0.0.1/32`, `2001:db8:10::1/127`.
public struct IPInterfaceAddress: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let family: IPFamily
    public let host: UInt128
    public let length: Int

    public init(family: IPFamily, host: UInt128, length: Int) {
        self.family = family
        self.host = host
        self.length = length
    }

    /// Parses `host/len`; without a length the address is a host route (/32 or /128) unless
    /// `requireLength` is set. `allowingLeadingZeros` as in `IPAddressText.parse`.
    public static func parse(
        _ text: String, requireLength: Bool = false, allowingLeadingZeros: Bool = true
    ) throws(IPParseError) -> IPInterfaceAddress {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let (family, host) = IPAddressText.parse(parts[0], allowingLeadingZeros: allowingLeadingZeros)
        else { throw .malformed(text) }
        var length = family.bits
        if parts.count == 2 {
            guard let parsed = IPAddressText.prefixLength(parts[1], family: family, allowingLeadingZeros: allowingLeadingZeros)
            else { throw .malformed(text) }
            length = parsed
        } else if requireLength {
            throw .malformed(text)
        }
        return IPInterfaceAddress(family: family, host: host, length: length)
    }

    public var description: String { "\(hostText)/\(length)" }
    public var hostText: String { IPAddressText.format(host, family: family) }
    public var network: IPNetwork { IPNetwork(family: family, network: host, length: length) }
    public var hasHostBits: Bool { network.network != host }
    /// The same address as a single host (/32 or /128), for uniqueness by host.
    public var hostRoute: IPInterfaceAddress { IPInterfaceAddress(family: family, host: host, length: family.bits) }

    public static func < (a: IPInterfaceAddress, b: IPInterfaceAddress) -> Bool {
        (a.family, a.host, a.length) < (b.family, b.host, b.length)
    }

    public init(from decoder: any Decoder) throws {
        self = try IPInterfaceAddress.parse(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public enum IPParseError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(String)
    case hostBitsSet(text: String, suggestion: String)

    /// NetBox's wording for the `prefix` field error.
    public var fieldMessage: String {
        switch self {
        case .malformed: return "Enter a valid IPv4 or IPv6 prefix and mask in CIDR notation."
        case .hostBitsSet: return description
        }
    }

    public var description: String {
        switch self {
        case .malformed(let text): return "Invalid IP address format: \(text)"
        case .hostBitsSet(let text, let suggestion): return "\(text) is not a valid prefix. Did you mean \(suggestion)?"
        }
    }
}
