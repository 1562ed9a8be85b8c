import NetBoxSim
import RouterSim
import WorkflowEngine

/// What the workshop's steps and forms reach outside the engine: NetBox (through the client),
/// the routers (through the fleet), the engine's subscriptions, and how circuit texts place
/// the IS-IS metric.
struct WorkshopServices: Sendable {
    let netbox: WorkshopNetBox
    let fleet: Fleet
    let directory: SubscriptionDirectory
    let metricPlacement: MetricPlacement

    /// NetBox calls logged under the running step (`<process id>/<step name>`).
    func netbox(for context: StepContext) -> WorkshopNetBox {
        netbox.acting(as: "\(context.processID)/\(context.stepName)")
    }
}

extension JSONObjectReading {
    /// The domain model of the subscription dump under `key` (the state keeps the last saved dump).
    func model<Model: ProductModel>(_ type: Model.Type, at key: String = "subscription") throws -> Model {
        try decode(Model.self, key)
    }
}
