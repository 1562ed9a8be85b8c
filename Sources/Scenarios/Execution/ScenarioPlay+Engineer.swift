import RouterSim
import WorkflowEngine
import Catalogues

/// The simulated engineer at input steps, and the operator who retries under chaos.
extension ScenarioPlay {
    /// Plays the engineer at every input step the process reaches (`answer` only at the first),
    /// until it stops elsewhere or the engineer cannot go on. `resuming` picks the loop up at a
    /// round another play of the scenario reached (a chaos replay from a checkpoint there).
    func drive(_ record: inout ProcessRecord, play: EngineerPlay, resuming: DriveRound? = nil) throws {
        guard let id = record.processID else { return }
        var first = resuming?.first ?? true
        var retries = resuming?.retries ?? 0
        defer {
            record.subscriptionID = world.subscriptionID(of: record)
            world.update(record)
        }
        for round in (resuming?.round ?? 0)..<Self.maximumRounds {
            let point = DriveRound(action: currentAction, round: round, first: first, retries: retries, record: record)
            if stops(at: .round(point)) { throw PlayStopped() }
            switch try record.status ?? world.progress(id).status {
            case .suspended:
                guard let pending = try world.orchestrator.pendingForm(id),
                      let inputs = try engineerInputs(&record, play: play, first: first, pending: pending)
                else { return }
                first = false
                record.status = try call(returningTo: returning(to: round + 1, first: first, retries: retries, record)) {
                    try engineCall(id) { try self.world.orchestrator.resume(id, pages: inputs, user: Self.engineer) }
                }
            case .failed, .waiting:
                guard mayRetry(retries) else { return }
                retries += 1
                record.status = try call(returningTo: returning(to: round + 1, first: first, retries: retries, record)) {
                    try engineCall(id) { try self.world.orchestrator.retry(id, user: ScenarioWorld.user) }
                }
            case .created, .running, .resumed:
                // An external orchestrator's calls return once the process stopped moving.
                guard world.external == nil else { return }
                // Interrupted outside any call this play made (a kill during recovery): recover again.
                try world.recoverEngine()
                record.status = nil
            default:
                return
            }
        }
    }

    /// Round `round` of the action being played, as an engine call made before it returns there
    /// (the record's status unknown until the call returns).
    func returning(to round: Int, first: Bool, retries: Int, _ record: ProcessRecord) -> DriveRound {
        var record = record
        record.status = nil
        return DriveRound(action: currentAction, round: round, first: first, retries: retries, record: record)
    }

    static let engineer = "engineer"

    /// Unwinds an action whose play `atPoint` stopped.
    struct PlayStopped: Error {}
    /// Input steps one action may pass through before the play gives up (a workflow looping).
    static let maximumRounds = 20

    /// The answers to post, or nil when the engineer stops here (leave suspended, paste refused).
    private func engineerInputs(_ record: inout ProcessRecord, play: EngineerPlay, first: Bool,
                                pending: PendingForm) throws -> [JSON]? {
        let policy = world.orchestrator.engineer
        let accept: [JSON] = [policy.confirmation(pending.form)]
        switch play {
        case .leaveSuspended:
            return nil
        case .answer(let values) where first:
            return [try world.page(values)]
        case .confirmOnly:
            return accept
        case .apply(let devices):
            return paste(policy.configs(pending.form).filter { devices.contains($0.device) }, &record, pending) ? accept : nil
        case .applyAndConfirm, .answer:
            return paste(policy.configs(pending.form), &record, pending) ? accept : nil
        }
    }

    /// Pastes each text into its router as `process <id> / <step>`; false (with the reason
    /// noted on the record) when a router refused the session or some lines.
    private func paste(_ configs: [ConfigText], _ record: inout ProcessRecord, _ pending: PendingForm) -> Bool {
        let actor = "process \(record.processID ?? "") / \(pending.step)"
        for config in configs {
            do {
                let pasted = try world.fleet.apply(paste: config.text, to: config.device, actor: actor)
                let rejected = pasted.rejectedLines.map(\.text)
                guard rejected.isEmpty else {
                    record.engineerNote = "\(config.device) rejected: " + rejected.joined(separator: " | ")
                    return false
                }
            } catch {
                record.engineerNote = "cannot apply config to \(config.device): \(error)"
                return false
            }
        }
        record.engineerNote = nil
        return true
    }
}
