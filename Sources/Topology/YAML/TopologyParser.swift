import Yams

/// Reads the native YAML format into a `Topology`, reporting every problem it finds (with line, column
/// and field path) to the load's diagnostic log instead of stopping at the first.
struct TopologyParser {
    let log: DiagnosticLog

    /// Nil when the text is not YAML at all; otherwise the objects that could be read.
    func parse(_ text: String) -> Topology? {
        guard let root = YAMLDocument.compose(text, log: log) else { return nil }
        return document(root)
    }

    func document(_ root: Node) -> Topology? {
        guard var reader = MappingReader(root, path: "", keys: TopologyKeys.document, log: log) else { return nil }
        var topology = Topology()
        topology.name = reader.string("name")
        if let node = reader.node("defaults") { topology.defaults = traits(node, path: "defaults") ?? DeviceTraits() }
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

    func list<T>(_ reader: inout MappingReader, _ key: String, _ element: (Node, String) -> T?) -> [T] {
        guard let nodes = reader.sequence(key) else { return [] }
        let path = reader.origin.path(of: key)
        return nodes.enumerated().compactMap { index, node in element(node, "\(path)[\(index)]") }
    }

    func traitSets(_ reader: inout MappingReader, _ key: String) -> [Topology.TraitSet] {
        guard let node = reader.node(key) else { return [] }
        guard let mapping = node.mapping else {
            reader.markInvalid(key)
            log.error(reader.origin, field: key, "wrong type: found \(node.kindName)", expected: "a mapping of names to device fields")
            return []
        }
        return mapping.compactMap { name, value in
            guard let name = name.string,
                  let traits = traits(value, path: "\(key).\(name)") else { return nil }
            return Topology.TraitSet(name: name, traits: traits)
        }
    }

    func traits(_ node: Node, path: String) -> DeviceTraits? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.traits, log: log) else { return nil }
        return traits(&reader)
    }

    func traits(_ reader: inout MappingReader) -> DeviceTraits {
        var traits = DeviceTraits(
            site: reader.string("site"), role: reader.string("role"), deviceType: reader.string("device_type"),
            status: reader.choice("status", in: StatusChoices.device))
        if let node = reader.node("loopback") { traits.loopback = loopback(node, path: reader.origin.path(of: "loopback")) }
        traits.origin = reader.origin
        return traits
    }

    func device(_ node: Node, path: String) -> Topology.Device? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.device, log: log),
              let name = reader.required("name", { $0.string($1) }) else { return nil }
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
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.loopback, log: log) else { return nil }
        var loopback = Topology.Loopback(
            name: reader.string("name"), id: reader.int("id"), description: reader.string("description"))
        loopback.ipv4 = reader.node("ipv4").flatMap { loopbackAddress($0, path: reader.origin.path(of: "ipv4")) }
        loopback.ipv6 = reader.node("ipv6").flatMap { loopbackAddress($0, path: reader.origin.path(of: "ipv6")) }
        loopback.origin = reader.origin
        return loopback
    }

    func loopbackAddress(_ node: Node, path: String) -> Topology.LoopbackAddress? {
        if let scalar = node.scalar {
            return Topology.LoopbackAddress(address: scalar.string, origin: Origin(path: path, location: node.location))
        }
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.loopbackAddress, log: log),
              let address = reader.required("address", { $0.string($1) }) else { return nil }
        return Topology.LoopbackAddress(
            address: address, id: reader.int("id"), status: reader.choice("status", in: StatusChoices.address),
            description: reader.string("description"), origin: reader.origin)
    }

    func site(_ node: Node, path: String) -> Topology.Site? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.site, log: log),
              let name = reader.required("name", { $0.string($1) }) else { return nil }
        return Topology.Site(
            name: name, slug: reader.string("slug"), id: reader.int("id"),
            status: reader.choice("status", in: StatusChoices.site), description: reader.string("description"),
            origin: reader.origin)
    }

    func manufacturer(_ node: Node, path: String) -> Topology.Manufacturer? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.manufacturer, log: log),
              let name = reader.required("name", { $0.string($1) }) else { return nil }
        return Topology.Manufacturer(name: name, slug: reader.string("slug"), id: reader.int("id"), origin: reader.origin)
    }

    func deviceRole(_ node: Node, path: String) -> Topology.DeviceRole? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.deviceRole, log: log),
              let name = reader.required("name", { $0.string($1) }) else { return nil }
        return Topology.DeviceRole(
            name: name, slug: reader.string("slug"), id: reader.int("id"), color: reader.string("color"),
            origin: reader.origin)
    }

    func deviceType(_ node: Node, path: String) -> Topology.DeviceType? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.deviceType, log: log),
              let model = reader.required("model", { $0.string($1) }) else { return nil }
        var type = Topology.DeviceType(
            model: model, slug: reader.string("slug"), id: reader.int("id"),
            manufacturer: reader.required("manufacturer") { $0.string($1) })
        type.interfaces = list(&reader, "interfaces") { interface($0, path: $1, keys: TopologyKeys.interfaceTemplate) }
        type.origin = reader.origin
        return type
    }

    func interface(_ node: Node, path: String, keys: [String]) -> Topology.InterfaceSpec? {
        guard var reader = MappingReader(node, path: path, keys: keys, log: log),
              let name = reader.required("name", { $0.string($1) }) else { return nil }
        return Topology.InterfaceSpec(
            name: name, id: reader.int("id"), type: reader.required("type") { $0.string($1) },
            speedKbps: reader.int("speed"), enabled: reader.bool("enabled"), mgmtOnly: reader.bool("mgmt_only"),
            description: reader.string("description"), origin: reader.origin)
    }

    func prefix(_ node: Node, path: String) -> Topology.Prefix? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.prefix, log: log),
              let prefix = reader.required("prefix", { $0.string($1) }) else { return nil }
        return Topology.Prefix(
            prefix: prefix, id: reader.int("id"), status: reader.choice("status", in: StatusChoices.prefix),
            isPool: reader.bool("is_pool"), description: reader.string("description"), origin: reader.origin)
    }

    func address(_ node: Node, path: String) -> Topology.Address? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.address, log: log),
              let address = reader.required("address", { $0.string($1) }) else { return nil }
        var result = Topology.Address(
            address: address, id: reader.int("id"), status: reader.choice("status", in: StatusChoices.address),
            description: reader.string("description"))
        if let node = reader.node("interface") {
            result.interface = endpoint(node, path: reader.origin.path(of: "interface"))
        }
        result.origin = reader.origin
        return result
    }

    func cable(_ node: Node, path: String) -> Topology.Cable? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.cable, log: log),
              let (a, b) = endpoints(&reader) else { return nil }
        return Topology.Cable(
            a: a, b: b, id: reader.int("id"), status: reader.choice("status", in: StatusChoices.cable),
            description: reader.string("description"), origin: reader.origin)
    }

    func link(_ node: Node, path: String) -> Topology.Link? {
        guard var reader = MappingReader(node, path: path, keys: TopologyKeys.link, log: log),
              let (a, b) = endpoints(&reader) else { return nil }
        return Topology.Link(a: a, b: b, origin: reader.origin)
    }

    func endpoints(_ reader: inout MappingReader) -> (Topology.Endpoint, Topology.Endpoint)? {
        guard let nodes = reader.required("endpoints", { $0.sequence($1) }) else { return nil }
        guard nodes.count == 2 else {
            log.error(reader.origin, field: "endpoints", "\(nodes.count) endpoints", expected: "exactly two: [device:interface, device:interface]")
            return nil
        }
        let path = reader.origin.path(of: "endpoints")
        guard let a = endpoint(nodes[0], path: "\(path)[0]"), let b = endpoint(nodes[1], path: "\(path)[1]") else { return nil }
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
