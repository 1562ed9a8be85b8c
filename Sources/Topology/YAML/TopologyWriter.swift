import Yams

/// Writes a `Topology` as native YAML: one line per small object (flow style), devices as short blocks.
/// What it writes reads back into an equal `Topology`.
public enum TopologyWriter {
    public static func yaml(_ topology: Topology, header: String? = nil) -> String {
        var root = MappingBuilder()
        root.add("name", topology.name)
        if let defaults = traits(topology.defaults, style: .block) { root.add("defaults", defaults) }
        root.add("kinds", traitSets(topology.kinds))
        root.add("groups", traitSets(topology.groups))
        root.add("sites", topology.sites.map(site))
        root.add("manufacturers", topology.manufacturers.map(manufacturer))
        root.add("device_roles", topology.deviceRoles.map(deviceRole))
        root.add("device_types", topology.deviceTypes.map(deviceType))
        root.add("devices", topology.devices.map(device))
        root.add("prefixes", topology.prefixes.map(prefix))
        root.add("addresses", topology.addresses.map(address))
        root.add("cables", topology.cables.map(cable))
        root.add("links", topology.links.map(link))
        // Serializing a tree made of plain scalars, sequences and mappings cannot fail.
        let body = (try? Yams.serialize(node: root.node(.block), indent: 2, width: -1, allowUnicode: true)) ?? ""
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            // A blank line before each top-level section keeps long files scannable.
            index > 0 && line.first?.isLetter == true ? "\n" + line : String(line)
        }
        let comment = header.map { $0.split(separator: "\n").map { "# \($0)\n" }.joined() } ?? ""
        return comment + lines.joined(separator: "\n")
    }

    private static func traitSets(_ sets: [Topology.TraitSet]) -> Node? {
        guard !sets.isEmpty else { return nil }
        var mapping = MappingBuilder()
        for set in sets { mapping.add(set.name, traits(set.traits, style: .flow) ?? Node([(Node, Node)](), .implicit, .flow)) }
        return mapping.node(.block)
    }

    private static func traits(_ traits: Topology.DeviceTraits, style: Node.Mapping.Style) -> Node? {
        var mapping = MappingBuilder()
        add(traits, to: &mapping)
        return mapping.isEmpty ? nil : mapping.node(style)
    }

    private static func add(_ traits: Topology.DeviceTraits, to mapping: inout MappingBuilder) {
        mapping.add("site", traits.site)
        mapping.add("role", traits.role)
        mapping.add("device_type", traits.deviceType)
        mapping.add("status", traits.status)
        mapping.add("loopback", traits.loopback.map(loopback))
    }

    private static func loopback(_ loopback: Topology.Loopback) -> Node {
        var mapping = MappingBuilder()
        mapping.add("name", loopback.name)
        mapping.add("id", loopback.id)
        mapping.add("description", loopback.description)
        mapping.add("ipv4", loopback.ipv4.map(loopbackAddress))
        mapping.add("ipv6", loopback.ipv6.map(loopbackAddress))
        return mapping.node(.flow)
    }

    private static func loopbackAddress(_ address: Topology.LoopbackAddress) -> Node {
        guard address.id != nil || address.status != nil || address.description != nil else { return .string(address.address) }
        var mapping = MappingBuilder()
        mapping.add("address", address.address)
        mapping.add("id", address.id)
        mapping.add("status", address.status)
        mapping.add("description", address.description)
        return mapping.node(.flow)
    }

    private static func site(_ site: Topology.Site) -> Node {
        var mapping = MappingBuilder()
        mapping.add("name", site.name)
        mapping.add("slug", site.slug)
        mapping.add("id", site.id)
        mapping.add("status", site.status)
        mapping.add("description", site.description)
        return mapping.node(.flow)
    }

    private static func manufacturer(_ manufacturer: Topology.Manufacturer) -> Node {
        var mapping = MappingBuilder()
        mapping.add("name", manufacturer.name)
        mapping.add("slug", manufacturer.slug)
        mapping.add("id", manufacturer.id)
        return mapping.node(.flow)
    }

    private static func deviceRole(_ role: Topology.DeviceRole) -> Node {
        var mapping = MappingBuilder()
        mapping.add("name", role.name)
        mapping.add("slug", role.slug)
        mapping.add("id", role.id)
        mapping.add("color", role.color)
        return mapping.node(.flow)
    }

    private static func deviceType(_ type: Topology.DeviceType) -> Node {
        var mapping = MappingBuilder()
        mapping.add("model", type.model)
        mapping.add("slug", type.slug)
        mapping.add("id", type.id)
        mapping.add("manufacturer", type.manufacturer)
        mapping.add("interfaces", type.interfaces.map(interface))
        return mapping.node(.block)
    }

    private static func interface(_ interface: Topology.InterfaceSpec) -> Node {
        var mapping = MappingBuilder()
        mapping.add("name", interface.name)
        mapping.add("id", interface.id)
        mapping.add("type", interface.type)
        mapping.add("speed", interface.speedKbps)
        mapping.add("enabled", interface.enabled)
        mapping.add("mgmt_only", interface.mgmtOnly)
        mapping.add("description", interface.description)
        return mapping.node(.flow)
    }

    private static func device(_ device: Topology.Device) -> Node {
        var mapping = MappingBuilder()
        mapping.add("name", device.name)
        mapping.add("id", device.id)
        mapping.add("kind", device.kind)
        mapping.add("group", device.group)
        add(device.traits, to: &mapping)
        mapping.add("description", device.description)
        mapping.add("first_interface_id", device.firstInterfaceID)
        mapping.add("interfaces", device.interfaces.map(interface))
        mapping.add("primary_ip4", device.primaryIPv4)
        mapping.add("primary_ip6", device.primaryIPv6)
        return mapping.node(.block)
    }

    private static func prefix(_ prefix: Topology.Prefix) -> Node {
        var mapping = MappingBuilder()
        mapping.add("prefix", prefix.prefix)
        mapping.add("id", prefix.id)
        mapping.add("status", prefix.status)
        mapping.add("is_pool", prefix.isPool)
        mapping.add("description", prefix.description)
        return mapping.node(.flow)
    }

    private static func address(_ address: Topology.Address) -> Node {
        var mapping = MappingBuilder()
        mapping.add("address", address.address)
        mapping.add("id", address.id)
        mapping.add("status", address.status)
        mapping.add("description", address.description)
        mapping.add("interface", address.interface?.description)
        return mapping.node(.flow)
    }

    private static func cable(_ cable: Topology.Cable) -> Node {
        var mapping = MappingBuilder()
        mapping.add("endpoints", endpoints(cable.a, cable.b))
        mapping.add("id", cable.id)
        mapping.add("status", cable.status)
        mapping.add("description", cable.description)
        return mapping.node(.flow)
    }

    private static func link(_ link: Topology.Link) -> Node {
        var mapping = MappingBuilder()
        mapping.add("endpoints", endpoints(link.a, link.b))
        return mapping.node(.flow)
    }

    private static func endpoints(_ a: Topology.Endpoint, _ b: Topology.Endpoint) -> Node {
        Node([.string(a.description), .string(b.description)], .implicit, .flow)
    }
}

/// Ordered key/value pairs for one YAML mapping; absent values and empty lists are left out.
struct MappingBuilder {
    private var pairs: [(Node, Node)] = []

    var isEmpty: Bool { pairs.isEmpty }

    mutating func add(_ key: String, _ value: Node?) {
        if let value { pairs.append((.string(key), value)) }
    }
    mutating func add(_ key: String, _ value: String?) { add(key, value.map(Node.string)) }
    mutating func add(_ key: String, _ value: Int?) { add(key, value.map { Node(String($0)) }) }
    mutating func add(_ key: String, _ value: Bool?) { add(key, value.map { Node($0 ? "true" : "false") }) }
    mutating func add(_ key: String, _ values: [Node]) {
        if !values.isEmpty { add(key, Node(values, .implicit, .block)) }
    }

    func node(_ style: Node.Mapping.Style) -> Node { Node(pairs, .implicit, style) }
}

extension Node {
    /// A string scalar, quoted when it would otherwise read back as a number, boolean or null.
    static func string(_ text: String) -> Node { .scalar(text.represented()) }
}
