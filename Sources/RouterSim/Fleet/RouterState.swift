/// One simulated router: its spec, configs and faults.
struct RouterState {
    let spec: RouterSpec
    /// Physical ports by lowercased name (CLI names are case-insensitive).
    let portLookup: [String: String]
    var running: RouterConfig
    var startup: RouterConfig
    var faults = DeviceFaults.none

    init(spec: RouterSpec) {
        self.spec = spec
        self.portLookup = Dictionary(spec.ports.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.running = RouterConfig(hostname: spec.name, ports: spec.ports)
        self.startup = running
    }

    /// Applies `paste` line by line; lines are split on LF, CRLF or CR.
    mutating func apply(_ paste: String) -> (results: [LineResult], savedStartup: Bool) {
        var session = ConfigSession(config: running, startup: startup, ports: portLookup, deviceName: spec.name)
        running = RouterConfig(hostname: "", ports: [])  // let the session own the only copy
        var results: [LineResult] = []
        var number = 0
        for line in Self.lines(of: paste) {
            number += 1
            results.append(session.run(line, number: number))
        }
        running = session.config
        startup = session.startup
        return (results, session.savedStartup)
    }

    /// Splits on bytes rather than characters: a 10 MB paste should not pay for grapheme breaking.
    static func lines(of paste: String) -> [Substring] {
        let utf8 = paste.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex, index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 10 || byte == 13 else { index = utf8.index(after: index); continue }
            lines.append(Substring(utf8[start..<index]))
            index = utf8.index(after: index)
            if byte == 13, index < utf8.endIndex, utf8[index] == 10 { index = utf8.index(after: index) }
            start = index
        }
        if start < utf8.endIndex { lines.append(Substring(utf8[start..<utf8.endIndex])) }
        return lines
    }
}
