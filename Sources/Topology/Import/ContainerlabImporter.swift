import Yams
import YAMLReading

/// Reads a containerlab topology (`*.clab.yml`) into the native model: nodes become devices (their kind
/// resolved through defaults, kinds and groups as containerlab does), each clab kind a device type, each
/// group a device role, and every link endpoint an interface of its node. Containerlab settings that
/// mean nothing to NetBox (images, binds, env…) are not imported.
struct ContainerlabImporter {
    let log: DiagnosticLog
    var yaml: YAMLReader { log.yaml }

    func topology(from root: Node) -> Topology? {
        guard var document = yaml.mapping(root, YAMLPath(), keys: nil, required: ["topology"]),
              let body = document["topology"],
              var clab = yaml.mapping(body, document.path("topology"), keys: nil, required: ["nodes"]) else { return nil }
        let name = document.string("name") ?? "lab"
        let defaults = settings(clab["defaults"], path: "topology.defaults")
        let groupSettings = namedSettings(&clab, "groups")

        // What the import makes up is located where it comes from, so problems with it point into the file.
        let nameOrigin = Origin(path: "name", location: document.origin.location(of: "name"))
        var topology = Topology(name: name)
        topology.sites = [Topology.Site(name: name, slug: Slug.make(from: name), origin: nameOrigin)]
        topology.defaults = Topology.DeviceTraits(site: Slug.make(from: name), role: "router", origin: nameOrigin)
        topology.deviceRoles = [Topology.DeviceRole(name: "router", origin: nameOrigin)]
        var kindsUsed: [String] = [], groupsUsed: [String] = []
        var kindOrigins: [String: Origin] = [:]
        var devices: [String: Topology.Device] = [:], order: [String] = []
        if let nodes = clab["nodes"] {
            guard let entries = yaml.entries(nodes, clab.path("nodes"), expected: "a mapping of node names to settings") else { return nil }
            for entry in entries {
                let nodeName = entry.key, value = entry.value
                let path = "topology.nodes.\(nodeName)"
                let node = settings(value, path: path)
                var group = node.values["group"]
                let kind = node.values["kind"] ?? group.flatMap { groupSettings[$0]?.values["kind"] } ?? defaults.values["kind"]
                guard let kind else {
                    log.error(node.origin, "node '\(nodeName)' has no kind", expected: "'kind' on the node, its group, or in topology.defaults")
                    continue
                }
                if !kindsUsed.contains(kind) {
                    kindsUsed.append(kind)
                    kindOrigins[kind] = node.origin
                }
                if let name = group, groupSettings[name] == nil {
                    log.error(node.origin, field: "group", "unknown group '\(name)'\(Suggestion.hint(for: name, in: groupSettings.keys))")
                    group = nil
                }
                if let group, !groupsUsed.contains(group) { groupsUsed.append(group) }
                devices[nodeName] = Topology.Device(name: nodeName, kind: kind, group: group, origin: Origin(path: path, location: value.location))
                order.append(nodeName)
            }
        }
        topology.links = links(&clab)
        for link in topology.links {
            for end in [link.a, link.b] {
                guard var device = devices[end.device], !device.interfaces.contains(where: { $0.name == end.interface }) else { continue }
                device.interfaces.append(Topology.InterfaceSpec(name: end.interface, type: "other", origin: end.origin))
                devices[end.device] = device
            }
        }
        topology.devices = order.compactMap { devices[$0] }.map { device in
            var device = device
            device.interfaces = InterfaceRunCompactor.compact(device.interfaces)
            return device
        }
        let vendors = kindsUsed.map(vendor)
        let origin = { (kind: String) in kindOrigins[kind] ?? nameOrigin }
        topology.manufacturers = zip(kindsUsed, vendors).reduce(into: []) { list, pair in
            if !list.contains(where: { $0.name == pair.1 }) { list.append(Topology.Manufacturer(name: pair.1, origin: origin(pair.0))) }
        }
        topology.deviceTypes = zip(kindsUsed, vendors).map {
            Topology.DeviceType(model: $0, slug: Slug.make(from: $0), manufacturer: Slug.make(from: $1), origin: origin($0))
        }
        topology.kinds = kindsUsed.map {
            Topology.TraitSet(name: $0, traits: Topology.DeviceTraits(deviceType: Slug.make(from: $0), origin: origin($0)))
        }
        let groupOrigin = { (group: String) in groupSettings[group]?.origin ?? nameOrigin }
        topology.groups = groupsUsed.map {
            Topology.TraitSet(name: $0, traits: Topology.DeviceTraits(role: Slug.make(from: $0), origin: groupOrigin($0)))
        }
        topology.deviceRoles += groupsUsed.map { Topology.DeviceRole(name: $0, slug: Slug.make(from: $0), origin: groupOrigin($0)) }
        return topology
    }

