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

    /// A choice field's `enum`, after checking it carries no `options` (value and label agree).
    static func names(_ page: JSON, _ field: String) -> [String] {
        let property = page["properties"]?[field]
        #expect(property?["options"] == nil, "\(field) is offered by name, with no labels")
        return property?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    @Test func formOffersActiveNodesThenFreePortsOfEachRouterByName() throws {
        let harness = try WorkshopHarness()
        let nodes = try ["loc1-core", "loc2-core", "loc3-core"].map { try harness.createNode($0) }
        let product: JSON = ["product": .string(harness.productID("Circuit"))]
        let routerA = try Self.nextPage(harness, WorkflowName.createCircuit, [product])
        #expect(routerA["title"] == "Circuit")
        #expect(routerA["properties"]?["router_a"]?["title"] == "Router A")
        #expect(Self.names(routerA, "router_a") == ["loc1-core", "loc2-core", "loc3-core"])
        let routerB = try Self.nextPage(harness, WorkflowName.createCircuit, [product, ["router_a": "loc1-core"]])
        #expect(routerB["title"] == "Circuit")
        #expect(Self.names(routerB, "router_b") == ["loc2-core", "loc3-core"], "router A is no longer offered")
        let ports = try Self.nextPage(harness, WorkflowName.createCircuit, [product, ["router_a": "loc1-core"], ["router_b": "loc2-core"]])
        #expect(ports["title"] == "Choose circuit ports")
        let aPorts = Self.names(ports, "a_port")
        let free400G = try harness.netbox.interfaces(["device": "loc1-core", "speed": "400000000"]).results.map(\.name)
        #expect(aPorts.count == 36, "the 36 400G ports, not the 100G ones")
        #expect(aPorts == free400G)
        #expect(aPorts.contains("1/1/c2/1") && !aPorts.contains("2/1/c1/1"))
        #expect(Self.names(ports, "b_port").contains("1/1/c1/1"))

        // The posted names become the node subscriptions and the NetBox interfaces behind them.
        let circuit = try harness.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        let members = try harness.engine.subscription(CircuitModel.self, id: circuit).circuit.members
        #expect(members.map(\.port.node?.node_name) == ["loc1-core", "loc2-core"])
        #expect(members.map(\.port.port_name) == ["1/1/c2/1", "1/1/c1/1"])
        #expect(members.map(\.port.port_id) == [38, 109])
        let process = try #require(try harness.engine.processes(workflow: WorkflowName.createCircuit).first)
        let state = try harness.engine.process(process.processID).currentState
        #expect(state["router_a"]?.stringValue == nodes[0] && state["router_b"]?.stringValue == nodes[1])
        let after = try Self.nextPage(harness, WorkflowName.createCircuit, [product, ["router_a": "loc1-core"], ["router_b": "loc3-core"]])
        #expect(Self.names(after, "a_port").count == 35)
        #expect(!Self.names(after, "a_port").contains("1/1/c2/1"), "a cabled port is no longer offered")
    }

    @Test func configPageCarriesEachTextWithItsDevice() throws {
        let harness = try WorkshopHarness()
        for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
        let started = try harness.engine.start(WorkflowName.createCircuit,
                                               inputs: try harness.circuitInputs(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
        #expect(started.status == .suspended)
        let detail = try harness.engine.process(started.processID)
        #expect(detail.lastStep == "Provide Config to User")
        let configs = EngineerPolicy.deviceConfigs(in: try #require(detail.form))
        #expect(configs.map(\.field) == ["endpoint_a_router_config", "endpoint_b_router_config"])
        #expect(configs.map(\.device) == ["loc1-core", "loc2-core"])
        let a = CircuitEndpoint(node: "loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1", address: "2001:db8:10::/127")
        #expect(configs[0].text == CircuitConfig.render(a, underMaintenance: true, placement: .perInterface, net: "49.0001.0100.0000.0001.00"))
        #expect(configs[1].text.contains(" net 49.0001.0100.0000.0002.00\n"), "each router its own NET, from its loopback")
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
        let badRouter = errors([product, ["router_a": "loc9-core"]])
        #expect(badRouter.map(\.loc) == [["router_a"]])
        #expect(badRouter.first?.msg == "Input should be 'loc1-core' or 'loc2-core'")
        #expect(badRouter.first?.input == "loc9-core")
        #expect(errors([product, ["router_a": .string(nodes[0])]]).map(\.loc) == [["router_a"]], "a subscription id is not a name")
        #expect(errors([product, ["router_a": "loc1-core"], ["router_b": "loc1-core"]]).map(\.loc) == [["router_b"]])
        let badPorts = errors([product, ["router_a": "loc1-core"], ["router_b": "loc2-core"], ["a_port": "2/1/c1/1", "b_port": "1/1/c1/1"]])
        #expect(badPorts.map(\.loc) == [["a_port"]], "a 100G port is not offered")
        #expect(errors([product, ["router_a": "loc1-core"], ["router_b": "loc2-core"], ["a_port": "38", "b_port": "1/1/c1/1"]])
            .map(\.loc) == [["a_port"]], "a NetBox interface id is not a port name")
        #expect(try harness.engine.processes(workflow: WorkflowName.createCircuit).isEmpty)
        #expect(try harness.netbox.cables().count == 0)
    }

    @Test func terminateCircuitRemovesItFromNetBoxAndTheRouters() throws {
        let harness = try WorkshopHarness()
        for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
        let before = try NetBoxSnapshot(harness.netbox)
        let circuit = try harness.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
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
        let again = try harness.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
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
        #expect(Self.names(page, "select_device_choice").contains("loc1-core"))
    }
}

@Suite struct AbortTests {
    @Test func abortingCreateCircuitGivesBackItsReservations() throws {
        let harness = try WorkshopHarness()
        for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
        let before = try NetBoxSnapshot(harness.netbox)
        let started = try harness.engine.start(WorkflowName.createCircuit,
                                               inputs: try harness.circuitInputs(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
        #expect(started.status == .suspended)
        #expect(try harness.netbox.cables().count == 1)
        #expect(try harness.engine.abort(started.processID).status == .aborted)
        let differences = try NetBoxSnapshot(harness.netbox).differences(from: before)
        #expect(differences.isEmpty, "\(differences)")
        let cleanup = try harness.engine.process(started.processID).executedSteps.first { $0.name == "Release NetBox reservations" }
        #expect(cleanup?.status == .success)
    }
}
