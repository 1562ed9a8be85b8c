import Catalogues
import NetBoxSim
import RouterSim
import WorkflowEngine

/// What the access workflows reach outside the engine, built from the lab's services when the
/// catalogue is registered.
public struct AccessServices: Sendable {
    public let netbox: AccessNetBox
    public let fleet: Fleet
    public let subscriptions: SubscriptionLookup

    public init(_ lab: LabServices) {
        netbox = AccessNetBox(client: lab.netbox)
        fleet = lab.fleet
        subscriptions = lab.subscriptions
    }

    /// NetBox calls logged under the running step (`<process id>/<step name>`).
    public func netbox(for context: StepContext) -> AccessNetBox {
        AccessNetBox(client: netbox.client.acting(as: "\(context.processID)/\(context.stepName)"))
    }
}

extension JSONObjectReading {
    /// The access block of the subscription dump under `subscription` (the state keeps the last
    /// saved dump, so config pages render from it without side effects).
    func access() throws -> CustomerAccessBlock {
        try decode(CustomerAccessModel.self, "subscription").access.fields
    }

    func netboxID(_ key: String) throws -> Int {
        let text = try string(key)
        guard let id = Int(text) else { throw AccessError.notAnID(field: key, value: text) }
        return id
    }
}
