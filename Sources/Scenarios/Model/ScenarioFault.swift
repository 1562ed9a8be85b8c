/// A fault injected into the scenario's world; it holds until cleared or, for NetBox, until used up.
public enum ScenarioFault: Sendable, Hashable, CustomStringConvertible {
    case netbox(PlannedNetBoxFault)
    case routerUnreachable(device: String)
    /// The router rejects config; with patterns, only lines matching one of them.
    case routerRejectsConfig(device: String, linePatterns: [String])
    case linkDown(InterfaceRef)
    case linkUp(InterfaceRef)
    /// The engine dies in the N-th step it runs from here (1-based; every step-log row counts:
    /// steps, input suspensions, confirmations): that step has done its work but is not
    /// recorded. A new engine is opened on the same database and resumes what was running.
    case killEngine(afterStep: Int)
    /// Remove every fault still in force.
    case clear

    public var description: String {
        switch self {
        case .netbox(let fault): return "netbox \(fault.operation) call #\(fault.occurrence) fails with \(fault.status)"
        case .routerUnreachable(let device): return "\(device) unreachable"
        case .routerRejectsConfig(let device, let patterns):
            return patterns.isEmpty ? "\(device) rejects config" : "\(device) rejects lines matching \(patterns)"
        case .linkDown(let port): return "link down at \(port)"
        case .linkUp(let port): return "link up at \(port)"
        case .killEngine(let step): return "engine killed after step \(step), then recovered"
        case .clear: return "clear all faults"
        }
    }
}

/// A NetBox client call that fails: the `occurrence`-th call of `operation` (and the `times - 1`
/// calls after it) answers with HTTP `status`.
public struct PlannedNetBoxFault: Sendable, Hashable {
    /// The client operation, e.g. `create_cable`, `allocate_prefix`, `update_device`.
    public var operation: String
    public var occurrence: Int
    public var status: Int
    public var times: Int

    public init(operation: String, occurrence: Int = 1, status: Int = 500, times: Int = 1) {
        self.operation = operation
        self.occurrence = occurrence
        self.status = status
        self.times = times
    }
}
