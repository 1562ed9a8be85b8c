import Catalogues
import WorkflowEngine

extension CircuitModel {
    /// Both sides as their routers see them, A then B (addresses empty until reserved).
    public func endpoints(subscriptionID: String) throws(WorkshopError) -> (a: CircuitEndpoint, b: CircuitEndpoint) {
        let (a, b) = try sides(subscriptionID: subscriptionID)
        func endpoint(_ side: Layer3InterfaceBlock, far: Layer3InterfaceBlock) -> CircuitEndpoint {
            CircuitEndpoint(node: side.port.node?.node_name ?? "", port: side.port.port_name ?? "",
                            farNode: far.port.node?.node_name ?? "", farPort: far.port.port_name ?? "",
                            address: side.v6_ip_address ?? "")
        }
        return (endpoint(a, far: b), endpoint(b, far: a))
    }

    public var isUnderMaintenance: Bool { circuit.under_maintenance ?? true }
}

extension State {
    /// The circuit subscription dump in the state, with its id for error messages.
    public func circuit() throws -> (model: CircuitModel, id: String) {
        (try model(CircuitModel.self), self["subscription"]?["subscription_id"]?.stringValue ?? "(unknown)")
    }
}

/// The endpoint texts of a circuit for the "Provide Config to User" pages.
public enum CircuitTexts {
    public static func endpoints(_ state: State, placement: MetricPlacement) throws -> [ConfigText] {
        let (model, id) = try state.circuit()
        let (a, b) = try model.endpoints(subscriptionID: id)
        let maintenance = model.isUnderMaintenance
        return [
            ConfigText(field: ConfigField.endpointA, device: a.node,
                       text: CircuitConfig.render(a, underMaintenance: maintenance, placement: placement)),
            ConfigText(field: ConfigField.endpointB, device: b.node,
                       text: CircuitConfig.render(b, underMaintenance: maintenance, placement: placement)),
        ]
    }

    public static func removal(_ state: State) throws -> [ConfigText] {
        let (model, id) = try state.circuit()
        let (a, b) = try model.endpoints(subscriptionID: id)
        return [
            ConfigText(field: ConfigField.endpointA, device: a.node, text: CircuitConfig.removal(a)),
            ConfigText(field: ConfigField.endpointB, device: b.node, text: CircuitConfig.removal(b)),
        ]
    }
}
