/// Builds large labs for scale tests: N routers of the workshop's device type (36 × 400G + 36 × 100G
/// ports and a loopback, 73 interfaces), loopback addresses from pools, wired as a ring, a full mesh
/// (the workshop's wiring: router I port J to router J port I), or a 3-tier Clos.
public struct TopologyGenerator: Sendable {
    public enum Shape: String, Sendable, CaseIterable {
        case ring, mesh, clos
    }

    public struct Unsupported: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Ports per router: `1/1/c1/1`…`1/1/c36/1` then `2/1/c1/1`…`2/1/c36/1`.
    static let portCount = 72
    /// A Clos pod: two spines and up to 32 leaves; pods hang off two super-spines, whose ports limit the pods.
    static let spinesPerPod = 2, leavesPerPod = 32, superSpines = 2
    static var podSize: Int { spinesPerPod + leavesPerPod }
    static var maximumRouters: [Shape: Int] {
        [.ring: TopologyLimits.maximumGeneratedRouters, .mesh: portCount, .clos: superSpines + portCount / spinesPerPod * podSize]
    }

    public let routers: Int
    public let shape: Shape

    public init(routers: Int, shape: Shape) throws(Unsupported) {
        let maximum = Self.maximumRouters[shape] ?? 0
        guard (1...maximum).contains(routers) else {
            throw Unsupported(description: "a \(shape.rawValue) takes 1 to \(maximum) routers (\(Self.portCount) ports each), not \(routers)")
        }
        self.routers = routers; self.shape = shape
    }

    public func topology() -> Topology {
        var topology = Topology(name: "\(shape.rawValue)-\(routers)")
        topology.manufacturers = [Topology.Manufacturer(name: "Nokia", slug: "nokia")]
        topology.deviceTypes = [Topology.DeviceType(
            model: "7750 SR-2s", slug: "7750-sr-2s", manufacturer: "nokia",
            interfaces: [
                Topology.InterfaceSpec(name: "1/1/c{1..36}/1", type: "400gbase-x-qsfpdd", speedKbps: 400_000_000),
                Topology.InterfaceSpec(name: "2/1/c{1..36}/1", type: "100gbase-x-qsfp28", speedKbps: 100_000_000),
            ])]
        topology.defaults = Topology.DeviceTraits(
            role: "core-router", deviceType: "7750-sr-2s", status: "planned", loopback: Topology.Loopback(name: "loopback0"))
        topology.prefixes = [
            Topology.Prefix(prefix: "10.0.0.0/8", description: "IPv4 Addresses"),
            Topology.Prefix(prefix: "10.0.0.0/16", isPool: true, description: "IPv4 Loopback Pool"),
            Topology.Prefix(prefix: "2001:db8::/32", description: "IPv6 Addresses"),
            Topology.Prefix(prefix: "2001:db8::/48", isPool: true, description: "IPv6 Loopback Pool"),
            Topology.Prefix(prefix: "2001:db8:10::/44", description: "Circuit Address Pool"),
        ]
        switch shape {
        case .ring, .mesh: flat(&topology)
        case .clos: clos(&topology)
        }
        return topology
    }

    static func port(_ number: Int) -> String {
        number <= 36 ? "1/1/c\(number)/1" : "2/1/c\(number - 36)/1"
    }

    /// Router `index` (from 1) with its loopback addresses, taken in order from the pools.
    private func router(_ name: String, index: Int, site: String, group: String? = nil) -> Topology.Device {
        let loopback = Topology.Loopback(
            ipv4: Topology.LoopbackAddress(address: "10.0.\(index >> 8).\(index & 0xFF)/32"),
            ipv6: Topology.LoopbackAddress(address: "2001:db8::\(String(index, radix: 16))/128"))
        return Topology.Device(name: name, group: group, traits: Topology.DeviceTraits(site: site, loopback: loopback))
    }

    private func link(_ a: String, _ aPort: Int, _ b: String, _ bPort: Int) -> Topology.Link {
        Topology.Link(
            a: Topology.Endpoint(device: a, interface: Self.port(aPort)), b: Topology.Endpoint(device: b, interface: Self.port(bPort)))
    }

    /// One site and one core router per location, as in the workshop.
    private func flat(_ topology: inout Topology) {
        topology.deviceRoles = [Topology.DeviceRole(name: "Core Router", slug: "core-router")]
        for index in 1...routers {
            topology.sites.append(Topology.Site(name: "Location \(index)", slug: "location-\(index)"))
            topology.devices.append(router("loc\(index)-core", index: index, site: "location-\(index)"))
        }
        let name = { (index: Int) in "loc\(index)-core" }
        switch shape {
        case .ring where routers == 2:
            topology.links = [link(name(1), 2, name(2), 1)]
        case .ring where routers > 2:
            topology.links = (1...routers).map { index in link(name(index), 2, name(index % routers + 1), 1) }
        case .mesh:
            for i in 1...routers {
                for j in stride(from: i + 1, through: routers, by: 1) {
                    topology.links.append(link(name(i), j, name(j), i))
                }
            }
        default:
            break
        }
    }

    /// Pods of two spines and up to 32 leaves (every leaf to both spines); with more than one pod,
    /// two super-spines take every spine.
    private func clos(_ topology: inout Topology) {
        let superSpines = routers > Self.podSize ? Self.superSpines : 0
        let pods = (routers - superSpines + Self.podSize - 1) / Self.podSize
        topology.deviceRoles = ["Super Spine", "Spine", "Leaf"].map { Topology.DeviceRole(name: $0) }
        topology.defaults.role = nil
        topology.groups = ["super-spine", "spine", "leaf"].map {
            Topology.TraitSet(name: $0, traits: Topology.DeviceTraits(role: $0))
        }
        var index = 0
        func next(_ name: String, site: String, group: String) -> String {
            index += 1
            topology.devices.append(router(name, index: index, site: site, group: group))
            return name
        }
        if superSpines > 0 { topology.sites.append(Topology.Site(name: "Core", slug: "core")) }
        let supers = (0..<superSpines).map { next("ss\($0 + 1)", site: "core", group: "super-spine") }
        for pod in 1...pods {
            topology.sites.append(Topology.Site(name: "Pod \(pod)", slug: "pod-\(pod)"))
            let size = min(Self.podSize, routers - index)
            let spines = (0..<min(Self.spinesPerPod, size)).map { next("p\(pod)-spine\($0 + 1)", site: "pod-\(pod)", group: "spine") }
            let leaves = (0..<(size - spines.count)).map { next("p\(pod)-leaf\($0 + 1)", site: "pod-\(pod)", group: "leaf") }
            for (l, leaf) in leaves.enumerated() {
                for (s, spine) in spines.enumerated() { topology.links.append(link(leaf, s + 1, spine, l + 1)) }
            }
            for (s, spine) in spines.enumerated() {
                for (k, superSpine) in supers.enumerated() {
                    topology.links.append(link(spine, Self.leavesPerPod + k + 1, superSpine, 2 * (pod - 1) + s + 1))
                }
            }
        }
    }
}
