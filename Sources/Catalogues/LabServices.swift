import NetBoxSim
import RouterSim
import WorkflowEngine

/// What a catalogue's workflows reach outside the engine: the world's NetBox (through a client
/// that carries injected faults), its routers, and the engine's subscriptions.
public struct LabServices: Sendable {
    public let netbox: NetBoxClient
    public let fleet: Fleet
    public let subscriptions: SubscriptionLookup

    public init(netbox: NetBoxClient, fleet: Fleet, subscriptions: SubscriptionLookup) {
        self.netbox = netbox
        self.fleet = fleet
        self.subscriptions = subscriptions
    }

    /// The NetBox client logging changes under the running step (`<process id>/<step name>`).
    public func netbox(for context: StepContext) -> NetBoxClient {
        netbox.acting(as: "\(context.processID)/\(context.stepName)")
    }
}

/// Finds subscriptions in the engine a catalogue was registered into (for form choices and
/// checks such as "this device is already enrolled").
///
/// Holds the engine weakly: the engine keeps the workflows whose forms hold this lookup.
public final class SubscriptionLookup: Sendable {
    private weak let engine: Engine?

    public init(engine: Engine) {
        self.engine = engine
    }

    public func requireEngine() throws -> Engine {
        guard let engine else { throw SubscriptionLookupError.engineReleased }
        return engine
    }

    /// Subscriptions of `productName` in one of `statuses`, loaded as `Model`, oldest id first.
    public func subscriptions<Model: ProductModel>(_ type: Model.Type, product productName: String,
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

    public func subscription<Model: ProductModel>(_ type: Model.Type, id: String) throws -> Subscription<Model> {
        try requireEngine().subscription(type, id: id)
    }
}

public enum SubscriptionLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The engine the catalogue was registered into is gone.
    case engineReleased

    public var description: String { "the engine this catalogue was registered into no longer exists" }
}
