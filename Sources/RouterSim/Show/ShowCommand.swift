/// The `show` commands the simulated routers answer.
enum ShowCommand: Equatable {
    case runningConfig(interface: [Substring]?)
    case startupConfig
    case ipv6InterfaceBrief
    case isisNeighbors
    case isisDatabase
    case ipv6Route
    case interfacesStatus

    /// Parses `[show] WORDS`, keywords abbreviable as on the CLI (`sh ipv6 int br`).
    init?(_ text: String) {
        var words = CommandWords(Substring(text))
        guard let parsed = try? Self.parse(&words) else { return nil }
        self = parsed
    }

    private static func parse(_ words: inout CommandWords) throws(LineError) -> ShowCommand? {
        _ = try words.keyword(["show"])
        switch try words.require(["running-config", "startup-config", "ipv6", "isis", "interfaces"]) {
        case "running-config":
            guard !words.isAtEnd else { return .runningConfig(interface: nil) }
            _ = try words.require(["interface"])
            let name = words.remaining().map(\.text)
            return name.isEmpty ? nil : .runningConfig(interface: name)
        case "startup-config":
            try words.requireEnd()
            return .startupConfig
        case "ipv6":
            if try words.require(["interface", "route"]) == "route" { try words.requireEnd(); return .ipv6Route }
            _ = try words.require(["brief"])
            try words.requireEnd()
            return .ipv6InterfaceBrief
        case "isis":
            let what = try words.require(["neighbors", "database"])
            try words.requireEnd()
            return what == "neighbors" ? .isisNeighbors : .isisDatabase
        default:
            _ = try words.require(["status"])
            try words.requireEnd()
            return .interfacesStatus
        }
    }
}

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
            case .runningConfig(nil): return config.render()
            case .runningConfig(let words?):
                let name = InterfaceName.loopback(words) ?? state.routers[router].portLookup[words.joined(separator: " ").lowercased()]
                guard let name, let text = config.renderInterface(name) else {
                    throw .unknownInterface(device: device, interface: words.joined(separator: " "))
                }
                return text
            case .startupConfig: return state.routers[router].startup.render()
            default:
                return ShowRenderer(model: state.networkModel(), router: router).render(parsed)
            }
        }
    }
}
