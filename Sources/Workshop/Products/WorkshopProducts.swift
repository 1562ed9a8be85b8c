import WorkflowEngine

/// The workshop's products and the names of the workflows attached to them.
public enum WorkshopProducts {
    public static let nodeName = "Node"
    public static let circuitName = "Circuit"
    /// The customer every workshop subscription belongs to.
    public static let customerID = "ORCHLAB-WORKSHOP"
    public static let circuitSpeed = "100G"

    // The workshop app registers each product with name = description = type = tag, and
    // clients written against it match on any of them.
    public static let node = Product(
        name: nodeName, description: nodeName, type: nodeName, tag: nodeName,
        workflows: [WorkflowName.createNode, WorkflowName.terminateNode, WorkflowName.validateNode],
        model: NodeModel.self)

    public static let circuit = Product(
        name: circuitName, description: circuitName, type: circuitName, tag: circuitName,
        fixedInputs: ["speed": circuitSpeed],
        workflows: [WorkflowName.createCircuit, WorkflowName.modifyCircuit, WorkflowName.terminateCircuit,
                    WorkflowName.validateCircuit],
        model: CircuitModel.self)
}

/// Workflow names (an API: clients and scenarios start workflows by these).
public enum WorkflowName {
    public static let createNode = "create_node"
    public static let terminateNode = "terminate_node"
    public static let validateNode = "validate_node"
    public static let createCircuit = "create_circuit"
    public static let modifyCircuit = "modify_circuit"
    public static let terminateCircuit = "terminate_circuit"
    public static let validateCircuit = "validate_circuit"
}
