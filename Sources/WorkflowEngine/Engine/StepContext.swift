import Foundation

/// What a step function receives: the state, the process, the time the step started, and
/// access to subscriptions (loaded fresh from the store, never from the state).
public struct StepContext: Sendable {
    public let state: State
    public let processID: String
    public let stepName: String
    /// When this step started (from the engine's clock).
    public let now: Date
    let core: EngineCore

    init(state: State, processID: String, stepName: String, now: Date, core: EngineCore) {
        self.state = state
        self.processID = processID
        self.stepName = stepName
        self.now = now
        self.core = core
    }

    /// `now` as an ISO 8601 UTC timestamp.
    public var timestamp: String { Timestamp.string(now) }

    /// A fresh id from the engine's (seeded) generator.
    public func newID() -> String { core.ids.next() }

    /// The subscription id under `key`: a string id, or a model dump with `subscription_id`.
    /// For the default key, falls back to `subscription_id`.
    public func subscriptionID(at key: String = "subscription") throws -> String {
        switch state[key] {
        case .string(let id)?: return id
        case .object(let object)?:
            if let id = object["subscription_id"]?.stringValue { return id }
        default: break
        }
        if key == "subscription" { return try state.string("subscription_id") }
        return try state.string(key)
    }

    /// Loads the subscription whose id is under `key` (see `subscriptionID(at:)`).
    public func subscription<Model: ProductModel>(_ type: Model.Type, at key: String = "subscription") throws -> Subscription<Model> {
        try core.load(type, subscriptionID(at: key))
    }

    public func subscription<Model: ProductModel>(_ type: Model.Type, id: String) throws -> Subscription<Model> {
        try core.load(type, id)
    }

    /// A new subscription (status `initial`, not in sync) of the product under `productKey` in
    /// the state (an id or a name), or of `product` if given. Saved when a step returns it.
    public func newSubscription<Model: ProductModel>(_ type: Model.Type, customerID: String, product: String? = nil,
                                                     productKey: String = "product",
                                                     description: String? = nil) throws -> Subscription<Model> {
        try core.makeSubscription(type, product: product ?? state.string(productKey), customerID: customerID,
                                  description: description)
    }

    /// A subscription's JSON dump, as stored.
    public func domainModel(_ id: String) throws -> JSON {
        try core.subscriptions.domainModel(id)
    }

    func storedSubscription() throws -> StoredModel {
        try core.loadStored(subscriptionID())
    }

    func with(state: State) -> StepContext {
        StepContext(state: state, processID: processID, stepName: stepName, now: now, core: core)
    }
}
