extension RouterConfig {
    /// The canonical running-config text: fixed statement order, interfaces in natural order,
    /// addresses sorted, so two configs with the same meaning render identically.
    public func render() -> String {
        render(interfaceOrder: sortedInterfaceNames)
    }

    /// `render()` with the interfaces' natural order already known (`isInterfaceOrder(_:)` says whether
    /// an order is still right): sorting the names was most of a render.
    func render(interfaceOrder: [String]) -> String {
        var out = "!\nhostname "
        out += hostname
        out += "\n!\n"
        for name in interfaceOrder { interfaces[name]?.render(into: &out) }
        if let isis { isis.render(into: &out) }
        out += "end\n"
        return out
    }

    /// `show running-config interface X`.
    func renderInterface(_ name: String) -> String? {
        guard let interface = interfaces[name] else { return nil }
        var out = "!\n"
        interface.render(into: &out)
        return out + "end\n"
    }
}

extension InterfaceConfig {
    func render(into out: inout String) {
        // Appended piece by piece: this runs on every config change.
        out += "interface "
        out += name
        out += "\n"
        if let description {
            out += " description "
            out += description
            out += "\n"
        }
        if let ipv4 { out += " ip address \(ipv4.address) \(ipv4.mask)\n" }
        for address in ipv6 {
            out += " ipv6 address "
            out += address.address.description
            out += "/"
            out += String(address.length)
            out += "\n"
        }
        if runsISIS { out += isisProcessTag.map { " ipv6 router isis \($0)\n" } ?? " ipv6 router isis\n" }
        if isisPointToPoint { out += " isis network point-to-point\n" }
        isisMetric.render(prefix: " isis metric", into: &out)
        isisIPv6Metric.render(prefix: " isis ipv6 metric", into: &out)
        if shutdown { out += " shutdown\n" }
        out += "!\n"
    }
}

extension LevelMetric {
    func render(prefix: String, into out: inout String) {
        if let level1, level1 == level2 { out += "\(prefix) \(level1)\n"; return }
        if let level1 { out += "\(prefix) \(level1) level-1\n" }
        if let level2 { out += "\(prefix) \(level2) level-2\n" }
    }
}

extension ISISConfig {
    func render(into out: inout String) {
        out += tag.map { "router isis \($0)\n" } ?? "router isis\n"
        for net in nets { out += " net \(net)\n" }
        if isType != .level12 { out += " is-type \(isType.rawValue)\n" }
        if metricStyle != .narrow { out += " metric-style \(metricStyle.rawValue)\n" }
        if passiveByDefault { out += " passive-interface default\n" }
        let exceptions = passiveExceptions.sorted(by: InterfaceName.naturallyPrecedes)
        for name in exceptions { out += passiveByDefault ? " no passive-interface \(name)\n" : " passive-interface \(name)\n" }
        if let family = ipv6Unicast {
            out += " !\n address-family ipv6 unicast\n"
            family.metric.render(prefix: "  metric", into: &out)
            if family.redistributeConnected { out += "  redistribute connected\n" }
            out += " exit-address-family\n"
        }
        out += "!\n"
    }
}
