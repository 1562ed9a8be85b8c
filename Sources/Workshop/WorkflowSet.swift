import NetBoxSim
import RouterSim
import WorkflowEngine

/// The workshop's products and workflows, as one selectable set: `.reference` solves the
/// workshop's three exercises, `.starter` leaves them as the workshop hands them out.
///
///     let lab = try Lab(contentsOf: "Topologies/workshop.yaml")
///     let engine = try Engine(path: ":memory:")
///     let products = try WorkflowSet.reference.register(into: engine, netbox: lab.client(), fleet: lab.fleet)
///     let started = try engine.start("create_node", inputs: [["product": .string(products.node.snapshot.productID)],
///                                                            ["select_device_choice": "loc1-core"]])
///     // suspended at "Provide Config to User": play the engineer
///     try Engineer(fleet: lab.fleet).confirm(started.processID, on: engine)
public struct WorkflowSet: Sendable, Hashable {
    public let name: String
    public let solvedExercises: Set<Exercise>
    /// Where circuit texts put the IS-IS metric; `.perInterface` unless a scenario asks for the
    /// workshop's router-wide template.
    public let metricPlacement: MetricPlacement

    public init(name: String, solvedExercises: Set<Exercise>, metricPlacement: MetricPlacement = .perInterface) {
        self.name = name
        self.solvedExercises = solvedExercises
        self.metricPlacement = metricPlacement
    }

    public static let reference = WorkflowSet(name: "reference", solvedExercises: Set(Exercise.allCases))
    public static let starter = WorkflowSet(name: "starter", solvedExercises: [])
    public static let all = [reference, starter]

    /// A set by name (`reference`, `starter`).
    public static func named(_ name: String) -> WorkflowSet? {
        all.first { $0.name == name }
    }

    /// The same set rendering circuit texts with `placement`.
    public func placingMetric(_ placement: MetricPlacement) -> WorkflowSet {
        WorkflowSet(name: name, solvedExercises: solvedExercises, metricPlacement: placement)
    }

    /// The workflows, talking to NetBox through `netbox` and to the routers through `fleet`,
    /// and finding subscriptions in `engine`.
    public func workflows(engine: Engine, netbox: NetBoxClient, fleet: Fleet) -> [Workflow] {
        let services = WorkshopServices(netbox: WorkshopNetBox(client: netbox), fleet: fleet,
                                        directory: SubscriptionDirectory(engine: engine), metricPlacement: metricPlacement)
        return [
            CreateNode.workflow(services, solved: solvedExercises),
            TerminateNode.workflow(services),
            ValidateNode.workflow(services),
            CreateCircuit.workflow(services),
            ModifyCircuit.workflow(services, solved: solvedExercises.contains(.modifyCircuit)),
            TerminateCircuit.workflow(services),
            ValidateCircuit.workflow(services),
        ]
    }

    /// Registers the workflows and the Node and Circuit products into `engine`.
    @discardableResult
    public func register(into engine: Engine, netbox: NetBoxClient, fleet: Fleet) throws -> RegisteredProducts {
        try engine.register(workflows(engine: engine, netbox: netbox, fleet: fleet))
        return RegisteredProducts(node: try engine.register(WorkshopProducts.node),
                                  circuit: try engine.register(WorkshopProducts.circuit))
    }
}

/// The workshop's products as registered in an engine (their ids are what create workflows'
/// first page asks for).
public struct RegisteredProducts: Sendable, Hashable {
    public let node: ProductInfo
    public let circuit: ProductInfo
}
