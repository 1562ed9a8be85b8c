import SQLite
import WorkflowEngine

/// Finds subscriptions of a product by status, for form choices and the enrolment check.
///
/// The engine has no public "list subscriptions" query, so this reads the engine's
/// `subscriptions` table (id, product, status) directly and loads each hit through the
/// engine's typed API. Holds the engine weakly: the engine keeps the workflows whose forms
/// hold this directory.
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
        let productID = try engine.product(productName).snapshot.productID
        let ids = try engine.database.query(
            "SELECT subscription_id, status FROM subscriptions WHERE product_id = ? ORDER BY subscription_id",
            [.text(productID)]) { row in (id: row.string(0), status: Lifecycle(rawValue: row.string(1))) }
        return try ids.filter { $0.status.map(statuses.contains) ?? false }.map { try engine.subscription(type, id: $0.id) }
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
