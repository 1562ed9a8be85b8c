import Catalogues
import WorkflowEngine

/// Drives the workshop's workflows as a client would: posts the form pages (routers, ports and
/// devices by name, as to the workshop's app), plays the engineer at every config page, and
/// reports where each process ended.
public struct WorkshopDriver: Sendable {
    public let engine: Engine
    public let catalogue: RegisteredCatalogue
    public let engineer: Engineer
    public let user: String

    public init(engine: Engine, catalogue: RegisteredCatalogue, engineer: Engineer, user: String = "engineer") {
        self.engine = engine
        self.catalogue = catalogue
        self.engineer = engineer
        self.user = user
    }

    /// The workshop's five routers.
    public static let devices = (1...5).map { "loc\($0)-core" }

    /// The workshop's circuits in build order (loc1–loc2, loc1–loc3, loc2–loc3, loc1–loc4, …):
    /// locI port 1/1/cJ/1 to locJ port 1/1/cI/1, as 1-based router numbers.
    public static let meshOrder: [(a: Int, b: Int)] = (2...5).flatMap { b in (1..<b).map { a in (a, b) } }

    /// Starts `workflow` and confirms every config page (pasting its texts) until the process
    /// stops anywhere else.
    @discardableResult
    public func run(_ workflow: String, _ inputs: [JSON]) throws -> ProcessOutcome {
        var outcome = try engine.start(workflow, inputs: inputs, user: user)
        while outcome.status == .suspended {
            outcome = try engineer.confirm(outcome.processID, on: engine)
        }
        return outcome
    }

    /// The subscription a completed process worked on; anything but completed is an error.
    public func subscription(of outcome: ProcessOutcome) throws -> String {
        let detail = try engine.process(outcome.processID)
        guard outcome.status == .completed, let id = detail.subscriptions.first else {
            throw DriverError.notCompleted(workflow: detail.workflowName, status: outcome.status,
                                           step: detail.lastStep ?? "", reason: detail.failedReason ?? "")
        }
        return id
    }

    public func nodeInputs(_ device: String) throws -> [JSON] {
        [["product": .string(try catalogue.product(for: WorkflowName.createNode).snapshot.productID)], ["select_device_choice": .string(device)]]
    }

    /// create_circuit's pages as a client of the workshop's app posts them: both routers and
    /// their ports by name.
    public func circuitInputs(routerA: String, routerB: String, aPort: String, bPort: String) throws -> [JSON] {
        [["product": .string(try catalogue.product(for: WorkflowName.createCircuit).snapshot.productID)],
         ["router_a": .string(routerA)], ["router_b": .string(routerB)], ["a_port": .string(aPort), "b_port": .string(bPort)]]
    }

    /// create_node for `device`, completed; its subscription id.
    @discardableResult
    public func createNode(_ device: String) throws -> String {
        try subscription(of: run(WorkflowName.createNode, nodeInputs(device)))
    }

    /// create_circuit between two routers (node names) on the named ports, completed; its subscription id.
    @discardableResult
    public func createCircuit(routerA: String, routerB: String, aPort: String, bPort: String) throws -> String {
        try subscription(of: run(WorkflowName.createCircuit, circuitInputs(routerA: routerA, routerB: routerB, aPort: aPort, bPort: bPort)))
    }

    /// The workshop's full build: the five nodes, then the ten circuits in the workshop's order.
    public func buildWorkshop() throws -> (nodes: [String], circuits: [String]) {
        let nodes = try Self.devices.map { try createNode($0) }
        let circuits = try Self.meshOrder.map { pair in
            try createCircuit(routerA: Self.devices[pair.a - 1], routerB: Self.devices[pair.b - 1],
                              aPort: "1/1/c\(pair.b)/1", bPort: "1/1/c\(pair.a)/1")
        }
        return (nodes, circuits)
    }
}

public enum DriverError: Error, Sendable, Equatable, CustomStringConvertible {
    case notCompleted(workflow: String, status: ProcessStatus, step: String, reason: String)
    case unexpectedPage(String)

    public var description: String {
        switch self {
        case .notCompleted(let workflow, let status, let step, let reason):
            "\(workflow) is \(status.rawValue) at '\(step)'" + (reason.isEmpty ? "" : ": \(reason)")
        case .unexpectedPage(let detail): detail
        }
    }
}
