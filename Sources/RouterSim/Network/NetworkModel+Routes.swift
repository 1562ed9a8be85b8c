import IPAddressing

/// Route tables, forwarding, paths and reachability, all derived from SPF.
extension NetworkModel {
    /// The next hop an SPF edge stands for, seen from the router it leaves.
    func nextHop(_ edge: ISISGraph.Edge) -> NextHop {
        let adjacency = adjacencies[edge.adjacency]
        return edge.fromSideA
            ? NextHop(interface: adjacency.a.port, address: adjacency.bAddress, device: adjacency.b.device)
            : NextHop(interface: adjacency.b.port, address: adjacency.aAddress, device: adjacency.a.device)
    }

    func ports(of edge: ISISGraph.Edge) -> (from: PortRef, to: PortRef) {
        let adjacency = adjacencies[edge.adjacency]
        return edge.fromSideA ? (adjacency.a, adjacency.b) : (adjacency.b, adjacency.a)
    }

    /// The best IS-IS route from `router` to a prefix advertised by `list`: lowest total
    /// metric, with the first hops of every advertiser at that cost (ECMP).
    private func isisRoute(at router: Int, _ list: [(router: Int, metric: UInt32)]) -> (metric: UInt64, hops: [ISISGraph.Edge])? {
        guard let isis = process(router), isis.isType.hasLevel2 else { return nil }
        let paths = shortestPaths(from: router)
        var best = ShortestPaths.unreachable
        var mask = [UInt64](repeating: 0, count: paths.words)
        for (advertiser, metric) in list where advertiser != router && paths.distance[advertiser] != ShortestPaths.unreachable {
            let total = paths.distance[advertiser] + UInt64(metric)
            if total < best { best = total; mask = [UInt64](repeating: 0, count: paths.words) }
            if total == best { paths.mergeFirstHops(of: advertiser, into: &mask) }
        }
        let hops = paths.edges(in: mask)
        return best == ShortestPaths.unreachable || hops.isEmpty ? nil : (best, hops)
    }

    /// The router's IPv6 routing table: connected and local routes, then IS-IS level-2 routes
    /// for every prefix not connected locally.
    func routes(of router: Int) -> [Route] {
        var table: [IPv6Prefix: Route] = [:]
        for interface in routers[router].running.interfaces.values where isUp(router, interface) {
            let directly = [NextHop(interface: interface.name, address: nil, device: nil)]
            for address in interface.ipv6 {
                if address.length < 128 { table[address.prefix] = Route(prefix: address.prefix, source: .connected, metric: 0, nextHops: directly) }
                let host = IPv6Prefix(network: address.address, length: 128)
                table[host] = Route(prefix: host, source: .local, metric: 0, nextHops: directly)
            }
        }
        for (length, networks) in advertisers {
            for (network, list) in networks {
                let prefix = IPv6Prefix(network: network, length: length)
                guard table[prefix] == nil, let route = isisRoute(at: router, list) else { continue }
                let hops = route.hops.map(nextHop).sorted { InterfaceName.naturallyPrecedes($0.interface, $1.interface) }
                table[prefix] = Route(prefix: prefix, source: .isis, metric: route.metric, nextHops: hops)
            }
        }
        return table.values.sorted { $0.prefix < $1.prefix }
    }

    enum Forwarding {
        case delivered
        case onLink(router: Int)
        case via(routers: [Int])
        case dropped
    }

    /// What `router` does with a packet to `destination`: longest-prefix match over its
    /// connected and IS-IS routes, connected winning a tie.
    func forward(at router: Int, to destination: IPv6Address) -> Forwarding {
        var connectedLength = -1, connectedInterface: String?
        for (prefix, interface) in connected[router] where prefix.length > connectedLength && prefix.contains(destination) {
            connectedLength = prefix.length; connectedInterface = interface
        }
        for length in advertisedLengths where length > connectedLength {
            guard let list = advertisers[length]?[destination.masked(to: length)], let route = isisRoute(at: router, list) else { continue }
            return .via(routers: route.hops.map(\.to))
        }
        guard let interface = connectedInterface else { return .dropped }
        if routers[router].running.interfaces[interface]?.ipv6.contains(where: { $0.address == destination }) == true { return .delivered }
        let port = PortRef(device: routers[router].spec.name, port: interface)
        guard let link = linkOfPort[port], linkStates[link].isUp else { return .dropped }
        let far = linkStates[link].link.a == port ? linkStates[link].link.b : linkStates[link].link.a
        guard let farEnd = end(far), farEnd.interface.ipv6.contains(where: { $0.address == destination }) else { return .dropped }
        return .onLink(router: farEnd.router)
    }

    /// Whether a packet from `source` to `destination` arrives at `owner`, following every
    /// equal-cost branch hop by hop. `memo` caches per-router answers for this destination.
    func delivers(from source: Int, to destination: IPv6Address, owner: Int, memo: inout [UInt8]) -> Bool {
        // 0 unknown, 1 in progress (a loop), 2 yes, 3 no.
        if memo[source] != 0 { return memo[source] == 2 }
        memo[source] = 1
        let result: Bool
        switch forward(at: source, to: destination) {
        case .delivered: result = source == owner
        case .onLink(let router): result = router == owner
        case .via(let next): result = next.contains { delivers(from: $0, to: destination, owner: owner, memo: &memo) }
        case .dropped: result = false
        }
        memo[source] = result ? 2 : 3
        return result
    }

    func reachability() -> ReachabilityMatrix {
        var loopbacks: [(ReachabilityMatrix.Loopback, Int)] = []
        for (router, state) in routers.enumerated() {
            for interface in state.sortedRunningInterfaces where interface.isLoopback {
                for address in interface.ipv6.sorted() {
                    loopbacks.append((.init(device: state.spec.name, interface: interface.name, address: address.address), router))
                }
            }
        }
        var reachable = [Bool](repeating: false, count: routers.count * loopbacks.count)
        for (column, (loopback, owner)) in loopbacks.enumerated() {
            var memo = [UInt8](repeating: 0, count: routers.count)
            for row in routers.indices {
                reachable[row * loopbacks.count + column] = delivers(from: row, to: loopback.address, owner: owner, memo: &memo)
            }
        }
        return ReachabilityMatrix(devices: routers.map(\.spec.name), loopbacks: loopbacks.map(\.0), reachable: reachable)
    }

    /// Every equal-cost shortest path from `source` to `target` over IS-IS adjacencies, at most
    /// `limit` of them, in a stable order.
    func paths(from source: Int, to target: Int, limit: Int) -> [NetworkPath] {
        let spf = shortestPaths(from: source)
        guard spf.distance[target] != ShortestPaths.unreachable else { return [] }
        var result: [NetworkPath] = []
        var suffix: [NetworkPath.Hop] = []
        func walk(_ node: Int) {
            if result.count >= limit { return }
            if node == source { result.append(NetworkPath(hops: suffix.reversed(), cost: spf.distance[target])); return }
            for incoming in graph.incoming[graph.incomingStart[node]..<graph.incomingStart[node + 1]] {
                let edge = graph.edges[incoming]
                let before = spf.distance[edge.from]
                guard before != ShortestPaths.unreachable, before + UInt64(edge.metric) == spf.distance[node] else { continue }
                let (from, to) = ports(of: edge)
                suffix.append(NetworkPath.Hop(from: from, to: to, metric: edge.metric))
                walk(edge.from)
                suffix.removeLast()
            }
        }
        walk(target)
        return result.sorted { $0.hops.map(\.from.description).lexicographicallyPrecedes($1.hops.map(\.from.description)) }
    }
}
