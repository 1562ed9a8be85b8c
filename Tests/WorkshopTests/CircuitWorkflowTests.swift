import Catalogues
import WorkshopReference
import NetBoxSim
import RouterSim
import Testing
import WorkflowEngine
@testable import Workshop

@Suite struct CircuitWorkflowTests {
    /// The schema of the page the form asks for next after `inputs`.
    static func nextPage(_ harness: WorkshopHarness, _ workflow: String, _ inputs: [JSON]) throws -> JSON {
        do {
            _ = try harness.engine.start(workflow, inputs: inputs)
        } catch FormError.notComplete(let next) {
            return next.form
        }
        throw HarnessError(description: "\(workflow) started without asking for another page")
    }

    static func options(_ page: JSON, _ field: String) -> [String: String] {
        let property = page["properties"]?[field]
        let values = property?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let labels = property?["options"]?.objectValue ?? [:]
        return Dictionary(uniqueKeysWithValues: values.map { ($0, labels[$0]?.stringValue ?? $0) })
    }

    @Test func formOffersActiveNodesThenFreePortsOfEachRouter() throws {
        let harness = try WorkshopHarness()
        let nodes = try ["loc1-core", "loc2-core", "loc3-core"].map { try harness.createNode($0) }
        let product: JSON = ["product": .string(harness.productID("Circuit"))]
        let routerA = try Self.nextPage(harness, WorkflowName.createCircuit, [product])
        #expect(Self.options(routerA, "router_a") == Dictionary(uniqueKeysWithValues: zip(nodes, ["loc1-core", "loc2-core", "loc3-core"])))
        let routerB = try Self.nextPage(harness, WorkflowName.createCircuit, [product, ["router_a": .string(nodes[0])]])
        #expect(Set(Self.options(routerB, "router_b").keys) == [nodes[1], nodes[2]])
        let ports = try Self.nextPage(harness, WorkflowName.createCircuit,
                                      [product, ["router_a": .string(nodes[0])], ["router_b": .string(nodes[1])]])
        let aPorts = Self.options(ports, "a_port")
        #expect(aPorts.count == 36, "the 36 400G ports, not the 100G ones")
        #expect(aPorts["38"] == "1/1/c2/1")
        #expect(Self.options(ports, "b_port")["109"] == "1/1/c1/1")

        try harness.createCircuit(nodes[0], nodes[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        let after = try Self.nextPage(harness, WorkflowName.createCircuit,
                                      [product, ["router_a": .string(nodes[0])], ["router_b": .string(nodes[2])]])
        #expect(Self.options(after, "a_port").count == 35)
        #expect(Self.options(after, "a_port")["38"] == nil, "a cabled port is no longer offered")
    }

    @Test func configPageCarriesEachTextWithItsDevice() throws {
        let harness = try WorkshopHarness()
        let nodes = try ["loc1-core", "loc2-core"].map { try harness.createNode($0) }
        let started = try harness.engine.start(WorkflowName.createCircuit,
                                               inputs: try harness.circuitInputs(nodes[0], nodes[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
        #expect(started.status == .suspended)
        let detail = try harness.engine.process(started.processID)
        #expect(detail.lastStep == "Provide Config to User")
        let configs = EngineerPolicy.deviceConfigs(in: try #require(detail.form))
        #expect(configs.map(\.field) == ["endpoint_a_router_config", "endpoint_b_router_config"])
        #expect(configs.map(\.device) == ["loc1-core", "loc2-core"])
        let a = CircuitEndpoint(node: "loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1", address: "2001:db8:10::/127")
        #expect(configs[0].text == CircuitConfig.render(a, underMaintenance: true, placement: .perInterface))
        #expect(configs[1].text.hasPrefix("! Paste the following config into loc2-core:\n"))
        #expect(configs[1].text.contains(" ipv6 address 2001:db8:10::1/127\n"))
        #expect(detail.form?["properties"]?["confirm_config_put_on_routers"]?["format"] == "accept")

        // Not confirming keeps the process where it is.
        #expect(throws: FormError.self) {
            try harness.engine.resume(started.processID, inputs: [["confirm_config_put_on_routers": "INCOMPLETE"]])
        }
        #expect(try harness.engine.process(started.processID).lastStatus == .suspended)
        try harness.expectCompleted(try harness.engineer.confirm(started.processID, on: harness.engine))
    }

    @Test func badCircuitInputIsRefusedBeforeAnythingIsStored() throws {
        let harness = try WorkshopHarness()
        let nodes = try ["loc1-core", "loc2-core"].map { try harness.createNode($0) }
        let product: JSON = ["product": .string(harness.productID("Circuit"))]
        func errors(_ inputs: [JSON]) -> [ValidationError] {
            do {
                _ = try harness.engine.start(WorkflowName.createCircuit, inputs: inputs)
            } catch let error as FormError {
                return error.validationErrors
            } catch {}
            return []
        }
        #expect(errors([["product": "no-such-product"]]).map(\.msg) == ["Product not found"])
        #expect(errors([product, ["router_a": "not-a-node"]]).map(\.loc) == [["router_a"]])
        #expect(errors([product, ["router_a": .string(nodes[0])], ["router_b": .string(nodes[0])]]).map(\.loc) == [["router_b"]])
        let badPorts = errors([product, ["router_a": .string(nodes[0])], ["router_b": .string(nodes[1])],
                               ["a_port": "73", "b_port": "109"]])
        #expect(badPorts.map(\.loc) == [["a_port"]], "a 100G port is not offered")
        #expect(try harness.engine.processes(workflow: WorkflowName.createCircuit).isEmpty)
        #expect(try harness.netbox.cables().count == 0)
    }

    @Test func terminateCircuitRemovesItFromNetBoxAndTheRouters() throws {
        let harness = try WorkshopHarness()
        let nodes = try ["loc1-core", "loc2-core"].map { try harness.createNode($0) }
        let before = try NetBoxSnapshot(harness.netbox)
        let circuit = try harness.createCircuit(nodes[0], nodes[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        #expect(harness.fleet.adjacencies().count == 1)

        let outcome = try harness.run(WorkflowName.terminateCircuit, [["subscription_id": .string(circuit)]])
        try harness.expectCompleted(outcome)
        #expect(try harness.engine.subscription(CircuitModel.self, id: circuit).status == .terminated)
        let differences = try NetBoxSnapshot(harness.netbox).differences(from: before)
        #expect(differences.isEmpty, "NetBox is back to how it was before the circuit: \(differences)")
        #expect(harness.fleet.adjacencies().isEmpty)
        let port = try #require(try harness.fleet.runningConfig("loc1-core").interfaces["1/1/c2/1"])
        #expect(port.description == nil && port.ipv6.isEmpty && !port.runsISIS)
        // A terminated circuit takes no more workflows.
        for (workflow, pages) in [(WorkflowName.modifyCircuit, [["subscription_id": .string(circuit)], [:]] as [JSON]),
                                  (WorkflowName.validateCircuit, [["subscription_id": .string(circuit)]]),
                                  (WorkflowName.terminateCircuit, [["subscription_id": .string(circuit)]])] {
            let refused = #expect(throws: FormError.self) { try harness.engine.start(workflow, inputs: pages) }
            #expect(refused?.validationErrors.map(\.msg)
                == ["This workflow cannot be started: Subscription has a status in which this workflow cannot run"], "\(workflow)")
        }
        // Its ports are offered again and a new circuit gets the same addresses back.
        let again = try harness.createCircuit(nodes[0], nodes[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        #expect(try harness.engine.subscription(CircuitModel.self, id: again).circuit.members.map(\.v6_ip_address)
            == ["2001:db8:10::/127", "2001:db8:10::1/127"])
    }

    @Test func aNodeInUseByACircuitCannotBeTerminated() throws {
        let harness = try WorkshopHarness()
        let (nodes, circuit) = try harness.firstCircuit()
        let refused = #expect(throws: FormError.self) {
            try harness.engine.start(WorkflowName.terminateNode, inputs: [["subscription_id": .string(nodes[0])]])
        }
        #expect(refused?.validationErrors.map(\.msg)
            == ["This workflow cannot be started: Subscription is in use by other subscriptions that are not terminated"])
        #expect(try harness.engine.subscriptionWorkflows(nodes[0]).options(.terminate).first?.reason == .inUseByOthers)

        try harness.expectCompleted(try harness.run(WorkflowName.terminateCircuit, [["subscription_id": .string(circuit)]]))
        let outcome = try harness.run(WorkflowName.terminateNode, [["subscription_id": .string(nodes[0])]])
        try harness.expectCompleted(outcome)
        #expect(try harness.engine.subscription(NodeModel.self, id: nodes[0]).status == .terminated)
        #expect(try harness.engine.subscription(NodeModel.self, id: nodes[0]).node.node_status == "planned")
        #expect(try harness.netbox.device(id: 7).status == .planned)
        #expect(try harness.fleet.runningConfig("loc1-core").interfaces["loopback0"] == nil)
        // The device can be enrolled again.
        let page = try Self.nextPage(harness, WorkflowName.createNode, [["product": .string(harness.productID("Node"))]])
        #expect(Self.options(page, "select_device_choice")["loc1-core"] != nil)
    }
}

@Suite struct AbortTests {
    @Test func abortingCreateCircuitGivesBackItsReservations() throws {
        let harness = try WorkshopHarness()
        let nodes = try ["loc1-core", "loc2-core"].map { try harness.createNode($0) }
        let before = try NetBoxSnapshot(harness.netbox)
        let started = try harness.engine.start(WorkflowName.createCircuit,
                                               inputs: try harness.circuitInputs(nodes[0], nodes[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
        #expect(started.status == .suspended)
        #expect(try harness.netbox.cables().count == 1)
        #expect(try harness.engine.abort(started.processID).status == .aborted)
        let differences = try NetBoxSnapshot(harness.netbox).differences(from: before)
        #expect(differences.isEmpty, "\(differences)")
        let cleanup = try harness.engine.process(started.processID).executedSteps.first { $0.name == "Release NetBox reservations" }
        #expect(cleanup?.status == .success)
    }
}
