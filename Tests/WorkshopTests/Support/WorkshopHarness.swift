import Foundation
import OrchLabTestSupport
import Testing
import NetBoxSim
import RouterSim
import Topology
import WorkflowEngine
import WorkflowEngineTesting
import Catalogues
import Workshop
import WorkshopReference

/// The workshop lab loaded from Topologies/workshop.yaml, an in-memory engine with the chosen
/// workflow set, and the engineer who pastes shown configs into the fleet.
struct WorkshopHarness {
    static let topology: CompiledTopology = {
        try! TopologyLoader.load(contentsOf: TestRepository.path("Topologies/workshop.yaml"))
    }()

    static let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

    let lab: Lab
    let engine: Engine
    let faults: FaultInjector
    let catalogue: RegisteredCatalogue
    let engineer: Engineer

    init(_ catalogue: Catalogue = WorkshopReference.catalogue(), seed: UInt64 = 1) throws {
        lab = try Lab(Self.topology, clock: { Self.fixedDate })
        engine = try makeTestEngine(seed: seed)
        faults = FaultInjector()
        self.catalogue = try catalogue.register(into: engine, netbox: lab.client(faults: faults), fleet: lab.fleet)
        engineer = Engineer(fleet: lab.fleet, policy: catalogue.engineer)
    }

    var netbox: NetBox { lab.netbox }

    func productID(_ name: String) -> String { catalogue.product(named: name)?.snapshot.productID ?? "" }
    var fleet: Fleet { lab.fleet }
    var driver: WorkshopDriver { WorkshopDriver(engine: engine, catalogue: catalogue, engineer: engineer, user: "john.doe") }

    @discardableResult
    func run(_ workflow: String, _ inputs: [JSON]) throws -> ProcessOutcome { try driver.run(workflow, inputs) }

    @discardableResult
    func createNode(_ device: String) throws -> String { try driver.createNode(device) }

    func nodeInputs(_ device: String) throws -> [JSON] { try driver.nodeInputs(device) }

    func circuitInputs(routerA: String, routerB: String, aPort: String, bPort: String) throws -> [JSON] {
        try driver.circuitInputs(routerA: routerA, routerB: routerB, aPort: aPort, bPort: bPort)
    }

    @discardableResult
    func createCircuit(routerA: String, routerB: String, aPort: String, bPort: String) throws -> String {
        try driver.createCircuit(routerA: routerA, routerB: routerB, aPort: aPort, bPort: bPort)
    }

    /// loc1-core and loc2-core enrolled, and the workshop's first circuit between them
    /// (loc1-core 1/1/c2/1 to loc2-core 1/1/c1/1).
    func firstCircuit() throws -> (nodes: [String], circuit: String) {
        let nodes = try ["loc1-core", "loc2-core"].map { try createNode($0) }
        return (nodes, try createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
    }

    func buildWorkshop() throws -> (nodes: [String], circuits: [String]) { try driver.buildWorkshop() }

    /// Fails with the process's step and reason unless it completed.
    func expectCompleted(_ outcome: ProcessOutcome) throws {
        _ = try driver.subscription(of: outcome)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
}
