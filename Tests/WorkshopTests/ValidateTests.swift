import Catalogues
import WorkshopReference
import NetBoxSim
import RouterSim
import Testing
import WorkflowEngine
@testable import Workshop

/// validate_node and validate_circuit: in sync they complete and leave the subscription in
/// sync; drifted, they fail listing every difference and leave it out of sync until a retry
/// after the fix succeeds.
@Suite struct ValidateTests {
    static func validate(_ harness: WorkshopHarness, _ workflow: String, _ id: String) throws -> ProcessOutcome {
        try harness.engine.start(workflow, inputs: [["subscription_id": .string(id)]])
    }

    static func failure(_ harness: WorkshopHarness, _ outcome: ProcessOutcome) throws -> String {
        let detail = try harness.engine.process(outcome.processID)
        #expect(detail.lastStatus == .failed)
        return detail.failedReason ?? ""
    }

    /// Validates and expects a failure listing exactly `differences`; returns the process.
    static func expectDrift(_ harness: WorkshopHarness, _ workflow: String, _ id: String,
                            _ differences: [String]) throws -> ProcessOutcome {
        let outcome = try validate(harness, workflow, id)
        let reason = try failure(harness, outcome)
        for expected in differences {
            #expect(reason.contains(expected), "\(expected) in \(reason)")
        }
        #expect(reason.hasPrefix("\(differences.count) differences found"))
        return outcome
    }

    static func paste(_ harness: WorkshopHarness, _ device: String, _ text: String) throws {
        #expect(try harness.fleet.apply(paste: text, to: device, actor: "someone").isClean)
    }

    @Test func validateNodeInSyncCompletes() throws {
        let harness = try WorkshopHarness()
        let node = try harness.createNode("loc1-core")
        try harness.expectCompleted(try Self.validate(harness, WorkflowName.validateNode, node))
        #expect(try harness.engine.subscription(NodeModel.self, id: node).insync)
    }

    @Test func validateNodeListsEveryDifference() throws {
        let harness = try WorkshopHarness()
        let node = try harness.createNode("loc1-core")
        _ = try harness.netbox.updateDevice(id: 7, ["status": "offline"])
        try Self.paste(harness, "loc1-core", "hostname loc1-core-old\ninterface loopback 0\n ip address 10.9.9.9/32\n ipv6 address 2001:db8::99/128\nend")
        let outcome = try Self.expectDrift(harness, WorkflowName.validateNode, node, [
            "netbox device 7 status: expected active, found offline",
            "loc1-core running-config hostname: expected loc1-core, found loc1-core-old",
            "loc1-core running-config interface loopback0 ip address: expected 10.0.0.1/32, found 10.9.9.9/32",
            "loc1-core running-config interface loopback0 ipv6 address: expected 2001:db8::1/128, found 2001:db8::1/128, 2001:db8::99/128",
        ])
        #expect(try harness.engine.subscription(NodeModel.self, id: node).insync == false)

        // Fixed in NetBox and on the router, a retry validates and puts it back in sync.
        _ = try harness.netbox.updateDevice(id: 7, ["status": "active"])
        try Self.paste(harness, "loc1-core", "hostname loc1-core\ninterface loopback 0\n ip address 10.0.0.1/32\n no ipv6 address 2001:db8::99/128\nend")
        try harness.expectCompleted(try harness.engine.retry(outcome.processID))
        #expect(try harness.engine.subscription(NodeModel.self, id: node).insync)
    }

    @Test func validateNodeNamesAnUnreachableRouter() throws {
        let harness = try WorkshopHarness()
        let node = try harness.createNode("loc2-core")
        try harness.fleet.setFaults(DeviceFaults(unreachable: true), on: "loc2-core", actor: "test")
        let unreachable = try Self.failure(harness, try Self.validate(harness, WorkflowName.validateNode, node))
        #expect(unreachable.contains("remote host loc2-core not responding"))
    }

    @Test func validateCircuitInSyncCompletes() throws {
        let harness = try WorkshopHarness()
        let (_, circuit) = try harness.firstCircuit()
        try harness.expectCompleted(try Self.validate(harness, WorkflowName.validateCircuit, circuit))
        #expect(try harness.engine.subscription(CircuitModel.self, id: circuit).insync)
    }

    @Test func validateCircuitListsEveryDifference() throws {
        let harness = try WorkshopHarness()
        let (_, circuit) = try harness.firstCircuit()
        _ = try harness.netbox.updateCable(id: 1, ["status": "planned"])
        let bAddress = try #require(try harness.netbox.ipAddresses(["interface_id": "109"]).results.first)
        try harness.netbox.deleteIPAddress(id: bAddress.id)
        try Self.paste(harness, "loc1-core", "interface 1/1/c2/1\n isis ipv6 metric 10 level-2\nend")
        try Self.paste(harness, "loc2-core", "interface 1/1/c1/1\n description patched by hand\n no isis network point-to-point\nrouter isis\n passive-interface 1/1/c1/1\nend")

        _ = try Self.expectDrift(harness, WorkflowName.validateCircuit, circuit, [
            "netbox cable 1 status: expected connected, found planned",
            "netbox interface 109 ip addresses: expected 2001:db8:10::1/127, found none",
            "loc1-core running-config interface 1/1/c2/1 isis ipv6 level-2 metric: expected 15000000, found 10",
            "loc2-core running-config interface 1/1/c1/1 description: expected Circuit Connection to loc1-core port 1/1/c2/1, found patched by hand",
            "loc2-core running-config interface 1/1/c1/1 isis network point-to-point: expected yes, found no",
            "loc2-core running-config interface 1/1/c1/1 isis passive: expected no, found yes",
        ])
        #expect(try harness.engine.subscription(CircuitModel.self, id: circuit).insync == false)
        // A locked subscription cannot be modified until validated again.
        #expect(throws: FormError.self) {
            try harness.engine.start(WorkflowName.modifyCircuit, inputs: [["subscription_id": .string(circuit)], [:]])
        }
    }

    @Test func validateCircuitNamesADeletedCable() throws {
        let harness = try WorkshopHarness()
        let (_, circuit) = try harness.firstCircuit()
        try harness.netbox.deleteCable(id: 1)
        let reason = try Self.failure(harness, try Self.validate(harness, WorkflowName.validateCircuit, circuit))
        #expect(reason.contains("netbox cable 1 existence: expected present, found missing"))
    }
}
