import Synchronization

/// The simulated router fleet: one router per device of a `FleetSpec`, accepting pasted config
/// sessions, keeping running/startup configs and history, and deriving the network (links,
/// IS-IS adjacencies, routes, paths, problems) from what is configured.
///
/// Thread-safe: every call takes one lock. The network is recomputed lazily, at the first
/// question asked after a change, so a burst of pastes costs one SPF run, not one per paste.
public final class Fleet: Sendable {
    struct State {
        var routers: [RouterState]
        let index: [String: Int]
        let links: [LinkSpec]
        var downLinks: Set<Int> = []
        var history = HistoryLog()
        var clock: Duration = .zero
        var network: NetworkModel?
    }

    let state: Mutex<State>
    /// What the fleet was built from.
    public let spec: FleetSpec

    public init(spec: FleetSpec) {
        self.spec = spec
        var index: [String: Int] = [:]
        var routers: [RouterState] = []
        for router in spec.routers where index[router.name] == nil {
            index[router.name] = routers.count
            routers.append(RouterState(spec: router))
        }
        state = Mutex(State(routers: routers, index: index, links: spec.links))
    }

    /// An independent fleet in this one's current state (configs, faults, links, history,
    /// virtual time), for a checkpoint of a run.
    public func copy() -> Fleet {
        var copied = state.withLock { $0 }
        // The derived network is a class with caches of its own: each copy derives its own.
        copied.network = nil
        return Fleet(spec: spec, state: copied)
    }

    private init(spec: FleetSpec, state: sending State) {
        self.spec = spec
        self.state = Mutex(state)
    }

    /// Device names in spec order.
    public var deviceNames: [String] { state.withLock { $0.routers.map(\.spec.name) } }

    /// Virtual time: the sum of the simulated delays of every session so far.
    public var now: Duration { state.withLock { $0.clock } }

    /// Pastes `paste` into `device` as an engineer would, line by line. Lines the router rejects
    /// are reported in the result and the rest still applies (half-applied config is a real
    /// failure mode). Throws when the session cannot run at all (unknown or unreachable device,
    /// config rejected, paste over `RouterLimits.pasteBytes` or `RouterLimits.pasteLines`); that
    /// refusal is recorded in history too.
    public func apply(paste: String, to device: String, actor: String) throws(RouterError) -> PasteResult {
        try state.withLock { state throws(RouterError) in
            let index = try state.routerIndex(device)
            let lines: [Substring]
            do throws(RouterError) {
                lines = try Self.checkedLines(of: paste, device: device)
            } catch {
                state.record(device: device, actor: actor, .refused(lines: [], error: error))
                throw error
            }
            let faults = state.routers[index].faults
            state.clock += faults.delay
            if faults.unreachable || faults.rejectsConfig {
                let error: RouterError = faults.unreachable ? .unreachable(device) : .configRejected(device)
                state.record(device: device, actor: actor, .refused(lines: lines.map(ConfigSession.echo), error: error))
                throw error
            }
            let before = state.routers[index].runningLines
            let (results, saved) = state.routers[index].apply(lines)
            let after = state.routers[index].runningLines
            let diff = UnifiedDiff.make(old: before, new: after, oldName: "\(device) running-config (before)",
                                        newName: "\(device) running-config (after)")
            if !diff.isEmpty { state.network = nil }
            let sequence = state.record(device: device, actor: actor,
                                        .paste(lines: results.map(\.text), results: results, diff: diff, savedStartup: saved))
            return PasteResult(device: device, sequence: sequence, lines: results, diff: diff, savedStartup: saved, delay: faults.delay)
        }
    }

    /// The paste's lines, or the error `apply` gives for a paste over the size limits. Callers
    /// that store a paste before applying it (the lab server's journal) check with this first.
    public static func checkPaste(_ paste: String, device: String) throws(RouterError) {
        _ = try checkedLines(of: paste, device: device)
    }

    private static func checkedLines(of paste: String, device: String) throws(RouterError) -> [Substring] {
        let bytes = paste.utf8.count
        guard bytes <= RouterLimits.pasteBytes else { throw .pasteTooLarge(device: device, bytes: bytes) }
        let lines = paste.configLines
        guard lines.count <= RouterLimits.pasteLines else { throw .pasteTooManyLines(device: device, lines: lines.count) }
        return lines
    }

    /// Restarts `device`: configuration not saved to startup-config is lost (the workshop's
    /// circuit template does not save). Fails when the device is unreachable.
    public func reload(_ device: String, actor: String) throws(RouterError) {
        try state.withLock { state throws(RouterError) in
            let index = try state.routerIndex(device)
            if state.routers[index].faults.unreachable { throw .unreachable(device) }
            let before = state.routers[index].runningLines
            state.routers[index].reload()
            let diff = UnifiedDiff.make(old: before, new: state.routers[index].runningLines,
                                        oldName: "\(device) running-config (before reload)", newName: "\(device) running-config (after reload)")
            if !diff.isEmpty { state.network = nil }
            state.record(device: device, actor: actor, .reloaded(diff: diff))
        }
    }

    /// The running config as the simulation knows it (an oracle for assertions: it works even
    /// when the device is faulted unreachable).
    public func runningConfig(_ device: String) throws(RouterError) -> RouterConfig {
        try state.withLock { state throws(RouterError) in state.routers[try state.routerIndex(device)].running }
    }

    /// `runningConfig(device).render()` without rendering: the text the router keeps.
    public func runningConfigText(_ device: String) throws(RouterError) -> String {
        try state.withLock { state throws(RouterError) in state.routers[try state.routerIndex(device)].runningText }
    }

    /// Every router's running config as `runningConfig(_:).render()` gives it, in spec order,
    /// without rendering: each router keeps its text up to date as it changes.
    public func renderedRunningConfigs() -> [String] {
        state.withLock { $0.routers.map(\.runningText) }
    }

    public func startupConfig(_ device: String) throws(RouterError) -> RouterConfig {
        try state.withLock { state throws(RouterError) in state.routers[try state.routerIndex(device)].startup }
    }

    /// History, oldest first; only `device`'s entries when given.
    /// Bounded as `HistoryLog` explains: the oldest entries are dropped first.
    public func history(device: String? = nil) -> [HistoryEntry] {
        state.withLock { $0.history.entries(device: device) }
    }
}

extension Fleet.State {
    func routerIndex(_ device: String) throws(RouterError) -> Int {
        guard let index = index[device] else { throw .unknownDevice(device) }
        return index
    }

    func linkIndex(_ link: LinkSpec) throws(RouterError) -> Int {
        let reversed = LinkSpec(a: link.b, b: link.a)
        guard let index = links.firstIndex(where: { $0 == link || $0 == reversed }) else { throw .unknownLink(link) }
        return index
    }

    @discardableResult
    mutating func record(device: String?, actor: String, _ event: HistoryEvent) -> Int {
        history.append(device: device, time: clock, actor: actor, event)
    }

    /// The network derived from the current state, computed once per change.
    mutating func networkModel() -> NetworkModel {
        if let network { return network }
        let model = NetworkModel(routers: routers, links: links, downLinks: downLinks)
        network = model
        return model
    }
}
