import Foundation
import Testing
import NetBoxSim
import RouterSim
import Topology
import WorkflowEngine
import WorkflowEngineTesting
@testable import Workshop

/// The workshop lab loaded from Topologies/workshop.yaml, an in-memory engine with the chosen
/// workflow set, and the engineer who pastes shown configs into the fleet.
struct WorkshopHarness {
    static let topology: CompiledTopology = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try! TopologyLoader.load(contentsOf: root.appendingPathComponent("Topologies/workshop.yaml").path)
    }()

    static let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

    let lab: Lab
    let engine: Engine
    let faults: FaultInjector
    let products: RegisteredProducts
    let engineer: Engineer
    let set: WorkflowSet

    init(_ set: WorkflowSet = .reference, seed: UInt64 = 1) throws {
        lab = try Lab(Self.topology, clock: { Self.fixedDate })
        engine = try makeTestEngine(seed: seed)
        faults = FaultInjector()
        products = try set.register(into: engine, netbox: lab.client(faults: faults), fleet: lab.fleet)
        engineer = Engineer(fleet: lab.fleet)
        self.set = set
    }

    var netbox: NetBox { lab.netbox }
    var fleet: Fleet { lab.fleet }

    /// Starts a workflow and plays the engineer at every config page until the process stops
    /// somewhere else; returns the final outcome.
    @discardableResult
    func run(_ workflow: String, _ inputs: [JSON]) throws -> ProcessOutcome {
        var outcome = try engine.start(workflow, inputs: inputs, user: "john.doe")
        while outcome.status == .suspended {
            outcome = try engineer.confirm(outcome.processID, on: engine)
        }
        return outcome
    }

    func subscriptionID(of outcome: ProcessOutcome) throws -> String {
        try #require(try engine.process(outcome.processID).subscriptions.first)
    }

    /// create_node for `device`, completed; returns the subscription id.
    @discardableResult
    func createNode(_ device: String) throws -> String {
        let outcome = try run(WorkflowName.createNode, nodeInputs(device))
        try expectCompleted(outcome)
        return try subscriptionID(of: outcome)
    }

    func nodeInputs(_ device: String) -> [JSON] {
        [["product": .string(products.node.snapshot.productID)], ["select_device_choice": .string(device)]]
    }

    func circuitInputs(_ a: String, _ b: String, aPort: String, bPort: String) throws -> [JSON] {
        [["product": .string(products.circuit.snapshot.productID)], ["router_a": .string(a)], ["router_b": .string(b)],
         ["a_port": .string(try portID(of: a, aPort)), "b_port": .string(try portID(of: b, bPort))]]
    }

    /// create_circuit between two node subscriptions on the named ports, completed.
    @discardableResult
    func createCircuit(_ a: String, _ b: String, aPort: String, bPort: String) throws -> String {
        let outcome = try run(WorkflowName.createCircuit, circuitInputs(a, b, aPort: aPort, bPort: bPort))
        try expectCompleted(outcome)
        return try subscriptionID(of: outcome)
    }

    /// The NetBox interface id (as the form posts it) of a node subscription's port.
    func portID(of node: String, _ port: String) throws -> String {
        let device = try engine.subscription(NodeModel.self, id: node).node.node_name ?? ""
        let interface = try #require(try netbox.interfaces(["device": device, "name": port]).results.first)
        return String(interface.id)
    }

    func expectCompleted(_ outcome: ProcessOutcome) throws {
        guard outcome.status == .completed else {
            let detail = try engine.process(outcome.processID)
            throw HarnessError(description: "\(detail.workflowName) is \(outcome.status.rawValue) at "
                + "\(detail.lastStep ?? "?"): \(detail.failedReason ?? "")")
        }
    }

    /// The workshop's build: five nodes, then the full mesh in the workshop's order
    /// (loc1–loc2, loc1–loc3, loc2–loc3, loc1–loc4, …), locI port 1/1/cJ/1 to locJ port 1/1/cI/1.
    func buildWorkshop() throws -> (nodes: [String], circuits: [String]) {
        let nodes = try (1...5).map { try createNode("loc\($0)-core") }
        var circuits: [String] = []
        for j in 2...5 {
            for i in 1..<j {
                circuits.append(try createCircuit(nodes[i - 1], nodes[j - 1], aPort: "1/1/c\(j)/1", bPort: "1/1/c\(i)/1"))
            }
        }
        return (nodes, circuits)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
}
