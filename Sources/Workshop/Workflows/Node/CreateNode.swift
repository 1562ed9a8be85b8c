import NetBoxSim
import WorkflowEngine

/// create_node: enrol a planned NetBox device as a Node subscription.
enum CreateNode {
    static let deviceField = "select_device_choice"

    static func workflow(_ services: WorkshopServices, solved: Set<Exercise>) -> Workflow {
        createWorkflow(WorkflowName.createNode, "Create Node",
                       initialForm: form(services, checkEnrolment: solved.contains(.enrolmentCheck))) {
            construct(services, checkEnrolment: solved.contains(.enrolmentCheck))
            storeProcessSubscription
            fetchLoopbacks(services)
            provideConfigStep("Put the node config on the router") { state in
                let node = try state.model(NodeModel.self).node
                let name = node.node_name ?? "", v4 = node.ipv4_loopback ?? "", v6 = node.ipv6_loopback ?? ""
                return [ConfigText(field: ConfigField.node, device: name,
                                   text: NodeConfig.render(nodeName: name, ipv4Loopback: v4, ipv6Loopback: v6))]
            }
            setStatus(.provisioning)
            if solved.contains(.deviceStatusUpdate) { NodeSteps.setDeviceStatus(.active, services) }
        }
    }

    /// A choice of planned devices. With the enrolment check, devices that already have a live
    /// Node subscription are left out, and posting one anyway names that subscription.
    static func form(_ services: WorkshopServices, checkEnrolment: Bool) -> Form {
        Form { form in
            let planned = try services.netbox.plannedDevices()
            let enrolled = checkEnrolment ? try services.directory.liveNodes() : [:]
            let offered = planned.filter { enrolled[$0.name] == nil }.map { Choice($0.name) }
            let page = FormPage(title: "Select a device") { FormField.choice(deviceField, title: "Device", options: offered) }
            do {
                return try form.page(page).values
            } catch FormError.invalid(let title, let errors) where checkEnrolment {
                throw FormError.invalid(page: title, errors: errors.map { error in
                    guard error.loc == [deviceField], let name = error.input?.stringValue, let node = enrolled[name] else { return error }
                    let message = "Device \(name) is already enrolled as Node subscription \(node.subscriptionID) "
                        + "('\(node.description)', \(node.status.rawValue))"
                    return ValidationError(loc: error.loc, msg: message, type: "value_error", input: error.input)
                })
            }
        }
    }

    /// With the enrolment check, refuses a device enrolled since the form was validated (two
    /// starts racing for one device).
    static func construct(_ services: WorkshopServices, checkEnrolment: Bool) -> Step {
        step("Construct Node model") { context in
            let name = try context.state.string(deviceField)
            if checkEnrolment, let existing = try services.directory.liveNodes()[name] {
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
}
