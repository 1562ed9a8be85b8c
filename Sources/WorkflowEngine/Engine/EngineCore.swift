import Foundation
import SQLite
import Synchronization

/// The engine's shared parts: stores, registry, clock and ids. `Engine` is its public face;
/// steps reach it through `StepContext`.
final class EngineCore: Sendable {
    struct Registry {
        var workflows: [String: Workflow] = [:]
        /// Registered products by id, with their model types.
        var products: [String: (product: Product, info: ProductInfo)] = [:]
        var productIDsByName: [String: String] = [:]
    }

    let store: EngineStore
    let database: Database
    let processes: ProcessStore
    let subscriptions: SubscriptionStore
    let products: ProductStore
    let ids: IDGenerator
    let clock: any EngineClock
    let registry = Mutex(Registry())
    /// Processes this engine is running right now; others left `running` were interrupted.
    let inFlight = Mutex<Set<String>>([])

    init(store: EngineStore, clock: any EngineClock, ids: IDGenerator) throws {
        self.store = store
        database = store.database
        self.clock = clock
        self.ids = ids
        products = ProductStore(database: database)
        processes = ProcessStore(store: store)
        subscriptions = SubscriptionStore(database: database, products: products, seed: store.subscriptionSeed)
        try storage { try Schema.create(in: database) }
    }

    func timestamp() -> String { Timestamp.string(clock.now()) }

    func workflow(_ name: String) throws -> Workflow {
        guard let workflow = registry.withLock({ $0.workflows[name] }) else { throw EngineError.unknownWorkflow(name) }
        return workflow
    }

    func registeredProduct(id: String) throws -> (product: Product, info: ProductInfo) {
        guard let entry = registry.withLock({ $0.products[id] }) else { throw EngineError.unknownProduct(id) }
        return entry
    }

    /// A product by id or by name.
    func registeredProduct(reference: String) throws -> (product: Product, info: ProductInfo) {
        let id = registry.withLock { $0.products[reference] != nil ? reference : $0.productIDsByName[reference] }
        return try registeredProduct(id: id ?? reference)
    }

    /// The registered product of a stored dump.
    private func registeredProduct(of dump: JSON) throws -> (product: Product, info: ProductInfo) {
        try registeredProduct(id: dump["product"]?["product_id"]?.stringValue ?? "")
    }

    /// A dump as the typed model of its product.
    func decodeAny(_ json: JSON) throws -> any AnySubscription {
        let entry = try registeredProduct(of: json)
        return try entry.product.model.decode(json, entry.info.fixedInputs)
    }

    /// The subscription untyped, for steps that change only its common fields.
    func loadStored(_ id: String) throws -> StoredModel {
        let json = try subscriptions.domainModel(id)
        var stored = try StoredModel(dump: json, fixedInputs: registeredProduct(of: json).info.fixedInputs)
        stored.blocks = subscriptions.cache.blocks(of: id, at: stored.info.version)
        return stored
    }

    func load<Model: ProductModel>(_ type: Model.Type, _ id: String) throws -> Subscription<Model> {
        let json = try subscriptions.domainModel(id)
        let entry = try registeredProduct(of: json)
        guard entry.product.model.identifier == ObjectIdentifier(type) else {
            throw DomainError.wrongModelType(subscriptionID: id, expected: String(describing: type),
                                             actual: entry.product.model.typeName)
        }
        return try Subscription<Model>(storedJSON: json, fixedInputs: entry.info.fixedInputs)
    }

    /// A new, unsaved subscription of `product`, with ids for its blocks already assigned.
    func makeSubscription<Model: ProductModel>(_ type: Model.Type, product reference: String, customerID: String,
                                               description: String?) throws -> Subscription<Model> {
        let entry = try registeredProduct(reference: reference)
        guard entry.product.model.identifier == ObjectIdentifier(type) else {
            throw DomainError.wrongModelType(subscriptionID: "(new)", expected: String(describing: type),
                                             actual: entry.product.model.typeName)
        }
        let info = SubscriptionInfo(
            subscriptionID: ids.next(), description: description ?? "Initial subscription of \(entry.info.snapshot.description)",
            status: .initial, insync: false, customerID: customerID, product: entry.info.snapshot, startDate: nil,
            endDate: nil, note: nil, version: 1)
        let blank = Subscription<Model>(info: info, model: Model(), fixedInputs: entry.info.fixedInputs, isStored: false)
        let withIDs = try blank.encoded(ids: ids).json.decode(as: Model.self)
        return Subscription<Model>(info: info, model: withIDs, fixedInputs: entry.info.fixedInputs, isStored: false)
    }

    /// Refuses a status change while subscriptions using this one are in statuses that do not allow it.
    func checkStatusChange(of id: String, to status: Lifecycle) throws {
        let unsafe = try subscriptions.users(of: id).filter { !status.safeUserStatuses.contains($0.status) }
        guard unsafe.isEmpty else {
            throw DomainError.unsafeStatusChange(subscriptionID: id, to: status,
                                                 users: unsafe.map { "\($0.subscriptionID) (\($0.status.rawValue))" })
        }
    }

    /// Saves models a step returned: the last returned value of each subscription wins, and a
    /// model must meet its lifecycle's requirements.
    func save(_ models: [EncodedSubscription]) throws {
        var latest: [String: EncodedSubscription] = [:]
        var order: [String] = []
        for model in models {
            if latest[model.info.subscriptionID] == nil { order.append(model.info.subscriptionID) }
            latest[model.info.subscriptionID] = model
        }
        for id in order {
            let model = latest[id]!
            let missing = model.missingFields(for: model.info.status)
            guard missing.isEmpty else {
                throw DomainError.missingRequiredFields(subscriptionID: id, lifecycle: model.info.status, fields: missing)
            }
            try subscriptions.save(model)
        }
    }
}
