/// An IPv4 or IPv6 address with a prefix length, e.g. `10.0.0.1/32` or `2001:db8:10::/44`. Both
/// families are held in 128 bits (IPv4 in the low 32) so containment is one mask-and-compare.
struct IPNetwork: Hashable, CustomStringConvertible {
    enum Family: Int { case v4 = 4, v6 = 6 }

    let family: Family
    let address: UInt128
    let length: Int

    var bitWidth: Int { family == .v4 ? 32 : 128 }

    /// Parses `ADDRESS/LENGTH`; `defaultLength` is used when the text has no length (nil: length required).
    init?(_ text: String, defaultLength: Int? = nil) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        if let v4 = Self.parseIPv4(parts[0]) {
            (family, address) = (.v4, v4)
        } else if let v6 = Self.parseIPv6(parts[0]) {
            (family, address) = (.v6, v6)
        } else {
            return nil
        }
        if parts.count == 2 {
            guard let length = Int(parts[1]), String(length) == parts[1] else { return nil }
            self.length = length
        } else {
            guard let defaultLength else { return nil }
            self.length = defaultLength
        }
        guard (0...bitWidth).contains(length) else { return nil }
    }

    private init(family: Family, address: UInt128, length: Int) {
        self.family = family; self.address = address; self.length = length
    }

    /// The network this address is in (host bits cleared).
    var network: IPNetwork { truncated(to: length) }
    var hasHostBits: Bool { network.address != address }
    /// The same address as a single host (/32 or /128), for uniqueness by host.
    var host: IPNetwork { IPNetwork(family: family, address: address, length: bitWidth) }

    /// This address cut to a shorter prefix length (host bits cleared).
    func truncated(to length: Int) -> IPNetwork {
        let shift = bitWidth - length
        let cleared = shift >= 128 ? 0 : (address >> shift) << shift
        return IPNetwork(family: family, address: cleared, length: length)
    }

    /// Canonical text: dotted quad, or RFC 5952 IPv6 (lowercase, longest zero run compressed).
    var description: String { "\(addressText)/\(length)" }

    var addressText: String {
        family == .v4 ? Self.formatIPv4(address) : Self.formatIPv6(address)
    }

    static func parseIPv4(_ text: Substring) -> UInt128? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt128 = 0
        for octet in octets {
            guard let byte = UInt8(octet), String(byte) == octet else { return nil }
            value = value << 8 | UInt128(byte)
        }
        return value
    }

    static func parseIPv6(_ text: Substring) -> UInt128? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + [UInt16](repeating: 0, count: missing) + tail
        return all.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
    }

    static func formatIPv4(_ value: UInt128) -> String {
        (0..<4).map { String((value >> (24 - 8 * $0)) & 0xFF) }.joined(separator: ".")
    }

    static func formatIPv6(_ value: UInt128) -> String {
        let groups = (0..<8).map { Int((value >> (112 - 16 * $0)) & 0xFFFF) }
        // RFC 5952: compress the longest run of two or more zero groups (the first if tied).
        var best = (start: -1, count: 0), index = 0
        while index < 8 {
            guard groups[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.count { best = (index, end - index) }
            index = end
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.count >= 2 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.count)...].joined(separator: ":")
        return "\(head)::\(tail)"
    }
}
