/// Parsing and formatting of bare IP addresses (no length); IPv6 is printed RFC 5952 style.
enum IPAddressText {
    static func parse(_ text: String) -> (IPFamily, UInt128)? {
        if text.contains(":") { return parseV6(text).map { (.v6, $0) } }
        return parseV4(text).map { (.v4, UInt128($0)) }
    }

    static func parseV4(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseV6(_ text: String) -> UInt128? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0]) else { return nil }
        var tail: [UInt16] = []
        if halves.count == 2 {
            guard let parsed = groups(halves[1]) else { return nil }
            tail = parsed
        }
        let missing = 8 - head.count - tail.count
        if halves.count == 2 ? missing < 1 : missing != 0 { return nil }
        let all = head + Array(repeating: 0, count: halves.count == 2 ? missing : 0) + tail
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    /// Colon-separated hex groups; the last may be a dotted IPv4 address (two groups).
    private static func groups(_ text: String) -> [UInt16]? {
        if text.isEmpty { return [] }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        var result: [UInt16] = []
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, part.contains(".") {
                guard let v4 = parseV4(String(part)) else { return nil }
                result.append(UInt16(v4 >> 16))
                result.append(UInt16(v4 & 0xFFFF))
            } else {
                guard (1...4).contains(part.count), let group = UInt16(part, radix: 16) else { return nil }
                result.append(group)
            }
        }
        return result
    }

    static func format(_ value: UInt128, family: IPFamily) -> String {
        family == .v4 ? formatV4(UInt32(truncatingIfNeeded: value)) : formatV6(value)
    }

    static func formatV4(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    /// RFC 5952: lower case, no leading zeros, the longest run (first on a tie) of two or more
    /// zero groups becomes `::`.
    static func formatV6(_ value: UInt128) -> String {
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: value >> (112 - 16 * $0)) }
        var bestStart = -1, bestLength = 1
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            let start = index
            while index < 8 && groups[index] == 0 { index += 1 }
            if index - start > bestLength { bestStart = start; bestLength = index - start }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
