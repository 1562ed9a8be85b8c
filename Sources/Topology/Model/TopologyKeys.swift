/// The keys each object of the native format accepts. The parser rejects anything else and the writer
/// emits only these; a test checks they match `Topologies/schema.json` so the two cannot drift.
enum TopologyKeys {
    static let document = [
        "name", "defaults", "kinds", "groups", "sites", "manufacturers", "device_roles", "device_types", "devices",
        "prefixes", "addresses", "cables", "links",
    ]
    static let traits = ["site", "role", "device_type", "status", "loopback"]
    static let device = [
        "name", "id", "kind", "group", "description", "first_interface_id", "interfaces", "primary_ip4", "primary_ip6",
    ] + traits
    static let loopback = ["name", "id", "description", "ipv4", "ipv6"]
    static let loopbackAddress = ["address", "id", "status", "description"]
    static let site = ["name", "slug", "id", "status", "description"]
    static let manufacturer = ["name", "slug", "id"]
    static let deviceRole = ["name", "slug", "id", "color"]
    static let deviceType = ["model", "slug", "id", "manufacturer", "interfaces"]
    static let interfaceTemplate = ["name", "type", "speed", "enabled", "mgmt_only", "description"]
    static let interface = ["name", "id", "type", "speed", "enabled", "mgmt_only", "description"]
    static let prefix = ["prefix", "id", "status", "is_pool", "description"]
    static let address = ["address", "id", "status", "description", "interface"]
    static let cable = ["endpoints", "id", "status", "description"]
    static let link = ["endpoints"]

    /// Keyed by the schema's `$defs` names (the document itself under `document`).
    static let bySchemaDefinition: [String: [String]] = [
        "document": document, "traits": traits, "device": device, "loopback": loopback,
        "loopbackAddress": loopbackAddress, "site": site, "manufacturer": manufacturer, "deviceRole": deviceRole,
        "deviceType": deviceType, "interfaceTemplate": interfaceTemplate, "interface": interface, "prefix": prefix,
        "address": address, "cable": cable, "link": link,
    ]
}

/// NetBox 4.7's status choices per object type (from its OPTIONS responses).
enum StatusChoices {
    static let site = ["planned", "staging", "active", "decommissioning", "retired"]
    static let device = ["offline", "active", "planned", "staged", "failed", "inventory", "decommissioning"]
    static let prefix = ["container", "active", "reserved", "deprecated"]
    static let address = ["active", "reserved", "deprecated", "dhcp", "slaac"]
    static let cable = ["connected", "planned", "decommissioning"]
}
