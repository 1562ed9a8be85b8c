import NetBoxSim
import RouterSim
import YAMLReading

extension TopologyCompiler {
    /// Interface types that are not physical ports: they cannot take a cable or a wire.
    static let nonPhysicalTypes: Set<String> = ["virtual", "lag", "bridge"]
    static let defaultLoopbackName = "loopback0"

    /// Checks the references of every place device fields are written (defaults, kinds, groups, devices)
    /// once, where they are written, so an inherited mistake is reported once and not per device.
    func traitLayers(_ topology: Topology) {
        defaults = topology.defaults
        checkReferences(topology.defaults)
        for kind in topology.kinds {
            kinds[kind.name] = kind.traits
            checkReferences(kind.traits)
        }
        for group in topology.groups {
            groups[group.name] = group.traits
            checkReferences(group.traits)
        }
        for device in topology.devices { checkReferences(device.traits) }
    }

    private func checkReferences(_ traits: Topology.DeviceTraits) {
        if let site = traits.site { check(site, in: siteSlugs, "site", traits.origin, field: "site") }
        if let role = traits.role { check(role, in: roleSlugs, "device role", traits.origin, field: "role") }
        if let type = traits.deviceType, templates[type] == nil {
            let names = templates.keys.sorted()
            log.error(
                traits.origin, field: "device_type", "unknown device type '\(type)'\(Suggestion.hint(for: type, in: names))",
                expected: names.isEmpty ? "a device type defined in device_types" : "one of \(Suggestion.list(names))")
        }
    }

    /// defaults < kind < group < the device's own fields, as containerlab resolves node settings.
    func resolvedTraits(_ device: Topology.Device) -> Topology.DeviceTraits {
        var traits = defaults
        for (name, table, what) in [(device.kind, kinds, "kind"), (device.group, groups, "group")] {
            guard let name else { continue }
            if let layer = table[name] {
                traits = traits.overridden(by: layer)
            } else {
                let names = table.keys.sorted()
                log.error(
                    device.origin, field: what, "unknown \(what) '\(name)'\(Suggestion.hint(for: name, in: names))",
                    expected: names.isEmpty ? "a \(what) defined under \(what)s" : "one of \(Suggestion.list(names))")
            }
        }
        return traits.overridden(by: device.traits)
    }

    func add(_ device: Topology.Device) {
        let origin = device.origin
        guard deviceNames.claim(device.name, "device name '\(device.name)'", by: origin, field: "name", log: log) else { return }
        claim(device.id, in: &deviceIDs, "device", origin)
        let traits = resolvedTraits(device)
        let site = required(traits.site, "site", device)
        let role = required(traits.role, "role", device)
        let type = required(traits.deviceType, "device_type", device)
        addedDevices.append((seed.devices.count, device))
        if type.flatMap({ templates[$0] }) == nil { untypedDevices.insert(device.name) }
        seed.devices.append(NetBoxSeed.Device(
            id: device.id, name: device.name, deviceType: type ?? "", role: role ?? "", site: site ?? "",
            status: traits.status ?? "active", description: device.description ?? ""))
        addInterfaces(of: device, type: type, loopback: traits.loopback)
    }

    /// The device's interfaces in NetBox order: its type's templates, its own, then its loopback.
    private func addInterfaces(of device: Topology.Device, type: String?, loopback: Topology.Loopback?) {
        let origin = device.origin
        var names: [String: Bool] = [:]
        var physical: [String] = []
        var full = interfaceBudget.isSpent
        func add(_ interface: NetBoxSeed.Interface, _ spec: Origin, nameField: String = "name", idField: String = "id") {
            guard !full else { return }
            guard names.count < TopologyLimits.maximumInterfacesPerDevice else {
                full = true
                log.error(
                    spec, field: nameField, "device '\(device.name)' has more than \(TopologyLimits.maximumInterfacesPerDevice) interfaces",
                    expected: "at most \(TopologyLimits.maximumInterfacesPerDevice) interfaces per device")
                return
            }
            guard interfaceBudget.take(interface.name) else {
                full = true
                log.error(spec, field: nameField, interfaceBudget.excess, expected: "a smaller topology")
                return
            }
            guard names[interface.name] == nil else {
                log.error(spec, field: nameField, "duplicate interface name '\(interface.name)' on device '\(device.name)'")
                return
            }
            let isPhysical = !Self.nonPhysicalTypes.contains(interface.type)
            names[interface.name] = isPhysical
            if isPhysical { physical.append(interface.name) }
            if let id = interface.id {
                interfaceIDs.claim(id, "interface id \(id)", by: spec, field: idField, log: log)
            }
            seed.interfaces.append(interface)
        }
        for (offset, template) in (type.flatMap { templates[$0] } ?? []).enumerated() {
            var interface = template
            interface.device = device.name
            interface.id = device.firstInterfaceID.map { $0 + offset }
            add(interface, origin, nameField: "device_type", idField: "first_interface_id")
        }
        for spec in device.interfaces where !full {
            for (offset, name) in expand(spec).enumerated() where !full {
                add(interface(spec, device: device.name, name: name, id: spec.id.map { $0 + offset }), spec.origin)
            }
        }
        if let loopback {
            let interface = NetBoxSeed.Interface(
                id: loopback.id, device: device.name, name: loopback.name ?? Self.defaultLoopbackName, type: "virtual",
                description: loopback.description ?? "")
            add(interface, loopback.origin)
            loopbacks.append((device.name, loopback))
        }
        ports[device.name] = names
        fleet.routers.append(RouterSpec(name: device.name, ports: physical))
    }

    private func required(_ value: String?, _ field: String, _ device: Topology.Device) -> String? {
        if value == nil, !device.origin.isInvalid(field) {
            log.error(
                device.origin, "device '\(device.name)' has no \(field.replacingOccurrences(of: "_", with: " "))",
                expected: "'\(field)' on the device, its group or kind, or in defaults")
        }
        return value
    }
}
