import Catalogues
import NetBoxSim
import WorkflowEngine

/// The steps create_node is made of, shared by the kit's workflow and any solution of it.
public enum NodeSteps {
    /// The form field naming the NetBox device to enrol.
    public static let deviceField = "select_device_choice"

    /// "Construct Node model": a new Node subscription for the device chosen in the form.
    /// `check` runs first with the device name (a solution may refuse the device there, and a
    /// retried step checks again).
    public static func construct(_ services: WorkshopServices, check: (@Sendable (String) throws -> Void)? = nil) -> Step {
        step("Construct Node model") { context in
            let name = try context.state.string(deviceField)
            try check?(name)
            let device = try services.netbox(for: context).device(named: name)
            var subscription = try context.newSubscription(NodeModel.self, customerID: WorkshopProducts.customerID,
                                                           description: Descriptions.node(name))
            subscription.node.node_id = device.id
            subscription.node.node_name = device.name
            subscription.node.node_status = device.status.rawValue
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
    }

    /// "Fetch loopback addresses from NetBox": the device's primary IPv4 and IPv6 addresses.
    public static func fetchLoopbacks(_ services: WorkshopServices) -> Step {
        step("Fetch loopback addresses from NetBox") { context in
            var subscription = try context.subscription(NodeModel.self)
            let netbox = services.netbox(for: context)
            let id = subscription.node.node_id ?? 0
            guard let device = try netbox.device(id: id) else { throw WorkshopError.deviceNotFound("id \(id)") }
            let loopbacks = try netbox.loopbacks(of: device)
            subscription.node.ipv4_loopback = loopbacks.ipv4
            subscription.node.ipv6_loopback = loopbacks.ipv6
            return ["subscription": subscription]
        }
    }

    /// "Provide Config to User" with the node's loopback config for its router.
    public static let provideNodeConfig = provideConfigStep("Put the node config on the router") { state in
        let node = try state.model(NodeModel.self).node
        let name = node.node_name ?? "", v4 = node.ipv4_loopback ?? "", v6 = node.ipv6_loopback ?? ""
        return [ConfigText(field: ConfigField.node, device: name,
                           text: NodeConfig.render(nodeName: name, ipv4Loopback: v4, ipv6Loopback: v6))]
    }
}

/// modify_circuit's form, shared by the kit and solutions: one page, `under_maintenance`,
/// defaulting to the circuit's current value.
public enum MaintenanceForm {
    public static let field = "under_maintenance"

    public static func form(_ services: WorkshopServices) -> Form {
        Form { form in
            let id = try form.state.string("subscription_id")
            let current = try services.subscriptions.subscription(CircuitModel.self, id: id).model.isUnderMaintenance
            return try form.page("Maintenance") {
                FormField.bool(field, default: current)
            }.values
        }
    }
}
