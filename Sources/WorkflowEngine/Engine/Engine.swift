import Foundation
import SQLite

/// The workflow engine: durable processes, steps, forms and subscriptions in one `EngineStore`
/// (a SQLite database file, or memory).
///
/// Define a product (its blocks are Codable structs with per-lifecycle requirements):
///
///     struct NodeBlock: ProductBlockModel {
///         static let blockName = "Node"
///         static let requirements: [String: Required] = [
///             "node_name": .fromProvisioning, "ipv4_loopback": .whenActive,
///         ]
///         var node_id: Int?
///         var node_name: String?
///         var ipv4_loopback: String?
///     }
///     struct NodeModel: ProductModel { var node = Block<NodeBlock>() }
///
///     let node = Product(name: "node Cisco", description: "Network node", type: "Node", tag: "NODE",
///                        workflows: ["create_node"], model: NodeModel.self)
///
/// Define a create workflow as its step list; each step is a small named function:
///
///     let constructNode = step("Construct Node model") { context in
///         var subscription = try context.newSubscription(NodeModel.self, customerID: "ORG-1")
///         subscription.node.node_name = try context.state.string("node_name")
///         return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
///     }
///     let confirm = inputStep("Confirm config") { form in
///         try form.page("Put the config on the router") {
///             FormField.readOnlyText("config", value: "hostname x").meta(["device": "loc1-core"])
///             FormField.accept("confirm_config_put_on_routers")
///         }.values
///     }
///     let createNode = createWorkflow("create_node", "Create Node",
///         initialForm: Form { form in try form.page("Node") { FormField.string("node_name") }.values }) {
///         constructNode
///         storeProcessSubscription
///         setStatus(.provisioning)
///         confirm
///     }
///
/// Run it:
///
///     let engine = try Engine(path: ":memory:", clock: SteppingClock(), ids: IDGenerator(seed: 1))
///     try engine.register(createNode)
///     let product = try engine.register(node)
///     let started = try engine.start("create_node", inputs: [["product": .string(product.snapshot.productID)], ["node_name": "loc1-core"]])
///     // started.status == .suspended at "Confirm config"
///     try engine.resume(started.processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
///
/// `Engine` is Sendable; calls may come from any thread. One engine per store (database file).
public final class Engine: Sendable {
    let core: EngineCore

    /// Opens the engine on `store`, creating its tables if missing. A store another engine
    /// used (one that crashed) carries on from what that engine committed.
    public init(store: EngineStore, clock: any EngineClock = SystemClock(), ids: IDGenerator = .random()) throws {
        core = try EngineCore(store: store, clock: clock, ids: ids)
    }

    /// Opens (or creates) a database file (WAL) or `:memory:`. A corrupt, non-database or
    /// unwritable file gives `EngineError.storage` and is left untouched.
    public convenience init(path: String, clock: any EngineClock = SystemClock(), ids: IDGenerator = .random()) throws {
        try self.init(store: EngineStore(path: path), clock: clock, ids: ids)
    }

    /// Where this engine keeps everything: open a new engine on it after this one crashed.
    public var store: EngineStore { core.store }

    var database: Database { core.database }

    // MARK: Registration

    public func register(_ workflow: Workflow) throws {
        try storage { try core.products.register(workflow) }
        core.registry.withLock { $0.workflows[workflow.name] = workflow }
    }

    public func register(_ workflows: [Workflow]) throws {
        for workflow in workflows { try register(workflow) }
    }

    /// Registers (or updates) a product; a product already in the database keeps its id.
    @discardableResult
    public func register(_ product: Product) throws -> ProductInfo {
        let info = try storage { try core.products.register(product, newID: core.ids.next, at: core.timestamp()) }
        core.registry.withLock { registry in
            registry.products[info.snapshot.productID] = (product, info)
            registry.productIDsByName[product.name] = info.snapshot.productID
        }
        return info
    }

    /// Registers workflows and products as an engine earlier registered them into this store
    /// (before a restart, or in the engine a checkpoint was taken of), without writing them again:
    /// an engine opened on a store registers what the store already holds, and chaos replays
    /// open one per replay and per kill. Throws `EngineError.unknownProduct` for a product the
    /// store does not hold (use `register` for that).
    @discardableResult
    public func registerStored(_ workflows: [Workflow], products: [Product]) throws -> [ProductInfo] {
        let infos = try products.map { product in
            guard let info = try storage({ try core.products.registered(product) }) else { throw EngineError.unknownProduct(product.name) }
            return (product, info)
        }
        core.registry.withLock { registry in
            for workflow in workflows { registry.workflows[workflow.name] = workflow }
            for (product, info) in infos {
                registry.products[info.snapshot.productID] = (product, info)
                registry.productIDsByName[product.name] = info.snapshot.productID
            }
        }
        return infos.map(\.1)
    }

    /// Registered workflows, by name.
    public func workflows() -> [WorkflowInfo] {
        core.registry.withLock { $0.workflows.values.map(WorkflowInfo.init) }.sorted { $0.name < $1.name }
    }

    /// Registered products, by name.
    public func products() -> [ProductInfo] {
        core.registry.withLock { $0.products.values.map(\.info) }.sorted { $0.snapshot.name < $1.snapshot.name }
    }

    /// A registered product by id or name.
    public func product(_ reference: String) throws -> ProductInfo {
        try core.registeredProduct(reference: reference).info
    }
}

/// A registered workflow, as listed by the engine.
public struct WorkflowInfo: Codable, Sendable, Hashable {
    public let name: String
    public let description: String
    public let target: Target
    public let isTask: Bool
    public let steps: [String]

    public init(_ workflow: Workflow) {
        name = workflow.name
        description = workflow.description
        target = workflow.target
        isTask = workflow.isTask
        steps = workflow.steps.names
    }
}

/// Where a process stopped after a start, resume, retry, callback or abort.
public struct ProcessOutcome: Sendable, Hashable {
    public let processID: String
    public let status: ProcessStatus

    public init(processID: String, status: ProcessStatus) {
        self.processID = processID
        self.status = status
    }
}
