import WorkflowEngine

/// The PE router port a customer is connected to, as NetBox knows it.
public struct AccessPortBlock: ProductBlockModel {
    public static let blockName = "AccessPort"
    public static let requirements: [String: Required] = [
        "router_id": .fromProvisioning, "router_name": .fromProvisioning, "port_id": .fromProvisioning,
        "port_name": .fromProvisioning, "enabled": .fromProvisioning,
    ]

    /// The NetBox device id of the PE router.
    public var router_id: Int?
    public var router_name: String?
    /// The NetBox interface id.
    public var port_id: Int?
    public var port_name: String?
    /// False while the customer is suspended: the port is shut on the router and disabled in NetBox.
    public var enabled: Bool?

    public init() {}
}

/// One customer's access service: the port and the /64 handed to the customer's link.
public struct CustomerAccessBlock: ProductBlockModel {
    public static let blockName = "CustomerAccess"
    public static let requirements: [String: Required] = [
        "customer": .fromProvisioning, "ipv6_prefix": .fromProvisioning, "ipv6_address": .fromProvisioning,
    ]

    public var customer: String?
    public var port = Block<AccessPortBlock>()
    /// The customer's /64 from the Customer Access Pool: `2001:db8:100::/64`.
    public var ipv6_prefix: String?
    /// The PE router's address in that /64, with prefix length: `2001:db8:100::1/64`.
    public var ipv6_address: String?

    public init() {}
}

extension CustomerAccessBlock {
    /// What the customer's /64 and the router's address in it are described as in NetBox.
    public var prefixDescription: String {
        AccessDescriptions.prefix(customer: customer ?? "", router: port.router_name ?? "", port: port.port_name ?? "")
    }
    public var portDescription: String { AccessDescriptions.port(customer: customer ?? "") }
}

/// The CustomerAccess product's model.
public struct CustomerAccessModel: ProductModel {
    public var access = Block<CustomerAccessBlock>()
    public init() {}
}

/// The product, the names of its workflows (what scenarios start), and the limits on what a
/// form accepts.
public enum AccessProduct {
    public static let name = "CustomerAccess"
    public static let speed = "10G"

    public static let create = "create_customer_access"
    public static let modify = "modify_customer_access"
    public static let terminate = "terminate_customer_access"
    public static let validate = "validate_customer_access"

    public static let product = Product(
        name: name, description: "Customer access port on a PE router", type: "CustomerAccess", tag: "ACCESS",
        fixedInputs: ["speed": speed], workflows: [create, modify, terminate, validate], model: CustomerAccessModel.self)
}

/// What the create form accepts. The customer name ends up in NetBox descriptions and in router
/// config, so it is kept to characters every router and NetBox take as they are.
public enum AccessLimits {
    /// Length of a customer name.
    public static let customerName = 2...32
    /// Ports offered for customers: 10G interfaces.
    public static let portSpeedKbps = 10_000_000
    /// The NetBox role of routers that offer access ports.
    public static let routerRole = "pe-router"
    /// The NetBox prefix every customer /64 comes from, found by its description.
    public static let poolDescription = "Customer Access Pool"
    public static let customerPrefixLength = 64

    /// Nil when `name` is a valid customer name, else why not.
    public static func customerNameProblem(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        guard customerName.contains(name.count), allowed, name.first != "-" else {
            return "must be \(customerName.lowerBound)–\(customerName.upperBound) letters, digits or '-', not starting with '-'"
        }
        return nil
    }
}

/// The descriptions the workflows write; NetBox objects are found again by them on a retry.
public enum AccessDescriptions {
    public static func port(customer: String) -> String { "Customer \(customer) access" }
    public static func prefix(customer: String, router: String, port: String) -> String {
        "Customer \(customer) on \(router):\(port)"
    }
    public static func subscription(customer: String, router: String, port: String) -> String {
        "Customer access \(customer) on \(router):\(port)"
    }
}
