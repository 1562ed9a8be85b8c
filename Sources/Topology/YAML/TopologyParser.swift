import Yams
import YAMLReading

/// Reads the native YAML format into a `Topology`, reporting every problem it finds (with line, column
/// and field path) to the load's diagnostic log instead of stopping at the first.
struct TopologyParser {
    let log: DiagnosticLog
    var yaml: YAMLReader { log.yaml }

    /// Nil when the text is not YAML at all; otherwise the objects that could be read.
    func parse(_ text: String) -> Topology? {
        guard let root = yaml.compose(text, limits: .topology) else { return nil }
        return document(root)
    }

    func mapping(_ node: Node, _ path: String, keys: [String], required: [String] = []) -> YAMLMapping? {
        yaml.mapping(node, YAMLPath(path), keys: keys, required: required)
    }

    func document(_ root: Node) -> Topology? {
        guard var reader = mapping(root, "", keys: TopologyKeys.document) else { return nil }
        var topology = Topology()
        topology.name = reader.string("name")
        if let node = reader["defaults"] { topology.defaults = traits(node, path: "defaults") ?? DeviceTraits() }
        topology.kinds = traitSets(&reader, "kinds")
        topology.groups = traitSets(&reader, "groups")
        topology.sites = list(&reader, "sites", site)
        topology.manufacturers = list(&reader, "manufacturers", manufacturer)
        topology.deviceRoles = list(&reader, "device_roles", deviceRole)
        topology.deviceTypes = list(&reader, "device_types", deviceType)
        topology.devices = list(&reader, "devices", device)
        topology.prefixes = list(&reader, "prefixes", prefix)
        topology.addresses = list(&reader, "addresses", address)
        topology.cables = list(&reader, "cables", cable)
        topology.links = list(&reader, "links", link)
        return topology
    }

    typealias DeviceTraits = Topology.DeviceTraits

    func list<T>(_ reader: inout YAMLMapping, _ key: String, _ element: (Node, String) -> T?) -> [T] {
        guard let nodes = reader.sequence(key) else { return [] }
        let path = reader.path(key)
        return nodes.enumerated().compactMap { index, node in element(node, path.index(index).description) }
    }

    func traitSets(_ reader: inout YAMLMapping, _ key: String) -> [Topology.TraitSet] {
        guard let node = reader[key] else { return [] }
        guard let entries = yaml.entries(node, reader.path(key), expected: "a mapping of names to device fields") else {
            reader.markInvalid(key)
            return []
        }
        return entries.compactMap { entry in
            traits(entry.value, path: reader.path(key).key(entry.key).description).map { Topology.TraitSet(name: entry.key, traits: $0) }
        }
    }

    func traits(_ node: Node, path: String) -> DeviceTraits? {
        guard var reader = mapping(node, path, keys: TopologyKeys.traits) else { return nil }
        return traits(&reader)
    }

    func traits(_ reader: inout YAMLMapping) -> DeviceTraits {
        var traits = DeviceTraits(
            site: reader.string("site"), role: reader.string("role"), deviceType: reader.string("device_type"),
            status: reader.choice("status", from: StatusChoices.device))
        if let node = reader["loopback"] { traits.loopback = loopback(node, path: reader.path("loopback").description) }
        traits.origin = reader.origin
        return traits
    }

    func device(_ node: Node, path: String) -> Topology.Device? {
        guard var reader = mapping(node, path, keys: TopologyKeys.device, required: ["name"]),
              let name = reader.string("name") else { return nil }
        var device = Topology.Device(
            name: name, id: reader.int("id"), kind: reader.string("kind"), group: reader.string("group"),
            description: reader.string("description"), firstInterfaceID: reader.int("first_interface_id"),
            interfaces: list(&reader, "interfaces") { interface($0, path: $1, keys: TopologyKeys.interface) },
            primaryIPv4: reader.string("primary_ip4"), primaryIPv6: reader.string("primary_ip6"))
        device.traits = traits(&reader)
        device.origin = reader.origin
        return device
    }

    func loopback(_ node: Node, path: String) -> Topology.Loopback? {
        guard var reader = mapping(node, path, keys: TopologyKeys.loopback) else { return nil }
        var loopback = Topology.Loopback(
            name: reader.string("name"), id: reader.int("id"), description: reader.string("description"))
        loopback.ipv4 = reader["ipv4"].flatMap { loopbackAddress($0, path: reader.path("ipv4").description) }
        loopback.ipv6 = reader["ipv6"].flatMap { loopbackAddress($0, path: reader.path("ipv6").description) }
        loopback.origin = reader.origin
        return loopback
    }

    func loopbackAddress(_ node: Node, path: String) -> Topology.LoopbackAddress? {
        if let scalar = node.scalar {
            return Topology.LoopbackAddress(address: scalar.string, origin: Origin(path: path, location: node.location))
        }
        guard var reader = mapping(node, path, keys: TopologyKeys.loopbackAddress, required: ["address"]),
              let address = reader.string("address") else { return nil }
        return Topology.LoopbackAddress(
            address: address, id: reader.int("id"), status: reader.choice("status", from: StatusChoices.address),
            description: reader.string("description"), origin: reader.origin)
    }

