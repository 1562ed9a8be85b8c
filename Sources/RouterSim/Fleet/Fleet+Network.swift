/// Questions about the network the configs build. Each is answered from a model computed once
/// per change.
extension Fleet {
    public static let defaultPathLimit = 256

    public func linkStates() -> [LinkState] {
        state.withLock { $0.networkModel().linkStates }
    }

    /// IS-IS adjacencies in state Up.
    public func adjacencies() -> [Adjacency] {
        state.withLock { $0.networkModel().adjacencies }
    }

    /// `device`'s IPv6 routing table.
    public func routes(on device: String) throws(RouterError) -> [Route] {
        try state.withLock { state throws(RouterError) in
            let router = try state.routerIndex(device)
            return state.networkModel().routes(of: router)
        }
    }

    /// All equal-cost shortest IS-IS paths from one device to another (at most `limit`);
    /// empty when there is none.
    public func path(from source: String, to target: String, limit: Int = Fleet.defaultPathLimit) throws(RouterError) -> [NetworkPath] {
        try state.withLock { state throws(RouterError) in
            let from = try state.routerIndex(source), to = try state.routerIndex(target)
            return state.networkModel().paths(from: from, to: to, limit: limit)
        }
    }

    /// Which device reaches which IPv6 loopback address, by hop-by-hop forwarding.
    public func reachability() -> ReachabilityMatrix {
        state.withLock { $0.networkModel().reachability() }
    }

    public func problems() -> [NetworkProblem] {
        state.withLock { $0.networkModel().problems }
    }

    /// Runs SPF afresh from every router (what a network-wide convergence costs), bypassing the
    /// per-router cache; returns how many routers have at least one IS-IS route. For benchmarks.
    public func runFullSPF() -> Int {
        state.withLock { state in
            let model = state.networkModel()
            return model.routers.indices.reduce(0) { count, router in
                let paths = ShortestPaths(graph: model.graph, source: router)
                return count + (paths.distance.contains { $0 != 0 && $0 != ShortestPaths.unreachable } ? 1 : 0)
            }
        }
    }
}
