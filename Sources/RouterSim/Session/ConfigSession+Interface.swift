/// Interface configuration mode.
extension ConfigSession {
    static let metricRange: ClosedRange<UInt32> = 1...16_777_214

    mutating func interface(_ name: String, _ words: inout CommandWords) throws(LineError) -> Bool {
        guard let first = try words.keyword(["description", "ip", "ipv6", "isis", "shutdown", "no", "end", "exit", "do"]) else { return false }
        switch first {
        case "description":
            let text = try words.rest()
            guard text.text.count <= 240 else {
                throw LineError(kind: .invalidValue, column: text.column + 240, message: "% Description is longer than 240 characters")
            }
            config.interfaces[name]?.description = String(text.text)
        case "ip":
            _ = try words.require(["address"])
            let address = try ipv4Address(&words)
            try checkOverlap(ipv4: address, on: name, column: words.lastColumn)
            config.interfaces[name]?.ipv4 = address
        case "ipv6":
            try ipv6(name, &words)
        case "isis":
            try isis(name, &words, negated: false)
        case "shutdown":
            try words.requireEnd()
            config.interfaces[name]?.shutdown = true
        case "no":
            guard let second = try words.keyword(["description", "ip", "ipv6", "isis", "shutdown"]) else { return false }
            try noInterface(name, second, &words)
        default:
            try common(first, &words, exitTo: .global)
        }
        return true
    }

    private mutating func ipv6(_ name: String, _ words: inout CommandWords) throws(LineError) {
        if try words.require(["address", "router"]) == "router" {
            let tag = try isisTag(&words)
            config.interfaces[name]?.runsISIS = true
            config.interfaces[name]?.isisProcessTag = tag
            return
        }
        let word = try words.requireWord()
        try words.requireEnd()
        let address = try Self.ipv6Address(word)
        try checkOverlap(ipv6: address, on: name, column: word.column)
        // Kept sorted so the model, like its rendering, does not depend on typing order.
        if config.interfaces[name]?.ipv6.contains(address) == false {
            if (config.interfaces[name]?.ipv6.count ?? 0) >= RouterLimits.ipv6AddressesPerInterface {
                throw LineError(kind: .unsupported, column: word.column,
                                message: "% Maximum number of IPv6 addresses (\(RouterLimits.ipv6AddressesPerInterface)) on \(name) reached")
            }
            config.interfaces[name]?.ipv6.append(address)
            config.interfaces[name]?.ipv6.sort()
        }
    }

    /// `[no] isis network point-to-point`, `[no] isis [ipv6] metric …`.
    private mutating func isis(_ name: String, _ words: inout CommandWords, negated: Bool) throws(LineError) {
        func metric(_ field: WritableKeyPath<InterfaceConfig, LevelMetric>, _ session: inout ConfigSession) throws(LineError) {
            if negated {
                let level = try session.metricRemoval(&words)
                session.config.interfaces[name]?[keyPath: field].clear(level: level)
            } else {
                let (value, level) = try session.metricSetting(&words)
                session.config.interfaces[name]?[keyPath: field].set(value, level: level)
            }
        }
        switch try words.require(["network", "metric", "ipv6"]) {
        case "network":
            _ = try words.require(["point-to-point"])
            try words.requireEnd()
            config.interfaces[name]?.isisPointToPoint = !negated
        case "metric":
            try metric(\.isisMetric, &self)
        default:
            _ = try words.require(["metric"])
            try metric(\.isisIPv6Metric, &self)
        }
    }

    /// `N [level-1|level-2]`.
    mutating func metricSetting(_ words: inout CommandWords) throws(LineError) -> (UInt32, Int?) {
        let value = try words.number(in: Self.metricRange)
        let level = try optionalLevel(&words)
        return (value, level)
    }

    func optionalLevel(_ words: inout CommandWords) throws(LineError) -> Int? {
        guard !words.isAtEnd else { return nil }
        let level = try words.require(["level-1", "level-2"]) == "level-1" ? 1 : 2
        try words.requireEnd()
        return level
    }

    /// `no … metric [N] [level-X]`: the value, when given, is only checked for range.
    mutating func metricRemoval(_ words: inout CommandWords) throws(LineError) -> Int? {
        if let word = words.current, word.text.first?.isASCIIDigit == true { _ = try words.number(in: Self.metricRange) }
        return try optionalLevel(&words)
    }

    private mutating func noInterface(_ name: String, _ keyword: String, _ words: inout CommandWords) throws(LineError) {
        switch keyword {
        case "description":
            _ = words.remaining()
            config.interfaces[name]?.description = nil
        case "ip":
            _ = try words.require(["address"])
            if !words.isAtEnd { _ = try ipv4Address(&words) }
            config.interfaces[name]?.ipv4 = nil
        case "ipv6":
            if try words.require(["address", "router"]) == "router" {
                _ = try isisTag(&words)
                config.interfaces[name]?.runsISIS = false
                config.interfaces[name]?.isisProcessTag = nil
                return
            }
            guard let word = words.current else { config.interfaces[name]?.ipv6 = []; return }
            words.advance()
            try words.requireEnd()
            let address = try Self.ipv6Address(word)
            config.interfaces[name]?.ipv6.removeAll { $0 == address }
        case "isis":
            try isis(name, &words, negated: true)
        default:
            try words.requireEnd()
            config.interfaces[name]?.shutdown = false
        }
    }
}

extension LevelMetric {
    mutating func set(_ value: UInt32, level: Int?) {
        if level != 2 { level1 = value }
        if level != 1 { level2 = value }
    }

    mutating func clear(level: Int?) {
        if level != 2 { level1 = nil }
        if level != 1 { level2 = nil }
    }
}
