import Foundation
import NetBoxSim
import RouterSim
import Topology

/// A lab as it was loaded, built once per topology file and copied into each world: building a
/// NetBox and a fleet from a compiled topology, and reading back what the snapshot and the leak
/// finder compare against, cost more than a scenario's own work in a debug build, and every
/// scenario of a suite on one lab file started from the same result.
struct LabSeed: @unchecked Sendable {
    // Never mutated: each world gets its own NetBox restored from `netbox` and a copy of `fleet`.
    private let netbox: NetBoxCheckpoint
    private let fleet: Fleet
    /// Objects the lab was seeded with: never leaks.
    let objects: NetBoxObjectIDs
    /// Every NetBox object as the lab was loaded, for the snapshot's list of changes.
    let state: NetBoxState
    let interfaceIDs: [InterfaceRef: Int]
    /// `interfaceIDs` the other way round, each interface as `device port`.
    let interfaceNames: [Int: String]
    let initialConfigs: [String: String]

    init(_ topology: CompiledTopology) throws {
        let lab = try Lab(topology, clock: { ScenarioWorld.netboxDate })
        (netbox, fleet) = (try lab.netbox.checkpoint(), lab.fleet)
        objects = try NetBoxObjectIDs(lab.netbox)
        state = try NetBoxState(lab.netbox)
        interfaceIDs = try Self.interfaceIDs(lab.netbox)
        interfaceNames = Dictionary(uniqueKeysWithValues: interfaceIDs.map { ($0.value, $0.key.description) })
        let fleet = lab.fleet
        initialConfigs = Dictionary(uniqueKeysWithValues: try fleet.deviceNames.map { ($0, try fleet.runningConfig($0).render()) })
    }

    /// A NetBox and a fleet as the lab was loaded, independent of every other world's.
    func instantiate() -> (NetBox, Fleet) {
        (NetBox(restoring: netbox, clock: { ScenarioWorld.netboxDate }), fleet.copy())
    }

    private static func interfaceIDs(_ netbox: NetBox) throws -> [InterfaceRef: Int] {
        let devices = Dictionary(uniqueKeysWithValues: try netbox.devices(["limit": "0"]).results.map { ($0.id, $0.name) })
        var result: [InterfaceRef: Int] = [:]
        for interface in try netbox.interfaces(["limit": "0"]).results {
            guard let device = devices[interface.deviceID] else { continue }
            result[InterfaceRef(device: device, port: interface.name)] = interface.id
        }
        return result
    }
}
