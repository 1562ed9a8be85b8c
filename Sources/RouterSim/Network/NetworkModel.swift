import IPAddressing

/// The network derived from every router's running config, the physical links and the faults:
/// link states, IS-IS adjacencies, the link-state database and, lazily per router, SPF.
/// Built once per change and only used under the fleet's lock.
final class NetworkModel {
    /// An IS-IS prefix advertisement in a router's LSP.
    struct Advertisement {
        var prefix: IPv6Prefix
        var metric: UInt32
        var external: Bool
    }

    let routers: [RouterState]
    let index: [String: Int]
    let linkStates: [LinkState]
    let linkOfPort: [PortRef: Int]
    private(set) var adjacencies: [Adjacency] = []
    /// Links where every adjacency rule holds but both ends have one system ID: real IS-IS
    /// drops the neighbor's hellos, so no adjacency forms.
    private(set) var duplicateSystemIDLinks: [DuplicateSystemIDLink] = []
    private(set) var problems: [NetworkProblem] = []
    /// Per router: the prefixes its LSP advertises (empty when it takes no part in IS-IS level 2).
    private(set) var advertisements: [[Advertisement]] = []
    /// Per router: IPv6 prefixes of its up interfaces, to the interface.
    private(set) var connected: [[IPv6Prefix: String]] = []
    private(set) var graph = ISISGraph(nodeCount: 0, edges: [])
    /// Prefix → advertising routers and their metric, grouped by prefix length for
    /// longest-prefix match.
    private(set) var advertisers: [Int: [IPv6Address: [(router: Int, metric: UInt32)]]] = [:]
    private(set) var advertisedLengths: [Int] = []
    private var shortestPaths: [ShortestPaths?]

