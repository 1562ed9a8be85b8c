/// The CLI mode a session is in.
enum SessionMode: Equatable {
    case exec, global, interface(String), router, addressFamily

    /// This mode and the modes above it: a command a mode does not know is tried in its parent
    /// modes and, when one accepts it, the session drops to that mode, as IOS does (that is why
    /// `router isis` right after an interface block works without `exit`).
    var chain: [SessionMode] {
        switch self {
        case .exec: [.exec]
        case .global: [.global]
        case .interface: [self, .global]
        case .router: [.router, .global]
        case .addressFamily: [.addressFamily, .router, .global]
        }
    }
}

/// One pasted session on one router, applied line by line as a router's CLI does.
///
/// The session starts in privileged exec, as when an engineer is logged in at `router#`.
/// `enable` and `configure terminal` are accepted there; a configuration command typed at exec
/// level enters global configuration implicitly (noted in its line result), so a paste that
/// starts straight with `interface X` (the workshop's circuit template) applies as intended.
/// `exit` at exec level closes the session: later lines are not executed.
///
/// Every command validates fully before it changes anything, so a rejected line leaves the
/// config and the mode exactly as they were.
struct ConfigSession {
    var config: RouterConfig
    private(set) var startup: RouterConfig
    var mode: SessionMode = .exec
    private(set) var closed = false
    private(set) var savedStartup = false
    /// Physical ports by lowercased name, mapping to the spec's spelling.
    let ports: [String: String]
    let deviceName: String
    var note: String?

    init(config: RouterConfig, startup: RouterConfig, ports: [String: String], deviceName: String) {
        self.config = config; self.startup = startup; self.ports = ports; self.deviceName = deviceName
    }

    mutating func run(_ line: Substring, number: Int) -> LineResult {
        LineResult(number: number, text: Self.echo(line), outcome: execute(line))
    }

    /// The line as results show it: cut to `RouterLimits.echoBytes` bytes, on a character
    /// boundary, and marked `…`. Cut by bytes, not characters: one character can carry any
    /// number of combining marks.
    static func echo(_ line: Substring) -> String {
        let utf8 = line.utf8
        guard utf8.count > RouterLimits.echoBytes else { return String(line) }
        var end = utf8.index(utf8.startIndex, offsetBy: RouterLimits.echoBytes)
        while end > utf8.startIndex, UTF8.isContinuation(utf8[end]) { end = utf8.index(before: end) }
        return String(decoding: utf8[..<end], as: UTF8.self) + "…"
    }

    mutating func execute(_ line: Substring) -> LineOutcome {
        if closed { return .notExecuted }
        let length = line.utf8.count
        if length > RouterLimits.lineBytes {
            return .rejected(LineError(kind: .lineTooLong, column: nil,
                                       message: "% Line too long: \(length) bytes (limit \(RouterLimits.lineBytes)); line ignored."))
        }
        // Routers take printable ASCII only; anything else is marked where it starts.
        if let bad = line.utf8.firstIndex(where: { ($0 < 32 && $0 != 9) || $0 >= 127 }) {
            return .rejected(.invalidInput(at: line.utf8.distance(from: line.utf8.startIndex, to: bad), kind: .invalidCharacter))
        }
        var words = CommandWords(line)
        guard let first = words.current else { return .comment }
        if first.text.hasPrefix("!") { return .comment }
        let savedMode = mode
        note = nil
        do {
            try dispatch(&words)
            return .applied(note: note)
        } catch {
            mode = savedMode
            return .rejected(error)
        }
    }

    private mutating func dispatch(_ words: inout CommandWords) throws(LineError) {
        if mode == .exec {
            if try exec(&words) { return }
            words.reset()
            mode = .global
            note = "entered global configuration implicitly (configuration command at exec level)"
        }
        for candidate in mode.chain {
            words.reset()
            let previous = mode
            mode = candidate
            if try handle(&words, in: candidate) { return }
            mode = previous
        }
        words.reset()
        var column = words.current?.column ?? 0
        if (try? words.keyword(["no"])) != nil, let next = words.current { column = next.column }
        throw LineError.invalidInput(at: column)
    }

    private mutating func handle(_ words: inout CommandWords, in mode: SessionMode) throws(LineError) -> Bool {
        switch mode {
        case .exec: try exec(&words)
        case .global: try global(&words)
        case .interface(let name): try interface(name, &words)
        case .router: try router(&words)
        case .addressFamily: try addressFamily(&words)
        }
    }

    // MARK: exec

    private mutating func exec(_ words: inout CommandWords) throws(LineError) -> Bool {
        guard let first = try words.keyword(["enable", "configure", "end", "exit", "copy", "write"]) else { return false }
        switch first {
        case "enable", "end":
            try words.requireEnd()
        case "configure":
            if !words.isAtEnd { _ = try words.require(["terminal"]) }
            try words.requireEnd()
            mode = .global
        case "exit":
            try words.requireEnd()
            closed = true
            note = "session closed: the lines after this one were not executed"
        case "copy":
            _ = try words.require(["running-config"])
            _ = try words.require(["startup-config"])
            try words.requireEnd()
            saveStartup()
        default:
            if !words.isAtEnd { _ = try words.require(["memory"]) }
            try words.requireEnd()
            saveStartup()
        }
        return true
    }

