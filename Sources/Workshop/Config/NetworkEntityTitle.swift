import RouterSim

/// A router's own IS-IS NET, derived from its IPv4 loopback as operators commonly do: each
/// octet written as three decimal digits (`10.0.0.1` → `010.000.000.001`), the twelve digits
/// regrouped in fours as the system ID (`0100.0000.0001`), behind the area and before the
/// selector `00`: `49.0001.0100.0000.0001.00`.
///
/// Distinct loopbacks give distinct system IDs (the mapping is one-to-one), and an operator can
/// read the loopback back from a neighbor's system ID. The workshop's circuit template instead
/// gives every router `49.0001.0123.4567.890a.0001.00`, so no two of its routers can become
/// IS-IS neighbors.
public struct NetworkEntityTitle: Sendable, Hashable, CustomStringConvertible {
    /// The workshop's area: AFI 49 (private addressing), area 0001.
    public static let workshopArea = "49.0001"

    /// The area part, e.g. `49.0001`.
    public let area: String
    /// The system ID in dotted groups of four digits, e.g. `0100.0000.0001`.
    public let systemID: String

    /// `loopback` is the dotted IPv4 address, with or without a prefix length (`10.0.0.1/32`,
    /// as NetBox stores it). `area` is `AFI.AREA` in the NET's dotted hex form.
    public init(loopback: String, area: String = Self.workshopArea) throws(NetworkEntityTitleError) {
        let address = loopback.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let host = address.first, let ipv4 = IPv4Address(host) else {
            throw NetworkEntityTitleError("'\(loopback)' is not an IPv4 address such as 10.0.0.1 or 10.0.0.1/32")
        }
        if address.count == 2 {
            guard let length = Int(address[1]), (0...32).contains(length), address[1].allSatisfy({ ("0"..."9").contains($0) }) else {
                throw NetworkEntityTitleError("'\(loopback)' has a prefix length that is not 0 to 32")
            }
        }
        let digits = (0..<4).map { shift -> String in
            let octet = String((ipv4.value >> UInt32(24 - 8 * shift)) & 0xFF)
            return String(repeating: "0", count: 3 - octet.count) + octet
        }.joined()
        let groups = stride(from: 0, to: 12, by: 4).map { start -> Substring in
            let from = digits.index(digits.startIndex, offsetBy: start)
            return digits[from..<digits.index(from, offsetBy: 4)]
        }
        let systemID = groups.joined(separator: ".")
        guard NET("\(area).\(systemID).00") != nil, area.split(separator: ".").count >= 2 else {
            throw NetworkEntityTitleError("'\(area)' is not an IS-IS area such as 49.0001")
        }
        self.area = area
        self.systemID = systemID
    }

    /// The NET as `net` takes it under `router isis`.
    public var description: String { "\(area).\(systemID).00" }
}

/// Why no NET can be derived; the message names the value that is wrong.
public struct NetworkEntityTitleError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
