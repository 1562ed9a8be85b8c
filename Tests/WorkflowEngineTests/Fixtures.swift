import WorkflowEngine
import WorkflowEngineTesting

typealias NodeBlock = ExampleNodeBlock
typealias NodeModel = ExampleNodeModel

struct PortBlock: ProductBlockModel {
    static let blockName = "Port"
    static let requirements: [String: Required] = ["port_name": .fromProvisioning, "node": .fromProvisioning]
    var port_name: String?
    var node: Block<NodeBlock>?
}

struct Layer3InterfaceBlock: ProductBlockModel {
    static let blockName = "Layer3Interface"
    static let requirements: [String: Required] = ["port": .fromProvisioning, "v6_ip_address": .whenActive]
    var v6_ip_address: String?
    var port: Block<PortBlock>?
}

struct CircuitBlock: ProductBlockModel {
    static let blockName = "Circuit"
    static let requirements: [String: Required] = ["members": .fromProvisioning, "circuit_id": .fromProvisioning]
    var circuit_id: Int?
    var under_maintenance: Bool?
    var members: [Block<Layer3InterfaceBlock>] = []
}

struct CircuitModel: ProductModel {
    var circuit = Block<CircuitBlock>()
}

let nodeProduct = Product(name: "node Cisco", description: "Network node", type: "Node", tag: "NODE",
                          workflows: ["create_node", "modify_node", "terminate_node", "validate_node", "modify_node_with_approval",
                                      "force_terminate_node"], model: NodeModel.self)
let circuitProduct = Product(name: "circuit 100G", description: "Core link", type: "Circuit", tag: "CIRCUIT",
                             fixedInputs: ["speed": "100G"], workflows: ["create_circuit", "tamper_circuit"],
                             model: CircuitModel.self)

let constructNode = step("Construct Node model") { context in
    var subscription = try context.newSubscription(NodeModel.self, customerID: "ORG-1")
    subscription.node.node_name = try context.state.string("node_name")
    subscription.node.node_id = try context.state.optionalInt("node_id") ?? 7
    return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
}

let assignLoopbacks = step("Assign loopbacks") { context in
    var subscription = try context.subscription(NodeModel.self)
    subscription.node.ipv4_loopback = "10.0.0.\(subscription.node.node_id ?? 0)"
    subscription.node.ipv6_loopback = "fd00::\(subscription.node.node_id ?? 0)"
    return ["subscription": subscription]
}

let confirmConfig = inputStep("Confirm config") { form in
    let name = try form.state.string("node_name")
    return try form.page("Put the config on the router") {
        FormField.readOnlyText("config", value: "hostname \(name)").meta(["device": .string(name)])
        FormField.accept("confirm_config_put_on_routers")
    }.values
}

let nodeForm = Form { form in
    try form.page("Node") {
        FormField.string("node_name").validated { value in
            if value.stringValue?.isEmpty ?? true { throw FieldError("node name must not be empty") }
        }
        FormField.int("node_id", default: 7, minimum: 1)
    }.values
}

let createNode = createWorkflow("create_node", "Create Node", initialForm: nodeForm) {
    constructNode
    storeProcessSubscription
    setStatus(.provisioning)
    confirmConfig
    assignLoopbacks
}

let modifyNode = modifyWorkflow("modify_node", "Modify Node") {
    step("Rename node") { context in
        var subscription = try context.subscription(NodeModel.self)
        subscription.description = "Node \(subscription.node.node_name ?? "")"
        return ["subscription": subscription]
    }
}

let terminateNode = terminateWorkflow("terminate_node", "Terminate Node") {
    step("Remove node from network") { _ in [:] }
}

let validateNode = validateWorkflow("validate_node", "Validate Node") {
    step("Check node") { context in
        let subscription = try context.subscription(NodeModel.self)
        return ["node_ok": subscription.node.node_name != nil]
    }
}

let modifyNodeWithApproval = modifyWorkflow("modify_node_with_approval", "Modify Node after approval") {
    inputStep("Approve") { form in try form.page("Approve") { FormField.accept("approved") }.values }
}

let forceTerminateNode = modifyWorkflow("force_terminate_node", "Terminate without the start checks") {
    setStatus(.terminated)
}

let createCircuit = createWorkflow("create_circuit", "Create Circuit", initialForm: Form { form in
    try form.page("Routers") {
        FormField.string("router_a")
        FormField.string("router_b")
    }.values
}) {
    step("Construct Circuit model") { context in
        var subscription = try context.newSubscription(CircuitModel.self, customerID: "ORG-1")
        subscription.circuit.circuit_id = 1
        subscription.circuit.members = try ["router_a", "router_b"].map { key in
            let node = try context.subscription(NodeModel.self, at: key)
            var port = Block<PortBlock>()
            port.port_name = "eth-\(key)"
            port.node = node.node
            var interface = Block<Layer3InterfaceBlock>()
            interface.port = port
            interface.v6_ip_address = "fd00::\(key == "router_a" ? 1 : 2)"
            return interface
        }
        return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
    }
    storeProcessSubscription
}

/// Changes the referenced Node block inside the circuit: must not reach the Node subscription.
let tamperCircuit = modifyWorkflow("tamper_circuit", "Edit a foreign block") {
    step("Rename referenced node") { context in
        var subscription = try context.subscription(CircuitModel.self)
        subscription.circuit.members[0].port?.node?.node_name = "hacked"
        subscription.circuit.under_maintenance = true
        return ["subscription": subscription]
    }
}

/// An engine with the Node and Circuit products and their workflows registered.
func nodeEngine(seed: UInt64 = 1, path: String = ":memory:") throws -> (Engine, ProductInfo) {
    let engine = try Engine(path: path, clock: SteppingClock(), ids: IDGenerator(seed: seed))
    try engine.register([createNode, modifyNode, terminateNode, validateNode, modifyNodeWithApproval, forceTerminateNode,
                         createCircuit, tamperCircuit])
    let node = try engine.register(nodeProduct)
    try engine.register(circuitProduct)
    return (engine, node)
}

func productPage(_ product: ProductInfo) -> JSON { ["product": .string(product.snapshot.productID)] }

/// Creates an active Node subscription through create_node and returns its id.
func activeNode(_ engine: Engine, _ product: ProductInfo, name: String) throws -> String {
    let started = try engine.start("create_node", inputs: [productPage(product), ["node_name": .string(name)]])
    let done = try engine.resume(started.processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
    guard done.status == .completed, let id = try engine.process(done.processID).subscriptions.first else {
        throw WorkflowTestFailure("create_node for \(name) ended \(done.status)")
    }
    return id
}
