/// Fault injection: deterministic, recorded in history.
extension Fleet {
    public func faults(_ device: String) throws(RouterError) -> DeviceFaults {
        try state.withLock { state throws(RouterError) in state.routers[try state.routerIndex(device)].faults }
    }

    /// Replaces `device`'s faults (pass `.none` to clear them). Throws
    /// `RouterError.invalidFaultPattern`, changing nothing, for a line pattern the fleet refuses
    /// (see `FaultPattern`).
    public func setFaults(_ faults: DeviceFaults, on device: String, actor: String) throws(RouterError) {
        try state.withLock { state throws(RouterError) in
            let index = try state.routerIndex(device)
            guard state.routers[index].faults != faults else { return }
            do throws(FaultPatternError) {
                try state.routers[index].setFaults(faults)
            } catch {
                throw .invalidFaultPattern(device: device, error)
            }
            state.network = nil
            state.record(device: device, actor: actor, .faultChanged(device: device, faults: faults))
        }
    }

    /// Takes a physical link down (as if unplugged) or brings it back.
    public func setLink(_ link: LinkSpec, up: Bool, actor: String) throws(RouterError) {
        try state.withLock { state throws(RouterError) in
            let index = try state.linkIndex(link)
            guard state.downLinks.contains(index) == up else { return }
            if up { state.downLinks.remove(index) } else { state.downLinks.insert(index) }
            state.network = nil
            state.record(device: nil, actor: actor, .linkChanged(state.links[index], up: up))
        }
    }

    /// Takes down or brings up the link plugged into `port` (either end).
    public func setLink(at port: PortRef, up: Bool, actor: String) throws(RouterError) {
        let link = try state.withLock { state throws(RouterError) in
            guard let link = state.links.first(where: { $0.a == port || $0.b == port }) else {
                throw RouterError.noLink(at: port)
            }
            return link
        }
        try setLink(link, up: up, actor: actor)
    }
}
