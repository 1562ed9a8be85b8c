import Catalogues
import NetBoxSim
import RouterSim
import WorkflowEngine

/// What the workshop's steps and forms reach outside the engine: NetBox (through the
/// workshop's calls), the routers, the engine's subscriptions, and how circuit texts place the
/// IS-IS metric.
public struct WorkshopServices: Sendable {
    public let netbox: WorkshopNetBox
    public let fleet: Fleet
    public let subscriptions: SubscriptionLookup
    public let metricPlacement: MetricPlacement

    public init(_ services: LabServices, metricPlacement: MetricPlacement = .perInterface) {
        netbox = WorkshopNetBox(client: services.netbox)
        fleet = services.fleet
        subscriptions = services.subscriptions
        self.metricPlacement = metricPlacement
    }

    /// NetBox calls logged under the running step (`<process id>/<step name>`).
    public func netbox(for context: StepContext) -> WorkshopNetBox {
        netbox.acting(as: "\(context.processID)/\(context.stepName)")
    }

    /// Subscriptions of the workshop's Node product in `statuses`, oldest first.
    public func nodes(_ statuses: Set<Lifecycle>) throws -> [Subscription<NodeModel>] {
        try subscriptions.subscriptions(NodeModel.self, product: WorkshopProducts.nodeName, statuses: statuses)
    }
}

extension JSONObjectReading {
    /// The domain model of the subscription dump under `key` (the state keeps the last saved dump).
    public func model<Model: ProductModel>(_ type: Model.Type, at key: String = "subscription") throws -> Model {
        try decode(Model.self, key)
    }
}
