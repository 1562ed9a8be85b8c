import WorkflowEngine

/// terminate_node: refused by the engine while circuits use the node (in-use-by); otherwise
/// shows the removal config and puts the NetBox device back to planned.
enum TerminateNode {
    static func workflow(_ services: WorkshopServices) -> Workflow {
        terminateWorkflow(WorkflowName.terminateNode, "Terminate Node") {
            provideConfigStep("Remove the node config from the router") { state in
                let name = try state.model(NodeModel.self).node.node_name ?? ""
                return [ConfigText(field: ConfigField.node, device: name, text: NodeConfig.removal(nodeName: name))]
            }
            NodeSteps.setDeviceStatus(.planned, services)
        }
    }
}
