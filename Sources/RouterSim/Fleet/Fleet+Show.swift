extension Fleet {
    /// Runs a `show` command on `device` and returns the router's plain-text output. This is a
    /// CLI session: it fails when the device is unreachable and a slow device advances the
    /// virtual clock.
    public func show(_ device: String, _ command: String) throws(RouterError) -> String {
        try state.withLock { state throws(RouterError) in
            let router = try state.routerIndex(device)
            let faults = state.routers[router].faults
            if faults.unreachable { throw .unreachable(device) }
            state.clock += faults.delay
            guard let parsed = ShowCommand(command) else { throw .invalidCommand(device: device, command: command) }
            let config = state.routers[router].running
            switch parsed {
            case .runningConfig(nil): return state.routers[router].runningText
            case .runningConfig(let words?):
                let name = InterfaceName.loopback(words) ?? state.routers[router].portLookup[words.joined(separator: " ").lowercased()]
                guard let name, let text = config.renderInterface(name) else {
                    throw .unknownInterface(device: device, interface: words.joined(separator: " "))
                }
                return text
            case .startupConfig: return state.routers[router].startup.render()
            case .network(let command): return ShowRenderer(model: state.networkModel(), router: router).render(command)
            }
        }
    }
}
