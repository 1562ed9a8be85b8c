import Catalogues
import NetBoxSim
import WorkflowEngine
import Workshop

/// create_node: enrol a planned NetBox device as a Node subscription.
///
/// Exercise 1: once the node is provisioned, set the NetBox device from planned to active.
/// Exercise 2: refuse a device that already has a live Node subscription, naming it.
public enum CreateNode {
    public static let deviceField = "select_device_choice"

    public static func workflow(_ services: WorkshopServices) -> Workflow {
        createWorkflow(WorkflowName.createNode, "Create Node", initialForm: form(services)) {
            construct(services)
            storeProcessSubscription
            fetchLoopbacks(services)
            provideNodeConfig
            setStatus(.provisioning)
        }
    }

    /// A choice of planned devices.
    static func form(_ services: WorkshopServices) -> Form {
        Form { form in
            let offered = try services.netbox.plannedDevices().map { Choice($0.name) }
            return try form.page(FormPage(title: "Select a device") {
                FormField.choice(deviceField, title: "Device", options: offered)
            }).values
        }
    }

    static func construct(_ services: WorkshopServices) -> Step {
        step("Construct Node model") { context in
            let name = try context.state.string(deviceField)
            let device = try services.netbox(for: context).device(named: name)
            var subscription = try context.newSubscription(NodeModel.self, customerID: WorkshopProducts.customerID,
                                                           description: Descriptions.node(name))
            subscription.node.node_id = device.id
            subscription.node.node_name = device.name
            subscription.node.node_status = device.status.rawValue
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
    }

    static func fetchLoopbacks(_ services: WorkshopServices) -> Step {
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

    static let provideNodeConfig = provideConfigStep("Put the node config on the router") { state in
        let node = try state.model(NodeModel.self).node
        let name = node.node_name ?? "", v4 = node.ipv4_loopback ?? "", v6 = node.ipv6_loopback ?? ""
        return [ConfigText(field: ConfigField.node, device: name,
                           text: NodeConfig.render(nodeName: name, ipv4Loopback: v4, ipv6Loopback: v6))]
    }
}
