import RouterSim
import NetBoxSim
import YAMLReading

extension TopologyCompiler {
    /// Whether the endpoint's interface is physical, or nil (after reporting) when it does not exist.
    func resolve(_ endpoint: Topology.Endpoint, what: String) -> Bool? {
        guard let interfaces = ports[endpoint.device] else {
            let names = ports.keys.sorted()
            if !deviceNames.contains(endpoint.device) {
                log.error(
                    endpoint.origin, "\(what) to unknown device '\(endpoint.device)'\(Suggestion.hint(for: endpoint.device, in: names))",
                    expected: "a device defined in devices")
            }
            return nil
        }
        guard let isPhysical = interfaces[endpoint.interface] else {
            guard !untypedDevices.contains(endpoint.device) else { return nil }
            log.error(
                endpoint.origin,
                "\(what) to interface '\(endpoint.interface)' that device '\(endpoint.device)' does not have\(Suggestion.hint(for: endpoint.interface, in: interfaces.keys))",
                expected: "an interface of '\(endpoint.device)' (from its device type or interfaces)")
            return nil
        }
        return isPhysical
    }

    func cables(_ cables: [Topology.Cable]) {
        var ids = UniqueKeys<Int>()
        var cabled = UniqueKeys<NetBoxSeed.InterfaceRef>()
        for cable in cables {
            claim(cable.id, in: &ids, "cable", cable.origin)
            guard connect(cable.a, cable.b, what: "cable", taken: &cabled, state: "cabled") else { continue }
            seed.cables.append(NetBoxSeed.Cable(
                id: cable.id, a: .init(device: cable.a.device, interface: cable.a.interface),
                b: .init(device: cable.b.device, interface: cable.b.interface), status: cable.status ?? "connected",
                description: cable.description ?? ""))
        }
    }

    func links(_ links: [Topology.Link]) {
        var linked = UniqueKeys<NetBoxSeed.InterfaceRef>()
        for link in links {
            guard connect(link.a, link.b, what: "link", taken: &linked, state: "linked") else { continue }
            fleet.links.append(LinkSpec(
                a: PortRef(device: link.a.device, port: link.a.interface),
                b: PortRef(device: link.b.device, port: link.b.interface)))
        }
    }

    /// Both ends exist, are physical, differ, and are not already taken by another cable (or link).
    private func connect(
        _ a: Topology.Endpoint, _ b: Topology.Endpoint, what: String, taken: inout UniqueKeys<NetBoxSeed.InterfaceRef>,
        state: String
    ) -> Bool {
        let ends = [a, b].map { end in (end, resolve(end, what: what)) }
        guard ends.allSatisfy({ $0.1 != nil }) else { return false }
        if a.device == b.device, a.interface == b.interface {
            log.error(b.origin, "\(what) from \(a) to itself", expected: "two different interfaces")
            return false
        }
        var usable = true
        for (end, isPhysical) in ends where isPhysical == false {
            log.error(end.origin, "\(end) is a virtual interface and cannot be \(state)", expected: "a physical port")
            usable = false
        }
        guard usable else { return false }
        for end in [a, b] {
            let ref = NetBoxSeed.InterfaceRef(device: end.device, interface: end.interface)
            usable = taken.claim(ref, "\(what): \(end) is already \(state)", by: end.origin, field: nil, log: log) && usable
        }
        return usable
    }
}