    func site(_ node: Node, path: String) -> Topology.Site? {
        guard var reader = mapping(node, path, keys: TopologyKeys.site, required: ["name"]),
              let name = reader.string("name") else { return nil }
        return Topology.Site(
            name: name, slug: reader.string("slug"), id: reader.int("id"),
            status: reader.choice("status", from: StatusChoices.site), description: reader.string("description"),
            origin: reader.origin)
    }

    func manufacturer(_ node: Node, path: String) -> Topology.Manufacturer? {
        guard var reader = mapping(node, path, keys: TopologyKeys.manufacturer, required: ["name"]),
              let name = reader.string("name") else { return nil }
        return Topology.Manufacturer(name: name, slug: reader.string("slug"), id: reader.int("id"), origin: reader.origin)
    }

    func deviceRole(_ node: Node, path: String) -> Topology.DeviceRole? {
        guard var reader = mapping(node, path, keys: TopologyKeys.deviceRole, required: ["name"]),
              let name = reader.string("name") else { return nil }
        return Topology.DeviceRole(
            name: name, slug: reader.string("slug"), id: reader.int("id"), color: reader.string("color"),
            origin: reader.origin)
    }

    func deviceType(_ node: Node, path: String) -> Topology.DeviceType? {
        guard var reader = mapping(node, path, keys: TopologyKeys.deviceType, required: ["model", "manufacturer"]),
              let model = reader.string("model") else { return nil }
        var type = Topology.DeviceType(
            model: model, slug: reader.string("slug"), id: reader.int("id"),
            manufacturer: reader.string("manufacturer"))
        type.interfaces = list(&reader, "interfaces") { interface($0, path: $1, keys: TopologyKeys.interfaceTemplate) }
        type.origin = reader.origin
        return type
    }

    func interface(_ node: Node, path: String, keys: [String]) -> Topology.InterfaceSpec? {
        guard var reader = mapping(node, path, keys: keys, required: ["name", "type"]),
              let name = reader.string("name") else { return nil }
        return Topology.InterfaceSpec(
            name: name, id: reader.int("id"), type: reader.string("type"),
            speedKbps: reader.int("speed"), enabled: reader.bool("enabled"), mgmtOnly: reader.bool("mgmt_only"),
            description: reader.string("description"), origin: reader.origin)
    }

    func prefix(_ node: Node, path: String) -> Topology.Prefix? {
        guard var reader = mapping(node, path, keys: TopologyKeys.prefix, required: ["prefix"]),
              let prefix = reader.string("prefix") else { return nil }
        return Topology.Prefix(
            prefix: prefix, id: reader.int("id"), status: reader.choice("status", from: StatusChoices.prefix),
            isPool: reader.bool("is_pool"), description: reader.string("description"), origin: reader.origin)
    }

    func address(_ node: Node, path: String) -> Topology.Address? {
        guard var reader = mapping(node, path, keys: TopologyKeys.address, required: ["address"]),
              let address = reader.string("address") else { return nil }
        var result = Topology.Address(
            address: address, id: reader.int("id"), status: reader.choice("status", from: StatusChoices.address),
            description: reader.string("description"))
        if let node = reader["interface"] {
            result.interface = endpoint(node, path: reader.path("interface").description)
        }
        result.origin = reader.origin
        return result
    }

    func cable(_ node: Node, path: String) -> Topology.Cable? {
        guard var reader = mapping(node, path, keys: TopologyKeys.cable, required: ["endpoints"]),
              let (a, b) = endpoints(&reader) else { return nil }
        return Topology.Cable(
            a: a, b: b, id: reader.int("id"), status: reader.choice("status", from: StatusChoices.cable),
            description: reader.string("description"), origin: reader.origin)
    }

    func link(_ node: Node, path: String) -> Topology.Link? {
        guard var reader = mapping(node, path, keys: TopologyKeys.link, required: ["endpoints"]),
              let (a, b) = endpoints(&reader) else { return nil }
        return Topology.Link(a: a, b: b, origin: reader.origin)
    }

    func endpoints(_ reader: inout YAMLMapping) -> (Topology.Endpoint, Topology.Endpoint)? {
        guard let nodes = reader.sequence("endpoints") else { return nil }
        guard nodes.count == 2 else {
            log.error(reader.origin, field: "endpoints", "\(nodes.count) endpoints", expected: "exactly two: [device:interface, device:interface]")
            return nil
        }
        let path = reader.path("endpoints")
        guard let a = endpoint(nodes[0], path: path.index(0).description),
              let b = endpoint(nodes[1], path: path.index(1).description) else { return nil }
        return (a, b)
    }

    func endpoint(_ node: Node, path: String) -> Topology.Endpoint? {
        let origin = Origin(path: path, location: node.location)
        guard let text = node.scalar?.string, let endpoint = Topology.Endpoint(text, origin: origin) else {
            log.error(origin, "malformed interface reference: found \(node.kindName)", expected: "'device:interface', e.g. 'r1:1/1/c1/1'")
            return nil
        }
        return endpoint
    }
}
