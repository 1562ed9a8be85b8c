import Catalogues
import NetBoxSim
import WorkflowEngine
import Workshop

/// terminate_node: refused by the engine while circuits use the node (in-use-by); otherwise
/// shows the removal config and puts the NetBox device back to planned.
public enum TerminateNode {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        terminateWorkflow(WorkflowName.terminateNode, "Terminate Node") {
            provideConfigStep("Remove the node config from the router") { state in
                let name = try state.model(NodeModel.self).node.node_name ?? ""
                return [ConfigText(field: ConfigField.node, device: name, text: NodeConfig.removal(nodeName: name))]
            }
            step("Set device status 'planned' in NetBox") { context in
                var subscription = try context.subscription(NodeModel.self)
                let device = try services.netbox(for: context).setStatus(.planned, ofDevice: subscription.node.node_id ?? 0)
                subscription.node.node_status = device.status.rawValue
                return ["subscription": subscription]
            }
        }
    }
}