    /// `nokia_srlinux` → `nokia`; kinds without a vendor prefix (`linux`, `bridge`) → `generic`.
    private func vendor(of kind: String) -> String {
        guard let underscore = kind.firstIndex(of: "_") else { return "generic" }
        return String(kind[..<underscore])
    }

    /// The string settings of a node, kind, group or defaults entry (the ones the import uses).
    private struct Settings {
        var values: [String: String] = [:]
        var origin: Origin
    }

    private func settings(_ node: Node?, path: String) -> Settings {
        guard let node, var reader = yaml.mapping(node, YAMLPath(path), keys: nil) else {
            return Settings(origin: Origin(path: path, location: node?.location ?? .unknown))
        }
        var values: [String: String] = [:]
        for key in ["kind", "group"] { values[key] = reader.string(key) }
        return Settings(values: values, origin: reader.origin)
    }

    private func namedSettings(_ reader: inout YAMLMapping, _ key: String) -> [String: Settings] {
        guard let node = reader[key] else { return [:] }
        guard let entries = yaml.entries(node, reader.path(key), expected: "a mapping of names to settings") else {
            reader.markInvalid(key)
            return [:]
        }
        var result: [String: Settings] = [:]
        for entry in entries { result[entry.key] = settings(entry.value, path: reader.path(key).key(entry.key).description) }
        return result
    }

    /// `endpoints: ["r1:eth1", "r2:eth1"]`, or the newer form `endpoints: [{node: r1, interface: eth1}, …]`.
    private func links(_ reader: inout YAMLMapping) -> [Topology.Link] {
        guard let nodes = reader.sequence("links") else { return [] }
        return nodes.enumerated().compactMap { index, node in
            let path = "topology.links[\(index)]"
            guard var link = yaml.mapping(node, YAMLPath(path), keys: nil, required: ["endpoints"]),
                  let ends = link.sequence("endpoints") else { return nil }
            guard ends.count == 2 else {
                log.error(link.origin, field: "endpoints", "\(ends.count) endpoints", expected: "exactly two")
                return nil
            }
            let endpoints = ends.enumerated().compactMap { endIndex, end in endpoint(end, path: "\(path).endpoints[\(endIndex)]") }
            guard endpoints.count == 2 else { return nil }
            return Topology.Link(a: endpoints[0], b: endpoints[1], origin: link.origin)
        }
    }

    private func endpoint(_ node: Node, path: String) -> Topology.Endpoint? {
        let origin = Origin(path: path, location: node.location)
        if let text = node.scalar?.string, let endpoint = Topology.Endpoint(text, origin: origin) { return endpoint }
        if let mapping = node.mapping, let device = mapping["node"]?.string, let interface = mapping["interface"]?.string {
            return Topology.Endpoint(device: device, interface: interface, origin: origin)
        }
        log.error(origin, "malformed endpoint: found \(node.kindName)", expected: "'node:interface' or {node: …, interface: …}")
        return nil
    }
}
