import NetBoxSim
import RouterSim

/// What a valid topology loads into: the NetBox objects and the router fleet, plus the warnings
/// (problems that do not stop the lab, such as an address outside every prefix).
public struct CompiledTopology: Sendable, Equatable {
    public var seed: NetBoxSeed
    public var fleet: FleetSpec
    public var warnings: [TopologyDiagnostic]

    public init(seed: NetBoxSeed, fleet: FleetSpec, warnings: [TopologyDiagnostic] = []) {
        self.seed = seed; self.fleet = fleet; self.warnings = warnings
    }
}

extension CompiledTopology {
    /// One line of counts, e.g. `5 sites, 5 devices, 365 interfaces, 5 prefixes, 10 addresses, 0 cables, 10 links`.
    public var summary: String {
        let counts = [
            (seed.sites.count, "site"), (seed.devices.count, "device"), (seed.interfaces.count, "interface"),
            (seed.prefixes.count, "prefix"), (seed.ipAddresses.count, "address"), (seed.cables.count, "cable"),
            (fleet.links.count, "link"),
        ]
        return counts.map { count, noun in
            "\(count) \(count == 1 ? noun : noun.hasSuffix("x") || noun.hasSuffix("s") ? noun + "es" : noun + "s")"
        }.joined(separator: ", ")
    }
}
