import NetBoxSim
import WorkflowEngine

/// Steps the node workflows share.
enum NodeSteps {
    /// Sets the NetBox device's status (a PATCH to a fixed value, safe to repeat) and mirrors it
    /// in `node_status`.
    static func setDeviceStatus(_ status: DeviceStatus, _ services: WorkshopServices) -> Step {
        step("Set device status '\(status.rawValue)' in NetBox") { context in
            var subscription = try context.subscription(NodeModel.self)
            let id = subscription.node.node_id ?? 0
            let device = try services.netbox(for: context).setStatus(status, ofDevice: id)
            subscription.node.node_status = device.status.rawValue
            return ["subscription": subscription]
        }
    }
}
