/// A 32-bit IPv4 address in dotted-quad form.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var value: UInt32

    public init(value: UInt32) { self.value = value }

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), let octet = UInt8(part) else { return nil }
            value = value << 8 | UInt32(octet)
        }
        self.value = value
    }

    /// The prefix length of a contiguous dotted mask such as 255.255.255.0, or nil for a mask
    /// with holes.
    var maskLength: Int? {
        let length = (~value).leadingZeroBitCount
        return Self.mask(length) == value ? length : nil
    }

    static func mask(_ length: Int) -> UInt32 { length <= 0 ? 0 : length >= 32 ? .max : ~(UInt32.max >> UInt32(length)) }

    public func masked(to length: Int) -> IPv4Address { IPv4Address(value: value & Self.mask(length)) }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }
}
