import IPAddressing

/// A physical link and whether it carries traffic.
public struct LinkState: Sendable, Equatable {
    public var link: LinkSpec
    public var isUp: Bool
    /// Why the link is down (shut port, unreachable device, link fault, missing port).
    public var downReason: String?
}

public enum ISISLevel: String, Sendable, Hashable {
    case level1 = "L1", level2 = "L2", level12 = "L1L2"
    var includesLevel2: Bool { self != .level1 }
}

/// An IS-IS adjacency in state Up between two ports on one link.
public struct Adjacency: Sendable, Hashable {
    public var a: PortRef
    public var b: PortRef
    public var level: ISISLevel
    public var pointToPoint: Bool
    /// The IPv6 addresses each side uses on the shared subnet (the next hop seen from the other).
    public var aAddress: IPv6Address
    public var bAddress: IPv6Address
    /// The metric each side advertises for the adjacency (its interface's effective metric).
    public var aMetric: UInt32
    public var bMetric: UInt32

    public func connects(_ device: String, _ other: String) -> Bool {
        (a.device == device && b.device == other) || (a.device == other && b.device == device)
    }
}

/// A link whose ends would be adjacent but share one system ID, so IS-IS refuses the adjacency.
struct DuplicateSystemIDLink {
    var adjacency: Adjacency
    var systemID: [UInt8]

    /// What the router at `port` (one end) logs, in the words of IOS: the neighbor's hellos
    /// are dropped as bad packets.
    func logMessage(at port: PortRef) -> String {
        let id = NET.groupedHex(systemID)
        return "%CLNS-3-BADPACKET: ISIS: \(adjacency.pointToPoint ? "P2P" : "LAN L2") hello, Duplicate system ID detected from \(id) (\(port.port))"
    }
}

/// One entry of a router's IPv6 routing table.
public struct Route: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        case connected = "C", local = "L", isis = "I2"
    }
    public var prefix: IPv6Prefix
    public var source: Source
    /// Administrative distance: 0 for connected and local, 115 for IS-IS.
    public var distance: Int { source == .isis ? 115 : 0 }
    public var metric: UInt64
    /// Equal-cost next hops, sorted by interface.
    public var nextHops: [NextHop]
}

public struct NextHop: Sendable, Hashable {
    public var interface: String
    /// The neighbor's address on the link; nil for connected and local routes.
    public var address: IPv6Address?
    /// The neighbor device; nil for connected and local routes.
    public var device: String?
}

/// One shortest path between two devices: the ports it leaves and enters, hop by hop.
public struct NetworkPath: Sendable, Hashable, CustomStringConvertible {
    public struct Hop: Sendable, Hashable {
        public var from: PortRef
        public var to: PortRef
        public var metric: UInt32
    }
    public var hops: [Hop]
    public var cost: UInt64
    public var devices: [String] { hops.isEmpty ? [] : [hops[0].from.device] + hops.map(\.to.device) }
    public var description: String { devices.joined(separator: " -> ") + " (cost \(cost))" }
}

/// Which device reaches which loopback address by hop-by-hop IPv6 forwarding.
public struct ReachabilityMatrix: Sendable, Equatable {
    public struct Loopback: Sendable, Hashable {
        public var device: String
        public var interface: String
        public var address: IPv6Address
    }
    public struct Pair: Sendable, Hashable {
        public var from: String
        public var to: Loopback
    }
    public let devices: [String]
    public let loopbacks: [Loopback]
    let reachable: [Bool]

    public func isReachable(from device: String, to address: IPv6Address) -> Bool? {
        guard let row = devices.firstIndex(of: device), let column = loopbacks.firstIndex(where: { $0.address == address }) else { return nil }
        return reachable[row * loopbacks.count + column]
    }

    public var unreachablePairs: [Pair] {
        var pairs: [Pair] = []
        for (row, device) in devices.enumerated() {
            for (column, loopback) in loopbacks.enumerated() where !reachable[row * loopbacks.count + column] {
                pairs.append(Pair(from: device, to: loopback))
            }
        }
        return pairs
    }

    public var isFullyReachable: Bool { !reachable.contains(false) }
}

/// A fact about the network that is likely a mistake; scenario assertions and validate
/// workflows check these.
public struct NetworkProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case duplicateAddress, subnetMismatch, oneSidedISIS, areaMismatch, levelMismatch,
             networkTypeMismatch, addressedInterfaceDown, duplicateSystemID, isisWithoutNET
    }
    public var kind: Kind
    /// What the problem is about: `device:interface` ports or device names, sorted.
    public var subjects: [String]
    public var detail: String
    public var description: String { "\(kind.rawValue): \(detail)" }
}
