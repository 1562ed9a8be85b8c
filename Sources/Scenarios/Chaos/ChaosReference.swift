import NetBoxSim

/// The run chaos replays branch off: the world at each point the play can resume from (before
/// each action that can move the engine or call NetBox, and between the engine calls inside one,
/// see `PlayPoint`), with its step-row and NetBox-call counts (to find the checkpoint just before
/// a fault) and its fingerprint (to tell when a replay is back on the reference run's track).
///
/// The reference run is the clean run when that never passed a point where a chaos play would
/// retry; otherwise a separate run that retries as chaos plays do, since every replay does so
/// from its first action.
///
/// Shared by the replays' threads: it is never changed after recording, and of `origin` they
/// read only what never changes after a world is built (catalogue, seed objects, lab configs).
struct ChaosReference: @unchecked Sendable {
    struct Checkpoint {
        let point: PlayPoint
        let world: WorldCheckpoint
        let stepRows: Int
        let netboxCalls: [NetBoxOperation: Int]
        let fingerprint: WorldFingerprint
        /// What a replay restored here starts its fingerprints with.
        let memo: FingerprintMemo
        /// The engineer's record inside an action (`DriveRound.recordKey`); nil between actions.
        let recordKey: String?

        var action: Int { point.action }
    }

    let checkpoints: [Checkpoint]
    /// The reference run's world, for what every restored world shares (the lab's seed).
    let origin: ScenarioWorld
    /// False when the reference run ended differently from the clean run: a replay that joins
    /// it would still differ from the clean run, so no replay may stop early.
    let canStopEarly: Bool

    /// Records checkpoints while `play` runs a scenario; nil (with the first error) on failure.
    final class Recorder {
        private(set) var checkpoints: [Checkpoint] = []
        private(set) var error: (any Error)?
        private var memo = FingerprintMemo()

        func record(_ play: ScenarioPlay, _ point: PlayPoint) {
            guard error == nil else { return }
            let world = play.world
            do {
                let calls = NetBoxOperation.allCases.map { ($0, world.faults.callCount($0)) }
                // Fingerprinting first loads every subscription, which the checkpoint then carries.
                let fingerprint = try WorldFingerprint(world, memo: &memo)
                checkpoints.append(Checkpoint(point: point, world: try world.checkpoint(), stepRows: try world.stepRowCount(),
                                              netboxCalls: Dictionary(uniqueKeysWithValues: calls),
                                              fingerprint: fingerprint, memo: memo, recordKey: point.recordKey(in: world)))
            } catch {
                self.error = error
            }
        }
    }

    /// The last checkpoint before the fault would strike, nil when it strikes before the first.
    func checkpoint(before injection: ChaosInjection) -> Checkpoint? {
        if let row = injection.killAfterStep { return checkpoints.last { $0.stepRows < row } }
        guard let call = injection.netboxCall else { return nil }
        return checkpoints.last { ($0.netboxCalls[call.operation] ?? 0) < call.call }
    }

    /// Whether a replay at `point` is where the reference run was at the same point: the same
    /// world as fingerprints see it and, inside an action, the same engineer's record.
    func rejoins(at point: PlayPoint, _ world: ScenarioWorld, memo: inout FingerprintMemo) -> Bool {
        guard let expected = checkpoints.first(where: { $0.point.isSameMoment(as: point) }),
              expected.recordKey == point.recordKey(in: world) else { return false }
        return (try? WorldFingerprint(world, memo: &memo)) == expected.fingerprint
    }
}

extension ScenarioWorld {
    /// Step rows the engine has written, which is what the kill switch counts.
    func stepRowCount() throws -> Int {
        try engine.store.stepLogCount()
    }
}
