import Yams
import YAMLReading

/// Reads a NetBox export (the JSON of `Topologies/examples/workshop-netbox-export.json`: one list of objects per
/// `app.model`, foreign keys as ids) into the native model, keeping every id. Runs of interfaces are
/// folded into ranges. Sections the seed does not model (modules, circuits…) are reported as warnings.
struct NetBoxExportImporter {
    let log: DiagnosticLog
    var yaml: YAMLReader { log.yaml }
    static let sections = [
        "dcim.site", "dcim.manufacturer", "dcim.devicerole", "dcim.devicetype", "dcim.device", "dcim.interface",
        "ipam.prefix", "ipam.ipaddress", "dcim.cable",
    ]

    /// One exported object: fields read without complaining about the many NetBox fields not imported.
    private struct Row {
        var reader: YAMLMapping
        var origin: Origin { reader.origin }
        init?(_ node: Node, path: String, yaml: YAMLReader) {
            guard let reader = yaml.mapping(node, YAMLPath(path), keys: nil) else { return nil }
            self.reader = reader
        }
        mutating func string(_ key: String) -> String? { reader.string(key) }
        /// The field, unless it holds the value the native format assumes anyway (kept out to stay short).
        mutating func string(_ key: String, unless fallback: String) -> String? {
            reader.string(key).flatMap { $0 == fallback ? nil : $0 }
        }
        mutating func bool(_ key: String, unless fallback: Bool) -> Bool? {
            reader.bool(key).flatMap { $0 == fallback ? nil : $0 }
        }
        /// A foreign key as an id or a nested `{id: N}`; bounded like every integer of a topology.
        mutating func id(_ key: String = "id") -> Int? {
            guard let nested = reader[key]?.mapping?["id"] else { return reader.int(key) }
            guard let id = reader.reader.int(nested, reader.path(key).key("id"), minimum: 1, maximum: TopologyLimits.maximumInteger) else {
                reader.markInvalid(key)
                return nil
            }
            return id
        }
        mutating func bool(_ key: String) -> Bool? { reader.bool(key) }
        /// Choice fields come as `"planned"` in exports and `{value, label}` from the API.
        mutating func choice(_ key: String, unless fallback: String? = nil) -> String? {
            let value = reader[key]?.mapping?["value"]?.string ?? reader.string(key)
            return value == fallback ? nil : value
        }
    }

    func topology(from root: Node) -> Topology? {
        guard let mapping = root.mapping else { return nil }
        for (key, value) in mapping {
            guard let name = key.string, !Self.sections.contains(name), !name.hasPrefix("_") else { continue }
            let count = value.sequence?.count ?? 0
            log.warning(
                Origin(path: name, location: key.location), "\(count) object(s) not imported: OrchLab does not model \(name)")
        }
        func rows(_ section: String) -> [Row] {
            (mapping[section]?.sequence.map(Array.init) ?? []).enumerated().compactMap { index, node in
                Row(node, path: "\(section)[\(index)]", yaml: yaml)
            }
        }
        var topology = Topology()
        var sites: [Int: String] = [:], manufacturers: [Int: String] = [:], roles: [Int: String] = [:], types: [Int: String] = [:]
        for var row in rows("dcim.site") {
            guard let name = row.string("name") else { continue }
            let site = Topology.Site(
                name: name, slug: row.string("slug"), id: row.id(), status: row.choice("status", unless: "active"),
                description: row.string("description", unless: ""), origin: row.origin)
            topology.sites.append(site)
            if let id = site.id { sites[id] = site.slug ?? Slug.make(from: name) }
        }
        for var row in rows("dcim.manufacturer") {
            guard let name = row.string("name") else { continue }
            let manufacturer = Topology.Manufacturer(name: name, slug: row.string("slug"), id: row.id(), origin: row.origin)
            topology.manufacturers.append(manufacturer)
            if let id = manufacturer.id { manufacturers[id] = manufacturer.slug ?? Slug.make(from: name) }
        }
        for var row in rows("dcim.devicerole") {
            guard let name = row.string("name") else { continue }
            let role = Topology.DeviceRole(name: name, slug: row.string("slug"), id: row.id(), color: row.string("color", unless: "9e9e9e"), origin: row.origin)
            topology.deviceRoles.append(role)
            if let id = role.id { roles[id] = role.slug ?? Slug.make(from: name) }
        }
        for var row in rows("dcim.devicetype") {
            guard let model = row.string("model") else { continue }
            let type = Topology.DeviceType(
                model: model, slug: row.string("slug"), id: row.id(),
                manufacturer: lookup(row.id("manufacturer"), in: manufacturers, row.origin, "manufacturer"), origin: row.origin)
            topology.deviceTypes.append(type)
            if let id = type.id { types[id] = type.slug ?? Slug.make(from: model) }
        }
        var deviceNames: [Int: String] = [:]
        for var row in rows("dcim.device") {
            if let id = row.id(), let name = row.string("name") { deviceNames[id] = name }
        }
        let interfaces = interfacesByDevice(rows("dcim.interface"), deviceNames: deviceNames)
        let addresses = self.addresses(rows("ipam.ipaddress"), interfaces: interfaces.names)
        for var row in rows("dcim.device") {
            guard let name = row.string("name"), let id = row.id() else { continue }
            var traits = Topology.DeviceTraits(
                site: lookup(row.id("site"), in: sites, row.origin, "site"),
                role: lookup(row.id("role") ?? row.id("device_role"), in: roles, row.origin, "role"),
                deviceType: lookup(row.id("device_type"), in: types, row.origin, "device_type"),
                status: row.choice("status", unless: "active"))
            traits.origin = row.origin
            topology.devices.append(Topology.Device(
                name: name, id: id, traits: traits, description: row.string("description", unless: ""),
                interfaces: InterfaceRunCompactor.compact(interfaces.specs[id] ?? []),
                primaryIPv4: row.id("primary_ip4").flatMap { addresses.text[$0] },
                primaryIPv6: row.id("primary_ip6").flatMap { addresses.text[$0] }, origin: row.origin))
        }
        for var row in rows("ipam.prefix") {
            guard let prefix = row.string("prefix") else { continue }
            topology.prefixes.append(Topology.Prefix(
                prefix: prefix, id: row.id(), status: row.choice("status", unless: "active"),
                isPool: row.bool("is_pool", unless: false), description: row.string("description", unless: ""),
                origin: row.origin))
        }
        topology.addresses = addresses.list
        topology.cables = cables(rows("dcim.cable"), interfaces: interfaces.names)
        return topology
    }

