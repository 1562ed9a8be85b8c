import NetBoxSim
import RouterSim
import WorkflowEngine

/// A named set of products and the workflows that act on them: what a scenario file names with
/// `workflows: NAME` and what `orchlab run`, `grade` and `serve` register into each engine.
///
/// A catalogue is written against public API only: it gets the lab's services when it is
/// registered, so its workflows talk to that world's NetBox (through the fault-injecting
/// client), routers and subscriptions.
///
/// ```swift
/// let catalogue = Catalogue(name: "my-services", products: [portProduct]) { services in
///     [createPort(services), modifyPort(services), terminatePort(services)]
/// }
/// ```
public struct Catalogue: Sendable {
    public let name: String
    /// One line shown by `orchlab run --list-catalogues` and in errors naming the catalogues.
    public let summary: String
    public let products: [Product]
    /// How the simulated engineer answers this catalogue's input steps.
    public let engineer: EngineerPolicy
    private let makeWorkflows: @Sendable (LabServices) -> [Workflow]

    public init(name: String, summary: String = "", products: [Product], engineer: EngineerPolicy = .pastesDeviceConfigs,
                workflows: @escaping @Sendable (LabServices) -> [Workflow]) {
        self.name = name
        self.summary = summary
        self.products = products
        self.engineer = engineer
        self.makeWorkflows = workflows
    }

    /// The workflows, built for one world's services.
    public func workflows(_ services: LabServices) -> [Workflow] {
        makeWorkflows(services)
    }

    /// The same catalogue under another name, or with more workflows and products (a test's
    /// deliberately faulty task, an operator's extra service).
    public func adding(name: String? = nil, products more: [Product] = [],
                       workflows extra: @escaping @Sendable (LabServices) -> [Workflow]) -> Catalogue {
        let base = makeWorkflows
        return Catalogue(name: name ?? self.name, summary: summary, products: products + more, engineer: engineer) {
            base($0) + extra($0)
        }
    }

    /// Registers the workflows and products into `engine`, after checking that workflow names
    /// are unique and that every workflow a product lists is in the catalogue. `stored`: the
    /// engine's store holds them already (this catalogue was registered into it before a restart,
    /// or into the engine it was restored from), so nothing is written (`Engine.registerStored`).
    @discardableResult
    public func register(into engine: Engine, netbox: NetBoxClient, fleet: Fleet, stored: Bool = false) throws -> RegisteredCatalogue {
        let services = LabServices(netbox: netbox, fleet: fleet, subscriptions: SubscriptionLookup(engine: engine))
        let workflows = workflows(services)
        var names: Set<String> = []
        for workflow in workflows where !names.insert(workflow.name).inserted {
            throw CatalogueError.duplicateWorkflow(catalogue: name, workflow: workflow.name)
        }
        var productNames: Set<String> = []
        for product in products {
            guard productNames.insert(product.name).inserted else {
                throw CatalogueError.duplicateProduct(catalogue: name, product: product.name)
            }
            for workflow in product.workflows where !names.contains(workflow) {
                throw CatalogueError.unknownProductWorkflow(catalogue: name, product: product.name, workflow: workflow)
            }
        }
        let registered: [ProductInfo]
        if stored {
            registered = try engine.registerStored(workflows, products: products)
        } else {
            try engine.register(workflows)
            registered = try products.map { try engine.register($0) }
        }
        return RegisteredCatalogue(name: name, products: registered, workflows: workflows.map(WorkflowInfo.init))
    }
}
