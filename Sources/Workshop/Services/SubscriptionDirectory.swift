import WorkflowEngine

/// Finds subscriptions of a product by status, for form choices and the enrolment check.
///
/// Holds the engine weakly: the engine keeps the workflows whose forms hold this directory.
final class SubscriptionDirectory: Sendable {
    private weak let engine: Engine?

    init(engine: Engine) {
        self.engine = engine
    }

    func requireEngine() throws -> Engine {
        guard let engine else { throw WorkshopError.engineReleased }
        return engine
    }

    /// Subscriptions of `productName` in one of `statuses`, loaded as `Model`, oldest id first.
    func subscriptions<Model: ProductModel>(_ type: Model.Type, product productName: String,
                                            statuses: Set<Lifecycle>) throws -> [Subscription<Model>] {
        let engine = try requireEngine()
        return try engine.subscriptionList().compactMap { row -> Subscription<Model>? in
            guard row["product"]?["name"]?.stringValue == productName,
                  let status = row["status"]?.stringValue.flatMap(Lifecycle.init(rawValue:)), statuses.contains(status),
                  let id = row["subscription_id"]?.stringValue
            else { return nil }
            return try engine.subscription(type, id: id)
        }
    }

    func subscription<Model: ProductModel>(_ type: Model.Type, id: String) throws -> Subscription<Model> {
        try requireEngine().subscription(type, id: id)
    }

    /// Live Node subscriptions (anything not terminated), keyed by NetBox device name.
    func liveNodes() throws -> [String: Subscription<NodeModel>] {
        let live = Set(Lifecycle.allCases).subtracting([.terminated])
        var byDevice: [String: Subscription<NodeModel>] = [:]
        for node in try subscriptions(NodeModel.self, product: WorkshopProducts.nodeName, statuses: live) {
            if let name = node.node.node_name, byDevice[name] == nil { byDevice[name] = node }
        }
        return byDevice
    }
}
