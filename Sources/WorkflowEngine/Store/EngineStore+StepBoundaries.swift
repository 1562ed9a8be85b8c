/// A look at a run between two of its steps, for tools that branch runs (chaos testing
/// checkpoints the world there, and stops a replay once it is back on the original's track).
extension EngineStore {
    /// Called by every engine on this store after a run committed a step and before it starts
    /// the next one (`position` is the next step's index), with no transaction open, so the
    /// store can be checkpointed. Returning true stops the run there: the call running it throws
    /// `StepBoundaryStop` and leaves the process `running`, as a crash between steps would.
    /// nil (the default) costs one check per step.
    public func observeStepBoundaries(_ observer: (@Sendable (_ processID: String, _ position: Int) -> Bool)?) {
        boundaryObserver.withLock { $0 = observer }
    }

    func stopsAtStepBoundary(_ processID: String, _ position: Int) -> Bool {
        guard let observer = boundaryObserver.withLock({ $0 }) else { return false }
        return observer(processID, position)
    }
}

/// Thrown by the engine call whose run a step-boundary observer stopped.
public struct StepBoundaryStop: Error, CustomStringConvertible {
    public let processID: String
    public var description: String { "stopped between two steps of \(processID)" }
}
