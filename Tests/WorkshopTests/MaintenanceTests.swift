import Catalogues
import WorkshopReference
import RouterSim
import Testing
import WorkflowEngine
@testable import Workshop

/// modify_circuit moves a circuit in and out of maintenance. With the metric on the interface
/// (the reference) only paths over that circuit move; with the workshop's router-wide template,
/// paths that never touch it change too.
@Suite struct MaintenanceTests {
    static let devices = (1...5).map { "loc\($0)-core" }

    /// Every ordered pair's shortest paths, as text.
    static func paths(_ fleet: Fleet) throws -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for from in devices {
            for to in devices where to != from {
                result["\(from) -> \(to)"] = Set(try fleet.path(from: from, to: to).map(\.description))
            }
        }
        return result
    }

    static func setMaintenance(_ harness: WorkshopHarness, _ circuit: String, _ on: Bool) throws {
        try harness.expectCompleted(try harness.run(WorkflowName.modifyCircuit,
                                                    [["subscription_id": .string(circuit)], ["under_maintenance": .bool(on)]]))
        #expect(try harness.engine.subscription(CircuitModel.self, id: circuit).circuit.under_maintenance == on)
    }

    static func changedPairs(_ before: [String: Set<String>], _ after: [String: Set<String>]) -> Set<String> {
        Set(before.keys.filter { before[$0] != after[$0] })
    }

    @Test func perInterfaceMetricMovesTrafficOnlyOnAndOffThatCircuit() throws {
        let harness = try WorkshopHarness()
        let (_, circuits) = try harness.buildWorkshop()
        let drained = try Self.paths(harness.fleet)
        #expect(drained["loc1-core -> loc2-core"] == ["loc1-core -> loc2-core (cost 15000000)"])

        try Self.setMaintenance(harness, circuits[0], false)
        let inService = try Self.paths(harness.fleet)
        #expect(inService["loc1-core -> loc2-core"] == ["loc1-core -> loc2-core (cost 10)"])
        #expect(Self.changedPairs(drained, inService) == ["loc1-core -> loc2-core", "loc2-core -> loc1-core"])

        // Every other circuit in service too, then loc1–loc2 back into maintenance: only it drains.
        for circuit in circuits.dropFirst() { try Self.setMaintenance(harness, circuit, false) }
        let allInService = try Self.paths(harness.fleet)
        try Self.setMaintenance(harness, circuits[0], true)
        let oneDrained = try Self.paths(harness.fleet)
        #expect(oneDrained["loc1-core -> loc2-core"] == [
            "loc1-core -> loc3-core -> loc2-core (cost 20)", "loc1-core -> loc4-core -> loc2-core (cost 20)",
            "loc1-core -> loc5-core -> loc2-core (cost 20)",
        ])
        #expect(Self.changedPairs(allInService, oneDrained) == ["loc1-core -> loc2-core", "loc2-core -> loc1-core"])
        let adjacency = try #require(harness.fleet.adjacencies().first { $0.connects("loc1-core", "loc2-core") })
        #expect(adjacency.aMetric == 15_000_000 && adjacency.bMetric == 15_000_000)
        #expect(harness.fleet.reachability().isFullyReachable)
    }

    @Test func routerWideTemplateChangesPathsThatDoNotUseTheCircuit() throws {
        let harness = try WorkshopHarness(WorkshopReference.catalogue(metricPlacement: .routerWide))
        let (_, circuits) = try harness.buildWorkshop()
        let drained = try Self.paths(harness.fleet)

        try Self.setMaintenance(harness, circuits[0], false)
        let after = try Self.paths(harness.fleet)
        let changed = Self.changedPairs(drained, after)
        #expect(changed.contains("loc1-core -> loc2-core"))
        // loc1–loc3 does not use the loc1–loc2 circuit, yet its cost moves with loc1's router-wide metric.
        #expect(drained["loc1-core -> loc3-core"] == ["loc1-core -> loc3-core (cost 15000000)"])
        #expect(after["loc1-core -> loc3-core"] == ["loc1-core -> loc3-core (cost 10)"])
        #expect(changed.count > 2)
        #expect(changed.isSuperset(of: ["loc1-core -> loc3-core", "loc1-core -> loc4-core", "loc2-core -> loc5-core"]))
    }

    @Test func modifyShowsBothEndpointTextsWithTheNewMetric() throws {
        let harness = try WorkshopHarness()
        let (_, circuit) = try harness.firstCircuit()
        let page = try CircuitWorkflowTests.nextPage(harness, WorkflowName.modifyCircuit, [["subscription_id": .string(circuit)]])
        #expect(page["properties"]?["under_maintenance"]?["default"] == true, "defaults to the current value")
        #expect(throws: FormError.self) {
            try harness.engine.start(WorkflowName.modifyCircuit, inputs: [["subscription_id": .string(circuit)], ["under_maintenance": "no"]])
        }
        let started = try harness.engine.start(WorkflowName.modifyCircuit,
                                               inputs: [["subscription_id": .string(circuit)], ["under_maintenance": false]])
        let configs = EngineerPolicy.deviceConfigs(in: try #require(try harness.engine.process(started.processID).form))
        #expect(configs.map(\.device) == ["loc1-core", "loc2-core"])
        #expect(configs.allSatisfy { $0.text.contains(" isis ipv6 metric 10 level-2\n") })
        #expect(try harness.engine.subscription(CircuitModel.self, id: circuit).insync == false, "locked while modifying")
        try harness.expectCompleted(try harness.engineer.confirm(started.processID, on: harness.engine))
        #expect(try harness.engine.subscription(CircuitModel.self, id: circuit).insync)
    }
}
