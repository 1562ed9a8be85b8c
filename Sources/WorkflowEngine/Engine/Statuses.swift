/// A process's `last_status`, spelled as in orchestrator-core.
public enum ProcessStatus: String, Codable, Sendable, CaseIterable {
    case created, running, suspended, waiting
    case awaitingCallback = "awaiting_callback"
    case failed, aborted, completed, resumed

    /// Statuses a process can be resumed or retried from.
    var isResumable: Bool { [.suspended, .waiting, .awaitingCallback, .failed, .resumed].contains(self) }
    var isFinished: Bool { self == .completed || self == .aborted }
}

/// A step-log row's status, spelled as in orchestrator-core; `pending` is only reported for steps
/// not yet run and is never stored.
public enum StepStatus: String, Codable, Sendable, CaseIterable {
    case success, skipped, suspend, waiting
    case awaitingCallback = "awaiting_callback"
    case failed, abort, complete, pending

    /// A cleared row moves the process's position past its step.
    var isCleared: Bool { [.success, .skipped, .complete].contains(self) }
}
