/// The `show` commands the simulated routers answer.
enum ShowCommand: Equatable {
    case runningConfig(interface: [Substring]?)
    case startupConfig
    /// Commands answered from the network model.
    case network(NetworkShow)

    enum NetworkShow: Equatable {
        case ipv6InterfaceBrief, isisNeighbors, isisDatabase, ipv6Route, interfacesStatus, logging
    }

    /// Parses `[show] WORDS`, keywords abbreviable as on the CLI (`sh ipv6 int br`).
    init?(_ text: String) {
        var words = CommandWords(Substring(text))
        guard let parsed = try? Self.parse(&words) else { return nil }
        self = parsed
    }

    private static func parse(_ words: inout CommandWords) throws(LineError) -> ShowCommand? {
        _ = try words.keyword(["show"])
        switch try words.require(["running-config", "startup-config", "ipv6", "isis", "interfaces", "logging"]) {
        case "running-config":
            guard !words.isAtEnd else { return .runningConfig(interface: nil) }
            _ = try words.require(["interface"])
            let name = words.remaining().map(\.text)
            return name.isEmpty ? nil : .runningConfig(interface: name)
        case "startup-config":
            try words.requireEnd()
            return .startupConfig
        case "logging":
            try words.requireEnd()
            return .network(.logging)
        case "ipv6":
            if try words.require(["interface", "route"]) == "route" { try words.requireEnd(); return .network(.ipv6Route) }
            _ = try words.require(["brief"])
            try words.requireEnd()
            return .network(.ipv6InterfaceBrief)
        case "isis":
            let what = try words.require(["neighbors", "database"])
            try words.requireEnd()
            return .network(what == "neighbors" ? .isisNeighbors : .isisDatabase)
        default:
            _ = try words.require(["status"])
            try words.requireEnd()
            return .network(.interfacesStatus)
        }
    }
}
