import Catalogues
import NetBoxSim
import WorkflowEngine
import Workshop

/// create_node, solved: the workshop's create_node with exercise 1 (the NetBox device goes from
/// planned to active after provisioning) and exercise 2 (a device with a live Node subscription
/// is refused, naming it). This file replaces the kit's CreateNode.swift as it stands.
public enum CreateNode {
    public static let deviceField = "select_device_choice"

    public static func workflow(_ services: WorkshopServices) -> Workflow {
        workflow(services, activatesDevice: true, checksEnrolment: true)
    }

    /// With one exercise solved and not the other (to show the exercises are independent).
    public static func workflow(_ services: WorkshopServices, activatesDevice: Bool, checksEnrolment: Bool) -> Workflow {
        createWorkflow(WorkflowName.createNode, "Create Node", initialForm: form(services, checksEnrolment: checksEnrolment)) {
            construct(services, checksEnrolment: checksEnrolment)
            storeProcessSubscription
            fetchLoopbacks(services)
            provideNodeConfig
            setStatus(.provisioning)
            if activatesDevice { setDeviceActive(services) }
        }
    }

    /// A choice of planned devices; with the enrolment check, devices with a live Node
    /// subscription are left out, and posting one anyway names that subscription.
    static func form(_ services: WorkshopServices, checksEnrolment: Bool) -> Form {
        Form { form in
            let enrolled = checksEnrolment ? try liveNodes(services) : [:]
            let offered = try services.netbox.plannedDevices().filter { enrolled[$0.name] == nil }.map { Choice($0.name) }
            let page = FormPage(title: "Select a device") { FormField.choice(deviceField, title: "Device", options: offered) }
            do {
                return try form.page(page).values
            } catch FormError.invalid(let title, let errors) where checksEnrolment {
                throw FormError.invalid(page: title, errors: errors.map { error in
                    guard error.loc == [deviceField], let name = error.input?.stringValue, let node = enrolled[name] else { return error }
                    let message = "Device \(name) is already enrolled as Node subscription \(node.subscriptionID) "
                        + "('\(node.description)', \(node.status.rawValue))"
                    return ValidationError(loc: error.loc, msg: message, type: "value_error", input: error.input)
                })
            }
        }
    }

    /// Live Node subscriptions (anything not terminated), by NetBox device name.
    static func liveNodes(_ services: WorkshopServices) throws -> [String: Subscription<NodeModel>] {
        var byDevice: [String: Subscription<NodeModel>] = [:]
        for node in try services.nodes(Set(Lifecycle.allCases).subtracting([.terminated])) {
            if let name = node.node.node_name, byDevice[name] == nil { byDevice[name] = node }
        }
        return byDevice
    }

    /// With the enrolment check, refuses a device enrolled since the form was validated (two
    /// starts racing for one device; checked here, so a retried step checks again).
    static func construct(_ services: WorkshopServices, checksEnrolment: Bool) -> Step {
        step("Construct Node model") { context in
            let name = try context.state.string(deviceField)
            if checksEnrolment, let existing = try liveNodes(services)[name] {
                throw WorkshopError.alreadyEnrolled(device: name, subscriptionID: existing.subscriptionID)
            }
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

    /// Exercise 1: a PATCH to a fixed value, safe to repeat; mirrored in `node_status`.
    static func setDeviceActive(_ services: WorkshopServices) -> Step {
        step("Set device status 'active' in NetBox") { context in
            var subscription = try context.subscription(NodeModel.self)
            let device = try services.netbox(for: context).setStatus(.active, ofDevice: subscription.node.node_id ?? 0)
            subscription.node.node_status = device.status.rawValue
            return ["subscription": subscription]
        }
    }
}
