import Foundation
import NetBoxSim
import RouterSim

/// A loaded lab: the simulated NetBox seeded from a topology and the router fleet wired from it.
///
/// NetBox lives in memory, or in a SQLite file (typically the engine's database): a new or
/// empty file is seeded, a file that already holds NetBox objects is reopened as it is. The
/// fleet's router configs are in memory only; a reopened lab starts with unconfigured routers.
public final class Lab: Sendable {
    public let topology: CompiledTopology
    public let netbox: NetBox
    public let fleet: Fleet

    public init(_ topology: CompiledTopology, netboxPath: String? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.topology = topology
        if let netboxPath {
            netbox = try NetBox(path: netboxPath, clock: clock)
        } else {
            netbox = NetBox(clock: clock)
        }
        if try Lab.isEmpty(netbox) { try netbox.load(topology.seed) }
        fleet = Fleet(spec: topology.fleet)
    }

    /// Loads a topology file (native YAML, containerlab or NetBox export).
    public convenience init(contentsOf path: String, netboxPath: String? = nil,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws {
        try self.init(TopologyLoader.load(contentsOf: path), netboxPath: netboxPath, clock: clock)
    }

    /// A client for workflows; clients sharing `faults` share one fault plan and call counts.
    public func client(faults: FaultInjector = FaultInjector(), actor: String = "") -> NetBoxClient {
        NetBoxClient(netbox: netbox, actor: actor, faults: faults)
    }

    private static func isEmpty(_ netbox: NetBox) throws -> Bool {
        try netbox.devices().count == 0 && netbox.prefixes().count == 0
    }
}
