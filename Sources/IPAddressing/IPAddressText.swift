/// Parsing and printing of bare IP addresses (no length), the one grammar NetBox, the topology
/// files and the routers share. IPv4 is a dotted quad of decimal octets; IPv6 is any RFC 4291 form
/// (a trailing dotted quad included) and is printed RFC 5952 style, so texts compare by meaning.
/// Signs (`+1`), non-ASCII digits and over-long groups are refused everywhere.
public enum IPAddressText {
    /// The longest valid IPv6 text (six full groups and a dotted quad); longer input is refused
    /// before any splitting.
    public static let maximumIPv6Length = 45

    /// Either family, told apart by the colon. `allowingLeadingZeros: false` refuses `010.0.0.1`
    /// where a leading zero is more likely a typo than a decimal (the topology files).
    public static func parse(_ text: some StringProtocol, allowingLeadingZeros: Bool = true) -> (IPFamily, UInt128)? {
        if text.contains(":") { return parseV6(text, allowingLeadingZeros: allowingLeadingZeros).map { (.v6, $0) } }
        return parseV4(text, allowingLeadingZeros: allowingLeadingZeros).map { (.v4, UInt128($0)) }
    }

    public static func parseV4(_ text: some StringProtocol, allowingLeadingZeros: Bool = true) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard part.utf8.count <= 3, let octet = decimal(part, allowingLeadingZeros: allowingLeadingZeros), octet <= 255
            else { return nil }
            value = value << 8 | UInt32(octet)
        }
        return value
    }

    public static func parseV6(_ text: some StringProtocol, allowingLeadingZeros: Bool = true) -> UInt128? {
        guard !text.isEmpty, text.utf8.count <= maximumIPv6Length else { return nil }
        let halves = Substring(text).split(separator: "::", maxSplits: 2, omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        // A dotted quad may only end the address, so before a "::" it is refused.
        guard let head = groups(halves[0], allowingIPv4Tail: halves.count == 1, allowingLeadingZeros) else { return nil }
        var all = head
        if halves.count == 1 {
            guard head.count == 8 else { return nil }
        } else {
            guard let tail = groups(halves[1], allowingIPv4Tail: true, allowingLeadingZeros), head.count + tail.count <= 7
            else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    /// A prefix length of `family`: ASCII digits only (no sign), at most the family's width.
    public static func prefixLength(_ text: some StringProtocol, family: IPFamily, allowingLeadingZeros: Bool = true) -> Int? {
        guard text.utf8.count <= 4, let length = decimal(text, allowingLeadingZeros: allowingLeadingZeros), length <= family.bits
        else { return nil }
        return length
    }

    /// Colon-separated hex groups; the last may be a dotted IPv4 address (two groups).
    private static func groups(_ run: Substring, allowingIPv4Tail: Bool, _ allowingLeadingZeros: Bool) -> [UInt16]? {
        if run.isEmpty { return [] }
        let parts = run.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, allowingIPv4Tail, part.contains(".") {
                guard let v4 = parseV4(part, allowingLeadingZeros: allowingLeadingZeros) else { return nil }
                result.append(UInt16(v4 >> 16))
                result.append(UInt16(v4 & 0xFFFF))
                continue
            }
            guard (1...4).contains(part.utf8.count), part.utf8.allSatisfy(isHexDigit), let group = UInt16(part, radix: 16)
            else { return nil }
            result.append(group)
        }
        return result
    }

    private static func decimal(_ text: some StringProtocol, allowingLeadingZeros: Bool) -> Int? {
        let digits = text.utf8
        guard let first = digits.first, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        if !allowingLeadingZeros, first == 0x30, digits.count > 1 { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    public static func format(_ value: UInt128, family: IPFamily) -> String {
        family == .v4 ? formatV4(UInt32(truncatingIfNeeded: value)) : formatV6(value)
    }

    public static func formatV4(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// RFC 5952: lower case, no leading zeros, the longest run (first on a tie) of two or more
    /// zero groups becomes `::`. An IPv4-mapped address stays in hex (`::ffff:c000:201`), as
    /// NetBox and the routers print it.
    public static func formatV6(_ value: UInt128) -> String {
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: value >> (112 - 16 * $0)) }
        var bestStart = -1, bestLength = 1, index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < 8, groups[index] == 0 { index += 1 }
            if index - start > bestLength { bestStart = start; bestLength = index - start }
        }
        // Written byte by byte: the routers render addresses on every config change.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(39)
        func append(_ group: UInt16) {
            var started = false
            for shift in stride(from: 12, through: 0, by: -4) {
                let digit = UInt8(group >> UInt16(shift) & 0xF)
                if digit != 0 || started || shift == 0 { bytes.append(digit < 10 ? 0x30 + digit : 0x57 + digit); started = true }
            }
        }
        index = 0
        while index < 8 {
            if index == bestStart { bytes += [0x3A, 0x3A]; index += bestLength; continue }
            if index > 0, index != bestStart + bestLength { bytes.append(0x3A) }
            append(groups[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
