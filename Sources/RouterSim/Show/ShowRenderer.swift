/// Plain-text output of the network `show` commands, laid out like IOS.
struct ShowRenderer {
    let model: NetworkModel
    let router: Int

    private var state: RouterState { model.routers[router] }

    func render(_ command: ShowCommand.NetworkShow) -> String {
        switch command {
        case .ipv6InterfaceBrief: ipv6InterfaceBrief()
        case .isisNeighbors: isisNeighbors()
        case .isisDatabase: isisDatabase()
        case .ipv6Route: ipv6Route()
        case .interfacesStatus: interfacesStatus()
        case .logging: logging()
        }
    }

    /// The messages the router logs about its IS-IS neighbors now (the simulation derives them
    /// from the current state, so there is no buffer to overflow and no timestamps).
    private func logging() -> String {
        var out = "Syslog logging: enabled\n\nLog Buffer:\n"
        let name = state.spec.name
        for link in model.duplicateSystemIDLinks {
            for port in [link.adjacency.a, link.adjacency.b] where port.device == name {
                out += link.logMessage(at: port) + "\n"
            }
        }
        return out
    }

    private func ipv6InterfaceBrief() -> String {
        var out = ""
        for interface in state.running.sortedInterfaces {
            let status = interface.shutdown ? "administratively down/down" : model.isUp(router, interface) ? "up/up" : "down/down"
            out += pad(interface.name, 23) + "[\(status)]\n"
            if interface.ipv6.isEmpty { out += "    unassigned\n" }
            for address in interface.ipv6.sorted() { out += "    \(address.address)\n" }
        }
        return out
    }

    private func isisNeighbors() -> String {
        let name = state.spec.name
        var out = "Tag \(state.running.isis?.tag ?? "null"):\n"
        out += pad("System Id", 16) + pad("Type", 5) + pad("Interface", 14) + pad("IP Address", 26) + "State Holdtime Circuit Id\n"
        for adjacency in model.adjacencies where adjacency.a.device == name || adjacency.b.device == name {
            let local = adjacency.a.device == name
            let (mine, theirs, address) = local ? (adjacency.a, adjacency.b, adjacency.bAddress) : (adjacency.b, adjacency.a, adjacency.aAddress)
            out += pad(theirs.device, 16) + pad(adjacency.level.rawValue, 5) + pad(mine.port, 14) + pad(address.description, 26)
                + "UP    30       \(adjacency.pointToPoint ? "00" : "01")\n"
        }
        return out
    }

    private func isisDatabase() -> String {
        var out = "IS-IS Level-2 Link State Database:\n"
        out += pad("LSPID", 24) + pad("LSP Seq Num", 13) + "ATT/P/OL\n"
        guard model.process(router) != nil else { return out }
        let paths = model.shortestPaths(from: router)
        // The database holds the LSPs flooded to this router: those of its level-2 domain.
        let members = model.routers.indices.filter { paths.distance[$0] != ShortestPaths.unreachable && model.process($0) != nil }
            .sorted { model.routers[$0].running.hostname < model.routers[$1].running.hostname }
        for member in members {
            let marker = member == router ? "* " : "  "
            out += pad(model.routers[member].running.hostname + ".00-00", 22) + marker + pad("0x00000001", 13) + "0/0/0\n"
            for edge in model.graph.outgoing(member) {
                out += "  Metric: " + pad("\(edge.metric)", 11) + "IS-Extended \(model.routers[edge.to].running.hostname).00\n"
            }
            for advertisement in model.advertisements[member] {
                out += "  Metric: " + pad("\(advertisement.metric)", 11) + "IPv6\(advertisement.external ? "-Ext" : "") \(advertisement.prefix)\n"
            }
        }
        return out
    }

    private func ipv6Route() -> String {
        let routes = model.routes(of: router)
        var out = "IPv6 Routing Table - default - \(routes.count) entries\nCodes: C - Connected, L - Local, I2 - ISIS L2\n"
        for route in routes {
            out += pad(route.source.rawValue, 4) + "\(route.prefix) [\(route.distance)/\(route.metric)]\n"
            for hop in route.nextHops {
                switch route.source {
                case .connected: out += "     via \(hop.interface), directly connected\n"
                case .local: out += "     via \(hop.interface), receive\n"
                case .isis: out += "     via \(hop.address.map(\.description) ?? "?"), \(hop.interface)\n"
                }
            }
        }
        return out
    }

    private func interfacesStatus() -> String {
        var out = pad("Port", 14) + pad("Name", 20) + pad("Status", 12) + "Connected to\n"
        for interface in state.running.sortedInterfaces where !interface.isLoopback {
            let port = PortRef(device: state.spec.name, port: interface.name)
            let link = model.linkOfPort[port].map { model.linkStates[$0] }
            let status = interface.shutdown ? "disabled" : link?.isUp == true ? "connected" : "notconnect"
            let far = link.map { $0.link.a == port ? $0.link.b : $0.link.a }
            out += pad(interface.name, 14) + pad(String((interface.description ?? "").prefix(18)), 20) + pad(status, 12)
                + (far?.description ?? "-") + "\n"
        }
        return out
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
