/// `router isis` and its `address-family ipv6 unicast` sub-mode.
extension ConfigSession {
    mutating func router(_ words: inout CommandWords) throws(LineError) -> Bool {
        let keywords = ["net", "is-type", "metric-style", "passive-interface", "address-family", "no", "end", "exit", "do"]
        guard let first = try words.keyword(keywords) else { return false }
        switch first {
        case "net":
            let net = try netArgument(&words)
            try addNET(net, column: words.lastColumn)
        case "is-type":
            let type = try words.require(ISType.allCases.map(\.rawValue))
            try words.requireEnd()
            config.isis?.isType = ISType(rawValue: type) ?? .level12
        case "metric-style":
            let style = try words.require(MetricStyle.allCases.map(\.rawValue))
            try words.requireEnd()
            config.isis?.metricStyle = MetricStyle(rawValue: style) ?? .narrow
        case "passive-interface":
            try passiveInterface(&words, passive: true)
        case "address-family":
            try addressFamilyHeader(&words)
            if config.isis?.ipv6Unicast == nil { config.isis?.ipv6Unicast = ISISAddressFamily() }
            mode = .addressFamily
        case "no":
            let negatable = ["net", "is-type", "metric-style", "passive-interface", "address-family"]
            guard let second = try words.keyword(negatable) else { return false }
            try noRouter(second, &words)
        default:
            try common(first, &words, exitTo: .global)
        }
        return true
    }

    private mutating func noRouter(_ keyword: String, _ words: inout CommandWords) throws(LineError) {
        switch keyword {
        case "net":
            let net = try netArgument(&words)
            config.isis?.nets.removeAll { $0 == net }
        case "is-type":
            _ = words.remaining()
            config.isis?.isType = .level12
        case "metric-style":
            _ = words.remaining()
            config.isis?.metricStyle = .narrow
        case "passive-interface":
            try passiveInterface(&words, passive: false)
        default:
            try addressFamilyHeader(&words)
            config.isis?.ipv6Unicast = nil
        }
    }

    private func netArgument(_ words: inout CommandWords) throws(LineError) -> NET {
        let word = try words.requireWord()
        try words.requireEnd()
        guard let net = NET(word.text) else { throw LineError.invalidInput(at: word.column, kind: .invalidAddress) }
        return net
    }

    private mutating func addNET(_ net: NET, column: Int) throws(LineError) {
        guard let nets = config.isis?.nets, !nets.contains(net) else { return }
        if let other = nets.first, other.systemID != net.systemID {
            throw LineError(kind: .invalidValue, column: column,
                            message: "% System ID \(net.systemIDDescription) differs from \(other.systemIDDescription) of the configured NET")
        }
        if nets.count >= RouterLimits.netsPerProcess {
            throw LineError(kind: .invalidValue, column: column, message: "% At most \(RouterLimits.netsPerProcess) NETs per IS-IS process")
        }
        config.isis?.nets.append(net)
        config.isis?.nets.sort()
    }

    private mutating func passiveInterface(_ words: inout CommandWords, passive: Bool) throws(LineError) {
        if let word = words.current, word.text.lowercased() == "default" {
            words.advance()
            try words.requireEnd()
            // Switching the default clears the per-interface exceptions (they would now be
            // redundant); repeating the current default changes nothing, so each circuit
            // paste's `passive-interface default` keeps the earlier circuits' exceptions.
            guard config.isis?.passiveByDefault != passive else { return }
            config.isis?.passiveByDefault = passive
            config.isis?.passiveExceptions = []
            return
        }
        let name = try interfaceName(&words, creating: false)
        guard let byDefault = config.isis?.passiveByDefault else { return }
        if passive == byDefault {
            config.isis?.passiveExceptions.remove(name)
        } else {
            config.isis?.passiveExceptions.insert(name)
        }
    }

    private func addressFamilyHeader(_ words: inout CommandWords) throws(LineError) {
        _ = try words.require(["ipv6"])
        if !words.isAtEnd { _ = try words.require(["unicast"]) }
        try words.requireEnd()
    }

    mutating func addressFamily(_ words: inout CommandWords) throws(LineError) -> Bool {
        let keywords = ["metric", "redistribute", "exit-address-family", "no", "end", "exit", "do"]
        guard let first = try words.keyword(keywords) else { return false }
        switch first {
        case "metric":
            let (value, level) = try metricSetting(&words)
            config.isis?.ipv6Unicast?.metric.set(value, level: level)
        case "redistribute":
            _ = try words.require(["connected"])
            try words.requireEnd()
            config.isis?.ipv6Unicast?.redistributeConnected = true
        case "exit-address-family":
            try words.requireEnd()
            mode = .router
        case "no":
            guard let second = try words.keyword(["metric", "redistribute"]) else { return false }
            if second == "metric" {
                let level = try metricRemoval(&words)
                config.isis?.ipv6Unicast?.metric.clear(level: level)
            } else {
                _ = try words.require(["connected"])
                try words.requireEnd()
                config.isis?.ipv6Unicast?.redistributeConnected = false
            }
        default:
            try common(first, &words, exitTo: .router)
        }
        return true
    }
}
