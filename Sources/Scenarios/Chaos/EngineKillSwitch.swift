import WorkflowEngine

/// Kills the engine in the middle of a step: once armed with N, the engine writes N - 1
/// step-log entries and dies at the N-th, so the N-th step has done its work (NetBox calls,
/// router pastes) but the engine never records it — the moment a crash hurts most.
///
/// The store's crash hook does the killing: the dying engine records nothing more and leaves the
/// process `running`, exactly as a dead worker would. `revive()` lets the store take writes
/// again so a new engine can open it and recover.
final class EngineKillSwitch: Sendable {
    private let store: EngineStore

    init(store: EngineStore) {
        self.store = store
    }

    /// Kills the engine when it writes its `afterSteps`-th step-log entry from now.
    func arm(afterSteps: Int) {
        store.armCrash(atStepLogWrite: afterSteps)
    }

    var hasFired: Bool { store.hasCrashed }

    /// Step-log entries still to go before an armed switch fires; nil when not armed.
    var remaining: Int? { store.stepLogWritesUntilCrash }

    /// Lets the store take writes again after a kill.
    func revive() throws {
        try store.liftCrash()
    }
}
