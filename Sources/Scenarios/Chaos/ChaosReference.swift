import NetBoxSim
import WorkflowEngine

/// The run chaos replays branch off: the world at each point the play can resume from (before
/// each action that can move the engine or call NetBox, between the engine calls inside one, and
/// between the steps of each such call, see `PlayPoint`), with its step-row and NetBox-call counts
/// (to find the checkpoint just before a fault) and its fingerprint (to tell when a replay is back
/// on the reference run's track).
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
    /// The reference run never came to a failed process or a failed start form (it is the clean
    /// run, which would have retried there): a replay that retried may rejoin it rounds later
    /// (see `isSameMoment(_:_:)`).
    let neverRetried: Bool
    /// The connections replays restore the engine's checkpoints into and give back when done:
    /// a replay's world lives for about one step, and opening a connection for it (parsing the
    /// schema, preparing the statements) cost as much as the step.
    let connections = CheckpointConnections()
    /// Checkpoint indices by action, and the last round of the engineer's loop each action reached.
    private let byAction: [Int: [Int]]
    private let lastRound: [Int: Int]

    init(checkpoints: [Checkpoint], origin: ScenarioWorld, canStopEarly: Bool, neverRetried: Bool = false) {
        (self.checkpoints, self.origin, self.canStopEarly, self.neverRetried) = (checkpoints, origin, canStopEarly, neverRetried)
        byAction = Dictionary(grouping: checkpoints.indices) { checkpoints[$0].action }
        lastRound = checkpoints.reduce(into: [:]) { rounds, checkpoint in
            guard let round = checkpoint.point.round else { return }
            rounds[checkpoint.action] = max(rounds[checkpoint.action] ?? 0, round.round)
        }
    }

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

    /// Whether a replay at `point` is where the reference run was at the same moment: the same
    /// world as fingerprints see it and, inside an action, the same engineer's record.
    func rejoins(at point: PlayPoint, _ world: ScenarioWorld, memo: inout FingerprintMemo) -> Bool {
        let key = point.recordKey(in: world)
        let candidates = (byAction[point.action] ?? []).lazy.map { checkpoints[$0] }
            .filter { $0.recordKey == key && isSameMoment($0.point, point) }
        guard !candidates.isEmpty, let fingerprint = try? WorldFingerprint(world, memo: &memo) else { return false }
        return candidates.contains { $0.fingerprint == fingerprint }
    }

    /// Whether the rest of a play at `replay` goes as the reference run's at `reference` when
    /// their worlds are alike. Inside an action that is the same round of the engineer's loop with
    /// the same retries spent, or, when the reference run never retried, any later round with
    /// the same engineer's answers to come: a replay that spent rounds and retries on its fault
    /// and is back in the reference run's world fails nothing more (the reference run did not),
    /// so its budget is never asked again, provided the rounds the reference run went on to use
    /// still fit in the loop's limit.
    private func isSameMoment(_ reference: PlayPoint, _ replay: PlayPoint) -> Bool {
        if reference.isSameMoment(as: replay) { return true }
        guard neverRetried, let ours = reference.round, let theirs = replay.round else { return false }
        switch (reference, replay) {
        case (.round, .round): break
        case (.step(let a), .step(let b)) where a.position == b.position && a.addsRecord == b.addsRecord: break
        default: return false
        }
        let later = theirs.round - ours.round
        return ours.action == theirs.action && ours.first == theirs.first && later > 0
            && (lastRound[ours.action] ?? 0) + later < ScenarioPlay.maximumRounds
    }
}

extension ScenarioWorld {
    /// Step rows the engine has written, which is what the kill switch counts.
    func stepRowCount() throws -> Int {
        try engine.store.stepLogCount()
    }
}