    init(routers: [RouterState], links: [LinkSpec], downLinks: Set<Int>) {
        let index = Dictionary(routers.enumerated().map { ($1.spec.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.routers = routers
        self.index = index
        var linkOfPort: [PortRef: Int] = [:]
        for (number, link) in links.enumerated() {
            if linkOfPort[link.a] == nil { linkOfPort[link.a] = number }
            if linkOfPort[link.b] == nil { linkOfPort[link.b] = number }
        }
        self.linkOfPort = linkOfPort
        self.linkStates = links.enumerated().map { number, link in
            Self.linkState(link, down: downLinks.contains(number), routers: routers, index: index)
        }
        self.shortestPaths = Array(repeating: nil, count: routers.count)
        connected = routers.indices.map { connectedPrefixes(of: $0) }
        formAdjacencies()
        buildLinkStateDatabase()
        problems = findProblems()
    }

    private static func linkState(_ link: LinkSpec, down: Bool, routers: [RouterState], index: [String: Int]) -> LinkState {
        func reason(_ end: PortRef) -> String? {
            guard let router = index[end.device].map({ routers[$0] }) else { return "\(end.device) is not in the fleet" }
            guard let interface = router.running.interfaces[end.port] else { return "\(end) does not exist" }
            if router.faults.unreachable { return "\(end.device) is unreachable" }
            if interface.shutdown { return "\(end) is shut down" }
            return nil
        }
        if let why = reason(link.a) ?? reason(link.b) { return LinkState(link: link, isUp: false, downReason: why) }
        if down { return LinkState(link: link, isUp: false, downReason: "link fault: down") }
        return LinkState(link: link, isUp: true, downReason: nil)
    }

    func isUp(_ router: Int, _ interface: InterfaceConfig) -> Bool {
        if interface.isLoopback { return !interface.shutdown }
        guard let link = linkOfPort[PortRef(device: routers[router].spec.name, port: interface.name)] else { return false }
        return linkStates[link].isUp
    }

    private func connectedPrefixes(of router: Int) -> [IPv6Prefix: String] {
        var result: [IPv6Prefix: String] = [:]
        for interface in routers[router].running.interfaces.values where isUp(router, interface) {
            for address in interface.ipv6 { result[address.prefix] = interface.name }
        }
        return result
    }

    /// The IS-IS process of a router that can form adjacencies (one with a NET).
    func process(_ router: Int) -> ISISConfig? {
        guard let isis = routers[router].running.isis, !isis.nets.isEmpty else { return nil }
        return isis
    }

    /// The metric an interface advertises for IPv6 at level 2: the interface's own metric, else
    /// the router-wide one under the address family, else the default 10. Narrow metric style
    /// caps it at 63.
    static func metric(of interface: InterfaceConfig, in isis: ISISConfig) -> UInt32 {
        let value = interface.isisIPv6Metric.level2 ?? interface.isisMetric.level2 ?? isis.ipv6Unicast?.metric.level2 ?? 10
        return isis.metricStyle == .narrow ? min(value, 63) : value
    }

    private func formAdjacencies() {
        for state in linkStates where state.isUp {
            guard let a = end(state.link.a), let b = end(state.link.b), let adjacency = adjacency(a, b) else { continue }
            if let systemID = process(a.router)?.nets.first?.systemID, systemID == process(b.router)?.nets.first?.systemID {
                duplicateSystemIDLinks.append(DuplicateSystemIDLink(adjacency: adjacency, systemID: systemID))
            } else {
                adjacencies.append(adjacency)
            }
        }
    }

    typealias End = (router: Int, port: PortRef, interface: InterfaceConfig)

    func end(_ port: PortRef) -> End? {
        guard let router = index[port.device], let interface = routers[router].running.interfaces[port.port] else { return nil }
        return (router, port, interface)
    }

    /// The addresses the two ends share a subnet with, if any.
    static func sharedSubnet(_ a: InterfaceConfig, _ b: InterfaceConfig) -> (IPv6Address, IPv6Address)? {
        for left in a.ipv6 {
            if let right = b.ipv6.first(where: { $0.prefix == left.prefix && $0.address != left.address }) { return (left.address, right.address) }
        }
        return nil
    }

    static func levels(_ a: ISISConfig, _ b: ISISConfig) -> ISISLevel? {
        let sameArea = !Set(a.nets.map(\.area)).isDisjoint(with: b.nets.map(\.area))
        let level2 = a.isType.hasLevel2 && b.isType.hasLevel2
        let level1 = a.isType.hasLevel1 && b.isType.hasLevel1
        guard sameArea else { return nil }
        return level1 && level2 ? .level12 : level2 ? .level2 : level1 ? .level1 : nil
    }

    /// The adjacency the two ends of an up link would form, following the rules in the README:
    /// both run `ipv6 router isis`, neither is passive, same subnet, same network type, same
    /// area, a common level. (`formAdjacencies` then refuses it when the system IDs clash.)
    private func adjacency(_ a: End, _ b: End) -> Adjacency? {
        guard a.interface.runsISIS, b.interface.runsISIS,
              let isisA = process(a.router), let isisB = process(b.router),
              !isisA.isPassive(a.interface.name), !isisB.isPassive(b.interface.name),
              a.interface.isisPointToPoint == b.interface.isisPointToPoint,
              let (addressA, addressB) = Self.sharedSubnet(a.interface, b.interface),
              let level = Self.levels(isisA, isisB) else { return nil }
        return Adjacency(a: a.port, b: b.port, level: level, pointToPoint: a.interface.isisPointToPoint,
                         aAddress: addressA, bAddress: addressB,
                         aMetric: Self.metric(of: a.interface, in: isisA), bMetric: Self.metric(of: b.interface, in: isisB))
    }

    private func buildLinkStateDatabase() {
        var edges: [ISISGraph.Edge] = []
        for (number, adjacency) in adjacencies.enumerated() where adjacency.level.includesLevel2 {
            guard let a = index[adjacency.a.device], let b = index[adjacency.b.device] else { continue }
            edges.append(ISISGraph.Edge(from: a, to: b, metric: adjacency.aMetric, adjacency: number, fromSideA: true))
            edges.append(ISISGraph.Edge(from: b, to: a, metric: adjacency.bMetric, adjacency: number, fromSideA: false))
        }
        graph = ISISGraph(nodeCount: routers.count, edges: edges)
        advertisements = routers.indices.map { advertised(by: $0) }
        for (router, list) in advertisements.enumerated() {
            for item in list {
                advertisers[item.prefix.length, default: [:]][item.prefix.network, default: []].append((router, item.metric))
            }
        }
        advertisedLengths = advertisers.keys.sorted(by: >)
    }

    /// A router's LSP prefixes: IS-IS interfaces (and ones made passive by name) with their
    /// metric; with `redistribute connected`, every other up interface's prefixes as external
    /// routes with metric 0, IOS's default for redistributed routes.
    private func advertised(by router: Int) -> [Advertisement] {
        guard let isis = process(router), isis.isType.hasLevel2 else { return [] }
        var result: [IPv6Prefix: Advertisement] = [:]
        let redistribute = isis.ipv6Unicast?.redistributeConnected == true
        for interface in routers[router].running.sortedInterfaces where isUp(router, interface) {
            let isInternal = interface.runsISIS || isis.isExplicitlyPassive(interface.name)
            guard isInternal || redistribute else { continue }
            for address in interface.ipv6 where result[address.prefix]?.external != false {
                result[address.prefix] = Advertisement(prefix: address.prefix, metric: isInternal ? Self.metric(of: interface, in: isis) : 0,
                                                       external: !isInternal)
            }
        }
        return result.values.sorted { $0.prefix < $1.prefix }
    }

    /// SPF from `router`, run on first use and kept until the network changes.
    func shortestPaths(from router: Int) -> ShortestPaths {
        if let cached = shortestPaths[router] { return cached }
        let result = ShortestPaths(graph: graph, source: router)
        shortestPaths[router] = result
        return result
    }
}