    private func lookup(_ id: Int?, in table: [Int: String], _ origin: Origin, _ field: String) -> String? {
        guard let id else { return nil }
        guard let value = table[id] else {
            log.error(origin, field: field, "refers to \(field) id \(id), which is not in the export")
            return nil
        }
        return value
    }

    /// Each device's interfaces (by device id), and every interface as `device:name` (by interface id).
    private func interfacesByDevice(
        _ rows: [Row], deviceNames: [Int: String]
    ) -> (specs: [Int: [Topology.InterfaceSpec]], names: [Int: Topology.Endpoint]) {
        var specs: [Int: [Topology.InterfaceSpec]] = [:], names: [Int: Topology.Endpoint] = [:]
        for var row in rows {
            guard let device = row.id("device"), let name = row.string("name"), let id = row.id() else { continue }
            guard let deviceName = deviceNames[device] else {
                log.error(row.origin, field: "device", "refers to device id \(device), which is not in the export")
                continue
            }
            specs[device, default: []].append(Topology.InterfaceSpec(
                name: name, id: id, type: row.choice("type"), speedKbps: row.reader.int("speed"),
                enabled: row.bool("enabled", unless: true), mgmtOnly: row.bool("mgmt_only", unless: false),
                description: row.string("description", unless: ""),
                origin: row.origin))
            names[id] = Topology.Endpoint(device: deviceName, interface: name, origin: row.origin)
        }
        return (specs, names)
    }

    private func addresses(_ rows: [Row], interfaces: [Int: Topology.Endpoint]) -> (list: [Topology.Address], text: [Int: String]) {
        var list: [Topology.Address] = [], text: [Int: String] = [:]
        for var row in rows {
            guard let address = row.string("address") else { continue }
            var result = Topology.Address(
                address: address, id: row.id(), status: row.choice("status", unless: "active"),
                description: row.string("description", unless: ""), origin: row.origin)
            if row.string("assigned_object_type") == "dcim.interface", let id = row.id("assigned_object_id") {
                result.interface = interfaces[id]
                if result.interface == nil { log.error(row.origin, field: "assigned_object_id", "interface id \(id) is not in the export") }
            }
            list.append(result)
            if let id = result.id { text[id] = address }
        }
        return (list, text)
    }

    private func cables(_ rows: [Row], interfaces: [Int: Topology.Endpoint]) -> [Topology.Cable] {
        rows.compactMap { row in
            var row = row
            func end(_ key: String) -> Topology.Endpoint? {
                let id = row.reader[key]?.sequence?.first?.mapping?["object_id"]?.int
                guard let id, let endpoint = interfaces[id] else {
                    log.error(row.origin, field: key, "cable end is not an interface of the export", expected: "[{object_type: dcim.interface, object_id: N}]")
                    return nil
                }
                return endpoint
            }
            guard let a = end("a_terminations"), let b = end("b_terminations") else { return nil }
            return Topology.Cable(
                a: a, b: b, id: row.id(), status: row.choice("status", unless: "connected"),
                description: row.string("description", unless: ""), origin: row.origin)
        }
    }
}
