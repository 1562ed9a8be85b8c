import Catalogues
import WorkshopReference
import NetBoxSim
import RouterSim
import Testing
import WorkflowEngine
@testable import Workshop

@Suite struct NodeWorkflowTests {
    @Test func createNodeEnrolsThePlannedDevice() throws {
        let harness = try WorkshopHarness()
        let id = try harness.createNode("loc1-core")
        let node = try harness.engine.subscription(NodeModel.self, id: id)
        #expect(node.status == .active)
        #expect(node.description == "Node loc1-core")
        #expect(node.node.node_id == 7)
        #expect(node.node.node_status == "active")
        #expect(node.node.ipv4_loopback == "10.0.0.1/32")
        #expect(node.node.ipv6_loopback == "2001:db8::1/128")
        #expect(try harness.netbox.device(id: 7).status == .active)
        let loopback = try #require(try harness.fleet.runningConfig("loc1-core").interfaces["loopback0"])
        #expect(loopback.ipv4?.description == "10.0.0.1/32")
    }
}

@Suite struct EnrolmentTests {
    /// An aborted create_node leaves its subscription in `initial`, as orchestrator-core does,
    /// but the enrolment check does not count it: the device can be enrolled again.
    @Test func anAbortedEnrolmentLeavesTheDeviceEnrollable() throws {
        let harness = try WorkshopHarness()
        let pending = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc1-core"))
        #expect(pending.status == .suspended)
        let abandoned = try #require(try harness.engine.process(pending.processID).subscriptions.first)
        #expect(try harness.engine.abort(pending.processID).status == .aborted)
        #expect(try harness.engine.subscription(NodeModel.self, id: abandoned).status == .initial)
        let again = try harness.createNode("loc1-core")
        #expect(again != abandoned)
        #expect(try harness.engine.subscription(NodeModel.self, id: again).status == .active)
        // A create still running (not aborted) keeps the device taken.
        let running = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc2-core"))
        #expect(running.status == .suspended)
        #expect(throws: FormError.self) { try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc2-core")) }
    }

    @Test func enrolledDeviceIsNotOfferedAndPostingItNamesTheSubscription() throws {
        let harness = try WorkshopHarness()
        let pending = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc1-core"))
        #expect(pending.status == .suspended)
        let subscription = try #require(try harness.engine.process(pending.processID).subscriptions.first)
        let page = try CircuitWorkflowTests.nextPage(harness, WorkflowName.createNode,
                                                     [["product": .string(harness.productID("Node"))]])
        #expect(page["title"] == "Node", "titled with the product name, as in the workshop")
        #expect(CircuitWorkflowTests.names(page, "select_device_choice") == ["loc2-core", "loc3-core", "loc4-core", "loc5-core"])

        let refused = #expect(throws: FormError.self) {
            try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc1-core"))
        }
        #expect(refused?.validationErrors.map(\.msg)
            == ["Device loc1-core is already enrolled as Node subscription \(subscription) ('Node loc1-core', initial)"])
        #expect(try harness.engine.processes(workflow: WorkflowName.createNode).count == 1, "nothing stored for the refused start")
    }

    @Test func aRetriedEnrolmentIsRefusedWhenAnotherEnrolledTheDeviceMeanwhile() throws {
        let harness = try WorkshopHarness()
        harness.faults.injectNext(.status(503), on: .getDeviceByName)
        let late = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc4-core"))
        #expect(late.status == .failed)
        let winner = try harness.createNode("loc4-core")
        #expect(try harness.engine.retry(late.processID).status == .failed)
        #expect(try harness.engine.process(late.processID).failedReason
            == "Device loc4-core is already enrolled as Node subscription \(winner)")
    }

    @Test func unknownOrActiveDevicesAreRefused() throws {
        let harness = try WorkshopHarness()
        try harness.createNode("loc2-core")
        for device in ["loc9-core", "loc2-core"] {
            let refused = #expect(throws: FormError.self) {
                try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs(device))
            }
            #expect(refused?.validationErrors.map(\.loc) == [["select_device_choice"]], "\(device)")
        }
    }

    @Test func nodeConfigPageNamesItsDevice() throws {
        let harness = try WorkshopHarness()
        let pending = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc2-core"))
        let configs = EngineerPolicy.deviceConfigs(in: try #require(try harness.engine.process(pending.processID).form))
        #expect(configs == [ConfigText(field: "node_config", device: "loc2-core",
                                          text: NodeConfig.render(nodeName: "loc2-core", ipv4Loopback: "10.0.0.2/32",
                                                                  ipv6Loopback: "2001:db8::2/128"))])
        #expect(try harness.engine.subscription(NodeModel.self, id: try #require(try harness.engine.process(pending.processID).subscriptions.first)).status == .initial)
        // The engineer refuses to confirm a page whose paste the router rejects.
        try harness.fleet.setFaults(.init(rejectsConfig: true), on: "loc2-core", actor: "test")
        #expect(throws: RouterError.configRejected("loc2-core")) { try harness.engineer.confirm(pending.processID, on: harness.engine) }
        #expect(try harness.engine.process(pending.processID).lastStatus == .suspended)
    }
}

@Suite struct DriverAndEngineerErrorTests {
    @Test func engineerReportsRejectedLinesAndDoesNotConfirm() throws {
        let harness = try WorkshopHarness()
        let pending = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc3-core"))
        try harness.fleet.setFaults(DeviceFaults(rejectedLinePatterns: ["^ipv6 address"]), on: "loc3-core", actor: "test")
        #expect(throws: EngineerError.rejectedLines(device: "loc3-core", lines: ["ipv6 address 2001:db8::3/128"])) {
            try harness.engineer.confirm(pending.processID, on: harness.engine)
        }
        #expect(try harness.engine.process(pending.processID).lastStatus == .suspended)
        try harness.fleet.setFaults(.none, on: "loc3-core", actor: "test")
        let done = try harness.engineer.confirm(pending.processID, on: harness.engine)
        #expect(done.status == .completed)
        #expect(throws: EngineerError.notSuspended(processID: done.processID, status: .completed)) {
            try harness.engineer.confirm(done.processID, on: harness.engine)
        }
    }

    @Test func driverReportsACircuitThatDidNotComplete() throws {
        let harness = try WorkshopHarness()
        for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
        harness.faults.injectNext(.status(500), on: .getInterface)
        let failed = try harness.engine.start(WorkflowName.createCircuit,
                                              inputs: try harness.circuitInputs(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
        #expect(throws: DriverError.self) { try harness.driver.subscription(of: failed) }
    }
}
