import WorkflowEngine

/// The workshop's Node block (fields optional while initial, name and id required from
/// provisioning on, loopbacks once active), for tests and benchmarks that need a realistic product.
public struct ExampleNodeBlock: ProductBlockModel {
    public static let blockName = "Node"
    public static let requirements: [String: Required] = [
        "node_id": .fromProvisioning, "node_name": .fromProvisioning, "ipv4_loopback": .whenActive, "ipv6_loopback": .whenActive,
    ]
    public var node_id: Int?
    public var node_name: String?
    public var node_status: String?
    public var ipv4_loopback: String?
    public var ipv6_loopback: String?

    public init() {}
}

/// A Node subscription's model: one root `Node` block.
public struct ExampleNodeModel: ProductModel {
    public var node = Block<ExampleNodeBlock>()

    public init() {}
}
