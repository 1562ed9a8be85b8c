extension Engine {
    /// A subscription's domain model as JSON, each block carrying `in_use_by_ids` and
    /// `in_use_by_relations` (the blocks of other subscriptions that use it).
    public func subscription(_ id: String) throws -> JSON {
        try storage { try core.subscriptions.domainModelWithRelations(id) }
    }

    /// `subscription(_:)` without `in_use_by_ids` and `in_use_by_relations`, which cost a query
    /// per block: for comparing models, where those ids differ between runs anyway.
    public func subscriptionWithoutUsers(_ id: String) throws -> JSON {
        try storage { try core.subscriptions.domainModel(id) }
    }

    /// A subscription loaded as its typed model.
    public func subscription<Model: ProductModel>(_ type: Model.Type, id: String) throws -> Subscription<Model> {
        try storage { try core.load(type, id) }
    }

    /// Number of stored subscriptions.
    public func subscriptionCount() throws -> Int {
        try storage { try core.subscriptions.count() }
    }

    /// Saves a subscription directly, outside any workflow: for fixtures, imports and seeding.
    /// `configure` fills the model; the lifecycle requirements of `status` are checked.
    @discardableResult
    public func createSubscription<Model: ProductModel>(
        _ type: Model.Type, product: String, customerID: String, status: Lifecycle = .active, insync: Bool = true,
        description: String? = nil, configure: (inout Subscription<Model>) throws -> Void = { _ in }
    ) throws -> Subscription<Model> {
        var subscription = try core.makeSubscription(type, product: product, customerID: customerID, description: description)
        try configure(&subscription)
        subscription.info.status = status
        subscription.info.insync = insync
        if status >= .active && status != .provisioning { subscription.info.startDate = core.timestamp() }
        let encoded = try subscription.encoded(ids: core.ids)
        try storage { try core.database.transaction { try core.save([encoded]) } }
        return try core.load(type, subscription.subscriptionID)
    }

    /// Which workflows of the subscription's product may start now, and why the others may not.
    public func subscriptionWorkflows(_ id: String) throws -> SubscriptionWorkflows {
        guard let summary = try storage({ try core.subscriptions.summary(id) }) else { throw EngineError.unknownSubscription(id) }
        let product = try core.registeredProduct(id: summary.productID)
        var options: [Target: [WorkflowOption]] = [:]
        for name in product.info.workflows {
            guard let workflow = try? core.workflow(name) else { continue }
            let blocker = workflow.target == .create
                ? nil : try storage { try core.startBlocker(workflow, subscriptionID: id, processID: nil) }
            options[workflow.target, default: []].append(
                WorkflowOption(name: workflow.name, description: workflow.description, reason: blocker))
        }
        return SubscriptionWorkflows(subscriptionID: id, byTarget: options.mapValues { $0.sorted { $0.name < $1.name } })
    }
}

/// A workflow offered for a subscription; `reason` says why it cannot start now.
public struct WorkflowOption: Codable, Sendable, Hashable {
    public let name: String
    public let description: String
    public let reason: StartBlocker?
}

/// The reference's `GET /subscriptions/workflows/{id}`: workflows per target.
public struct SubscriptionWorkflows: Codable, Sendable, Hashable {
    public let subscriptionID: String
    public let byTarget: [Target: [WorkflowOption]]

    public func options(_ target: Target) -> [WorkflowOption] { byTarget[target] ?? [] }

    /// Names of the workflows that may start on this subscription now (create workflows,
    /// which make new subscriptions, are listed under `.create` but never here).
    public var startable: [String] {
        byTarget.filter { $0.key != .create }.values.flatMap { $0 }.filter { $0.reason == nil }.map(\.name).sorted()
    }
}
