@testable import RouterSim

/// Runs pastes through a bare `ConfigSession` for one router of `Workshop.spec()`, to look at
/// state between lines.
struct SessionHarness {
    var session: ConfigSession

    init(device: String = "loc1-core", ports: [String] = Workshop.ports) {
        let config = RouterConfig(hostname: device, ports: ports)
        session = ConfigSession(config: config, startup: config,
                                ports: Dictionary(uniqueKeysWithValues: ports.map { ($0.lowercased(), $0) }), deviceName: device)
    }

    /// Runs one line; returns its outcome.
    @discardableResult
    mutating func run(_ line: String) -> LineOutcome { session.execute(Substring(line)) }

    /// Runs every line, failing the returned list with any rejected line whose run changed the
    /// config or the mode.
    mutating func runCheckingRejections(_ paste: String) -> (outcomes: [LineOutcome], violations: [String]) {
        var outcomes: [LineOutcome] = [], violations: [String] = []
        for line in paste.configLines {
            let (config, mode) = (session.config, session.mode)
            let outcome = session.execute(line)
            if case .rejected = outcome, session.config != config || session.mode != mode {
                violations.append(String(line.prefix(80)))
            }
            outcomes.append(outcome)
        }
        return (outcomes, violations)
    }

    var config: RouterConfig { session.config }

    func error(_ outcome: LineOutcome) -> LineError? {
        if case .rejected(let error) = outcome { error } else { nil }
    }
}
