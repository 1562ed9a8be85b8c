/// One simulated router: its spec, configs and faults.
struct RouterState {
    let spec: RouterSpec
    /// Physical ports by lowercased name (CLI names are case-insensitive).
    let portLookup: [String: String]
    private(set) var running: RouterConfig
    /// `running.render()` and its lines, kept up to date so a paste renders and splits the
    /// config once, not twice.
    private(set) var runningText: String
    private(set) var runningLines: [Substring]
    /// `running`'s interface names in natural order; re-sorted only when the set of names changes.
    private var interfaceOrder: [String]
    private(set) var startup: RouterConfig
    private(set) var faults = DeviceFaults.none
    /// `faults.rejectedLinePatterns` compiled when the faults were set.
    private var rejectionRule: LineRejectionRule?

    init(spec: RouterSpec) {
        self.spec = spec
        self.portLookup = Dictionary(spec.ports.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        self.running = RouterConfig(hostname: spec.name, ports: spec.ports)
        self.startup = running
        self.interfaceOrder = running.sortedInterfaceNames
        self.runningText = running.render(interfaceOrder: interfaceOrder)
        self.runningLines = runningText.configLines
    }

    /// A restart: running becomes startup.
    mutating func reload() {
        guard running != startup else { return }
        running = startup
        runningText = renderRunning()
        runningLines = runningText.configLines
    }

    /// Replaces the faults; throws, changing nothing, when a line pattern is refused.
    mutating func setFaults(_ faults: DeviceFaults) throws(FaultPatternError) {
        rejectionRule = try LineRejectionRule(faults.rejectedLinePatterns)
        self.faults = faults
    }

    /// Applies a paste's lines (split on LF, CRLF or CR) one by one. The rejection fault sees
    /// only lines the CLI would read: an over-long line is refused before anything inspects it.
    mutating func apply(_ lines: [Substring]) -> (results: [LineResult], savedStartup: Bool) {
        var session = ConfigSession(config: running, startup: startup, ports: portLookup, deviceName: spec.name)
        var results: [LineResult] = []
        results.reserveCapacity(lines.count)
        var number = 0
        var matcher = rejectionRule?.matcher()
        for line in lines {
            number += 1
            // nil: the paste used up the matching budget before the line was decided.
            var rejection: Bool? = false
            if line.utf8.count <= RouterLimits.lineBytes, matcher != nil { rejection = matcher?.matches(line) }
            if rejection != false {
                let error = rejection == nil ? LineRejectionRule.budgetError : LineRejectionRule.error
                results.append(LineResult(number: number, text: ConfigSession.echo(line), outcome: .rejected(error)))
            } else {
                results.append(session.run(line, number: number))
            }
        }
        let changed = session.config != running
        running = session.config
        if changed {
            runningText = renderRunning()
            runningLines = runningText.configLines
        }
        startup = session.startup
        return (results, session.savedStartup)
    }

    /// `running.sortedInterfaces` without sorting: the order kept for rendering.
    var sortedRunningInterfaces: [InterfaceConfig] { interfaceOrder.compactMap { running.interfaces[$0] } }

    private mutating func renderRunning() -> String {
        if !running.isInterfaceOrder(interfaceOrder) { interfaceOrder = running.sortedInterfaceNames }
        return running.render(interfaceOrder: interfaceOrder)
    }
}
