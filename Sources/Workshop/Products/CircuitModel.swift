import WorkflowEngine

/// One router port of a circuit. `node` is the Node subscription's own block (saved as an
/// in-use-by relation, so a node used by a live circuit cannot be terminated).
public struct PortBlock: ProductBlockModel {
    public static let blockName = "Port"
    public static let requirements: [String: Required] = [
        "port_id": .fromProvisioning, "port_name": .fromProvisioning, "port_description": .fromProvisioning,
        "node": .fromProvisioning,
    ]

    /// The NetBox interface id.
    public var port_id: Int?
    public var port_name: String?
    /// `Circuit Connection to <far node> port <far port>`.
    public var port_description: String?
    public var node: Block<NodeBlock>?

    public init() {}
}

/// One side of a circuit: its port and the address NetBox handed out for it.
public struct Layer3InterfaceBlock: ProductBlockModel {
    public static let blockName = "Layer 3 Interface"
    public static let requirements: [String: Required] = ["v6_ip_address": .fromProvisioning]

    public var port = Block<PortBlock>()
    /// With prefix length: `2001:db8:10::/127`.
    public var v6_ip_address: String?

    public init() {}
}

public struct CircuitBlock: ProductBlockModel {
    public static let blockName = "Circuit"
    public static let requirements: [String: Required] = [
        "members": .fromProvisioning, "circuit_id": .whenActive, "circuit_status": .fromProvisioning,
        "circuit_description": .fromProvisioning, "under_maintenance": .fromProvisioning,
    ]

    /// Exactly two: the A side, then the B side.
    public var members: [Block<Layer3InterfaceBlock>] = []
    /// The NetBox cable id.
    public var circuit_id: Int?
    /// The NetBox cable status as the workflows last set it (`planned`, `connected`).
    public var circuit_status: String?
    /// `<a node>:<a port> <--> <b node>:<b port>`.
    public var circuit_description: String?
    public var under_maintenance: Bool?

    public init() {}
}

/// The Circuit product's model (fixed input `speed` = `100G`).
public struct CircuitModel: ProductModel {
    public var circuit = Block<CircuitBlock>()
    public init() {}

    /// The two sides, A then B; a circuit with any other number of members is refused by name.
    public func sides(subscriptionID: String) throws(WorkshopError) -> (a: Layer3InterfaceBlock, b: Layer3InterfaceBlock) {
        let members = circuit.members
        guard members.count == 2 else { throw .memberCount(subscriptionID: subscriptionID, found: members.count) }
        return (members[0].fields, members[1].fields)
    }
}
