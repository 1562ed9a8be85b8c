import SQLite

/// Crash injection for tests and chaos runs: the engine dies in the middle of a step, after the
/// step did its work (NetBox calls, router pastes) but before the engine recorded it — the moment
/// a crash hurts most. The process stays `running`, as a dead worker leaves it; a new engine on
/// the same store finds it with `recoverInterrupted()` and runs the step again.
extension EngineStore {
    /// Lets the engine write `count - 1` more step-log entries and makes it die at the next one
    /// (`count` 1 or less: the very next). From then on the store refuses every write, so the
    /// dying engine cannot record anything either, until `liftCrash()`. Arming again replaces a
    /// crash not fired yet. Costs nothing while not armed beyond one check per step-log write.
    public func armCrash(atStepLogWrite count: Int) {
        crashPlan.withLock { $0 = CrashPlan(remaining: max(1, count), hasCrashed: false) }
    }

    /// Step-log writes still to go until an armed crash, counting the fatal one; nil when none
    /// is armed.
    public var stepLogWritesUntilCrash: Int? { crashPlan.withLock { $0.remaining } }

    /// Whether an armed crash fired and has not been lifted.
    public var hasCrashed: Bool { crashPlan.withLock { $0.hasCrashed } }

    /// Lets the store take writes again after a crash, as a restarted process would find it.
    /// Drop the dead engine first; then open a new one on this store and recover.
    public func liftCrash() throws {
        crashPlan.withLock { $0.hasCrashed = false }
        database.refusesWrites = false
    }

    /// Called just before a step-log entry is written, inside the step's transaction. When the
    /// armed crash is due, the connection turns read-only, so this insert (and every write after
    /// it) fails, the transaction rolls back and the engine throws `EngineError.storage`.
    func willWriteStepLog() throws(SQLiteError) {
        let fire = crashPlan.withLock { plan -> Bool in
            guard let remaining = plan.remaining else { return false }
            guard remaining <= 1 else {
                plan.remaining = remaining - 1
                return false
            }
            plan = CrashPlan(remaining: nil, hasCrashed: true)
            return true
        }
        if fire { database.refusesWrites = true }
    }
}

/// An armed crash: step-log writes to go (counting the fatal one), and whether it has fired.
struct CrashPlan {
    var remaining: Int?
    var hasCrashed = false
}
