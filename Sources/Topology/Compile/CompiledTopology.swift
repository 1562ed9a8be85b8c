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
