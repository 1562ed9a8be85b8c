/// A 32-bit IPv4 address in dotted-quad form, for code that handles one family at a time (the
/// routers' configs); `IPInterfaceAddress` is the family-agnostic form.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: UInt32

    public init(value: UInt32) { self.value = value }

    public init?(_ text: some StringProtocol) {
        guard let value = IPAddressText.parseV4(text) else { return nil }
        self.value = value
    }

    /// The prefix length of a contiguous dotted mask such as 255.255.255.0, or nil for a mask
    /// with holes.
    public var maskLength: Int? {
        let length = (~value).leadingZeroBitCount
        return Self.mask(length) == value ? length : nil
    }

    public static func mask(_ length: Int) -> UInt32 { length <= 0 ? 0 : length >= 32 ? .max : ~(UInt32.max >> UInt32(length)) }

    public func masked(to length: Int) -> IPv4Address { IPv4Address(value: value & Self.mask(length)) }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    public var description: String { IPAddressText.formatV4(value) }
}