    private mutating func saveStartup() {
        startup = config
        savedStartup = true
        note = "[OK] running configuration saved to startup-config"
    }

    /// `do <exec command>` from any configuration mode.
    private mutating func doCommand(_ words: inout CommandWords) throws(LineError) {
        guard let word = words.current else { throw words.incomplete }
        guard let first = try words.keyword(["copy", "write"]) else { throw LineError.invalidInput(at: word.column) }
        if first == "copy" {
            _ = try words.require(["running-config"])
            _ = try words.require(["startup-config"])
        } else if !words.isAtEnd {
            _ = try words.require(["memory"])
        }
        try words.requireEnd()
        saveStartup()
    }

    /// `end`, `exit` and `do` are understood in every configuration mode.
    mutating func common(_ keyword: String, _ words: inout CommandWords, exitTo parent: SessionMode) throws(LineError) {
        switch keyword {
        case "end": try words.requireEnd(); mode = .exec
        case "exit": try words.requireEnd(); mode = parent
        default: try doCommand(&words)
        }
    }

    // MARK: global

    private mutating func global(_ words: inout CommandWords) throws(LineError) -> Bool {
        guard let first = try words.keyword(["hostname", "interface", "router", "no", "end", "exit", "do"]) else { return false }
        switch first {
        case "hostname":
            let name = try words.requireWord()
            try words.requireEnd()
            try Self.validateHostname(name)
            config.hostname = String(name.text)
        case "interface":
            let column = words.current?.column
            let name = try interfaceName(&words, creating: true)
            if config.interfaces[name] == nil {
                let loopbacks = config.interfaces.count - ports.count
                guard loopbacks < RouterLimits.loopbacks else {
                    throw LineError(kind: .unsupported, column: column, message: "% Maximum number of loopback interfaces (\(RouterLimits.loopbacks)) reached")
                }
                config.interfaces[name] = InterfaceConfig(name: name)
            }
            mode = .interface(name)
        case "router":
            let tag = try isisTag(&words)
            if let existing = config.isis, existing.tag != tag {
                throw LineError(kind: .unsupported, column: words.lastColumn,
                                message: "% Only one IS-IS process is supported; process \(existing.tag ?? "(no tag)") exists")
            }
            if config.isis == nil { config.isis = ISISConfig(tag: tag) }
            mode = .router
        case "no":
            guard let second = try words.keyword(["hostname", "interface", "router"]) else { return false }
            try noGlobal(second, &words)
        default:
            try common(first, &words, exitTo: .exec)
        }
        return true
    }

    private mutating func noGlobal(_ keyword: String, _ words: inout CommandWords) throws(LineError) {
        switch keyword {
        case "hostname":
            try words.requireEnd()
            config.hostname = deviceName
        case "interface":
            let column = words.current?.column
            let name = try interfaceName(&words, creating: false)
            guard InterfaceName.isLoopback(name) else {
                throw LineError(kind: .notRemovable, column: column, message: "% Physical interface \(name) cannot be removed")
            }
            config.interfaces[name] = nil
            // A passive-interface line naming a removed interface would not parse back.
            config.isis?.passiveExceptions.remove(name)
        default:
            let tag = try isisTag(&words)
            guard let existing = config.isis, existing.tag == tag else { return }
            config.isis = nil
        }
    }

    /// `isis [TAG]` after `router` or `ipv6 router`.
    func isisTag(_ words: inout CommandWords) throws(LineError) -> String? {
        _ = try words.require(["isis"])
        let tag = words.current.map { String($0.text) }
        if tag != nil { words.advance() }
        try words.requireEnd()
        return tag
    }

    private static func validateHostname(_ word: Word) throws(LineError) {
        let text = word.text
        let valid = text.count <= 63 && text.first?.isLetter == true
            && text.allSatisfy { $0.isLetter || $0.isASCIIDigit || $0 == "-" || $0 == "_" || $0 == "." }
        if !valid {
            throw LineError(kind: .invalidValue, column: word.column,
                            message: "% Hostname must start with a letter and contain only letters, digits, '-', '_' or '.' (at most 63)")
        }
    }

    /// Resolves the interface named by the rest of the line: a loopback in any spelling, or one
    /// of the device's physical ports. Loopbacks are created on demand when `creating`.
    mutating func interfaceName(_ words: inout CommandWords, creating: Bool) throws(LineError) -> String {
        guard let first = words.current else { throw words.incomplete }
        let rest = words.remaining()
        if let loopback = InterfaceName.loopback(rest.map(\.text)) {
            if !creating, config.interfaces[loopback] == nil {
                throw LineError(kind: .unknownInterface, column: first.column, message: "% Interface \(loopback) does not exist")
            }
            return loopback
        }
        // Port names are the spec's; one with a space (`Ethernet 1`) is typed with single spaces.
        let typed = rest.map(\.text).joined(separator: " ")
        guard let port = ports[typed.lowercased()] else {
            throw LineError(kind: .unknownInterface, column: first.column, message: "% Interface \(typed) does not exist on \(deviceName)")
        }
        return port
    }
}
