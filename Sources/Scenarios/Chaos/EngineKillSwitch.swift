import SQLite
import Synchronization

/// Kills the engine in the middle of a step: once armed with N, it lets the engine write N - 1
/// step-log rows and makes the database refuse the N-th, so the N-th step has done its work
/// (NetBox calls, router pastes) but the engine never records it — the moment a crash hurts most.
///
/// The refusal is SQLite's `query_only` mode: the engine treats a read-only database as fatal and
/// throws without writing anything, which leaves the process `running` exactly as a dead worker
/// would. `revive()` lifts the mode so a new engine can open the same database and recover.
final class EngineKillSwitch: Sendable {
    private struct State {
        var remaining: Int?
        var fired = false
    }

    private let state = Mutex(State())

    /// Kills the engine on `database` when it writes its `afterSteps`-th step row from now. The
    /// switch watches statements only while armed: watching costs a string search per statement.
    func arm(afterSteps: Int, on database: Database) {
        state.withLock { $0 = State(remaining: max(1, afterSteps), fired: false) }
        database.statementObserver = { [weak database, self] sql in
            guard sql.contains("INSERT INTO process_steps") else { return }
            let fire = self.state.withLock { state -> Bool in
                guard let remaining = state.remaining else { return false }
                guard remaining <= 1 else {
                    state.remaining = remaining - 1
                    return false
                }
                state.remaining = nil
                state.fired = true
                return true
            }
            // Outside the lock: executing calls this observer again.
            guard fire, let database else { return }
            database.statementObserver = nil
            try? database.execute("PRAGMA query_only=ON")
        }
    }

    var hasFired: Bool { state.withLock { $0.fired } }

    /// Step rows still to go before an armed switch fires; nil when not armed.
    var remaining: Int? { state.withLock { $0.remaining } }

    /// Lets the database take writes again after a kill.
    func revive(_ database: Database) throws {
        state.withLock { $0.fired = false }
        try database.execute("PRAGMA query_only=OFF")
    }
}
