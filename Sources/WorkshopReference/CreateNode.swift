import Catalogues
import NetBoxSim
import WorkflowEngine
import Workshop

/// create_node, solved: the workshop's create_node with exercise 1 (the NetBox device goes from
/// planned to active after provisioning) and exercise 2 (a device with a live Node subscription
/// is refused, naming it). This file replaces the kit's CreateNode.swift as it stands.
public enum CreateNode {
    static let deviceField = NodeSteps.deviceField

    public static func workflow(_ services: WorkshopServices) -> Workflow {
        workflow(services, activatesDevice: true, checksEnrolment: true)
    }

    /// With one exercise solved and not the other (to show the exercises are independent).
    public static func workflow(_ services: WorkshopServices, activatesDevice: Bool, checksEnrolment: Bool) -> Workflow {
        createWorkflow(WorkflowName.createNode, "Create Node", initialForm: form(services, checksEnrolment: checksEnrolment)) {
            // A retried construct step checks again: another start may have enrolled the device.
            NodeSteps.construct(services, check: checksEnrolment ? enrolmentCheck(services) : nil)
            storeProcessSubscription
            NodeSteps.fetchLoopbacks(services)
            NodeSteps.provideNodeConfig
            setStatus(.provisioning)
            if activatesDevice { setDeviceActive(services) }
        }
    }

    /// A choice of planned devices by name, on a page titled with the product name; with the
    /// enrolment check, devices with a live Node subscription are left out, and posting one
    /// anyway names that subscription.
    static func form(_ services: WorkshopServices, checksEnrolment: Bool) -> Form {
        Form { form in
            let enrolled = checksEnrolment ? try liveNodes(services) : [:]
            let offered = try services.netbox.plannedDevices().filter { enrolled[$0.name] == nil }.map { Choice($0.name) }
            let page = FormPage(title: try form.state.string("product_name")) { FormField.choice(deviceField, options: offered) }
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

    /// Live Node subscriptions (anything not terminated, nor given up by an aborted create), by
    /// NetBox device name.
    static func liveNodes(_ services: WorkshopServices) throws -> [String: Subscription<NodeModel>] {
        var byDevice: [String: Subscription<NodeModel>] = [:]
        for node in try services.nodes(Set(Lifecycle.allCases).subtracting([.terminated])) where try !services.subscriptions.isAbandoned(node) {
            if let name = node.node.node_name, byDevice[name] == nil { byDevice[name] = node }
        }
        return byDevice
    }

    static func enrolmentCheck(_ services: WorkshopServices) -> @Sendable (String) throws -> Void {
        { name in
            if let existing = try liveNodes(services)[name] {
                throw WorkshopError.alreadyEnrolled(device: name, subscriptionID: existing.subscriptionID)
            }
        }
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
