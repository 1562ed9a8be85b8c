/// One recorded event on the fleet: a config change, a refused session, a fault or link change.
public struct HistoryEntry: Sendable, Equatable {
    /// Fleet-wide, starting at 1, in the order events happened.
    public var sequence: Int
    /// Virtual time when the event completed (slow devices advance it; nothing really sleeps).
    public var time: Duration
    /// The device concerned; nil for link events.
    public var device: String?
    /// Who did it, free-form: e.g. `process 1234 / Provide Config to User`.
    public var actor: String
    public var event: HistoryEvent
}

public enum HistoryEvent: Sendable, Equatable {
    /// A paste that reached the router; `diff` is the unified diff of the running config (empty
    /// when nothing changed).
    case paste(lines: [String], results: [LineResult], diff: String, savedStartup: Bool)
    /// A session the router refused (unreachable, rejecting config).
    case refused(lines: [String], error: RouterError)
    /// The device restarted: the running config is the startup config again; `diff` shows
    /// what unsaved configuration was lost.
    case reloaded(diff: String)
    case faultChanged(device: String, faults: DeviceFaults)
    case linkChanged(LinkSpec, up: Bool)
}
