/// A 128-bit IPv6 address, parsed from any RFC 4291 text form and printed in the RFC 5952
/// canonical form (lowercase, longest zero run compressed), so configs compare by meaning.
public struct IPv6Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high; self.low = low
    }

    public init?(_ text: some StringProtocol) {
        guard let groups = Self.parseGroups(Substring(text)) else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, group) in groups.enumerated() {
            if index < 4 { high = high << 16 | UInt64(group) } else { low = low << 16 | UInt64(group) }
        }
        self.init(high: high, low: low)
    }

    public static func < (lhs: IPv6Address, rhs: IPv6Address) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    var groups: [UInt16] {
        (0..<8).map { index in
            let word = index < 4 ? high : low
            return UInt16(truncatingIfNeeded: word >> (UInt64(3 - index % 4) * 16))
        }
    }

    public var isUnspecified: Bool { high == 0 && low == 0 }
    public var isMulticast: Bool { high >> 56 == 0xff }

    /// The address with every bit after `length` cleared.
    public func masked(to length: Int) -> IPv6Address {
        func mask(_ bits: Int) -> UInt64 { bits <= 0 ? 0 : bits >= 64 ? .max : ~(UInt64.max >> UInt64(bits)) }
        return IPv6Address(high: high & mask(length), low: low & mask(length - 64))
    }

    public var description: String {
        let groups = self.groups
        // The longest run of two or more zero groups is written as "::" (first run wins ties).
        var bestStart = -1, bestLength = 0, index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < 8, groups[index] == 0 { index += 1 }
            if index - start > bestLength, index - start >= 2 { bestStart = start; bestLength = index - start }
        }
        // Written byte by byte: addresses are rendered on every config change.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(39)
        let digits = Array("0123456789abcdef".utf8)
        func append(_ group: UInt16) {
            var started = false
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = Int(group >> UInt16(shift) & 0xf)
                if digit != 0 || started || shift == 0 { bytes.append(digits[digit]); started = true }
            }
        }
        index = 0
        while index < 8 {
            if index == bestStart { bytes += [58, 58]; index += bestLength; continue }
            if index > 0, index != bestStart + bestLength { bytes.append(58) }
            append(groups[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func parseGroups(_ text: Substring) -> [UInt16]? {
        guard !text.isEmpty, text.count <= 45 else { return nil }
        let halves = text.split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        guard let head = parseRun(halves[0], allowIPv4Tail: halves.count == 1) else { return nil }
        if halves.count == 1 { return head.count == 8 ? head : nil }
        guard let tail = parseRun(halves[1], allowIPv4Tail: true), head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    private static func parseRun(_ run: Substring, allowIPv4Tail: Bool) -> [UInt16]? {
        if run.isEmpty { return [] }
        let parts = run.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, allowIPv4Tail, part.contains(".") {
                guard let v4 = IPv4Address(part) else { return nil }
                result.append(UInt16(v4.value >> 16)); result.append(UInt16(v4.value & 0xffff))
                continue
            }
            guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit), let group = UInt16(part, radix: 16) else { return nil }
            result.append(group)
        }
        return result
    }
}
