import WorkflowEngine

/// A moment of a play where its world can be checkpointed and the play resumed: before an action
/// that can move the engine or call NetBox, at the top of a round of the engineer's loop inside
/// such an action (between two engine calls of one start, resume or retry), or between two steps
/// the engine runs inside one of those calls.
enum PlayPoint {
    case action(Int)
    case round(DriveRound)
    case step(StepBoundary)

    /// The action the play is in (or about to play).
    var action: Int {
        switch self {
        case .action(let index): index
        case .round(let round): round.action
        case .step(let boundary): boundary.after.action
        }
    }

    /// The round of the engineer's loop the play is at (`.round`) or returns to (`.step`).
    var round: DriveRound? {
        switch self {
        case .action: nil
        case .round(let round): round
        case .step(let boundary): boundary.after
        }
    }

    /// `DriveRound.recordKey` inside an action, nil between actions.
    func recordKey(in world: ScenarioWorld) -> String? {
        round?.recordKey(in: world)
    }

    /// Whether `other` is the same moment of another play of the scenario: the same action, and
    /// for a round the same round of the same loop, with the same retry budget spent.
    func isSameMoment(as other: PlayPoint) -> Bool {
        switch (self, other) {
        case (.action(let a), .action(let b)): a == b
        case (.round(let a), .round(let b)): a.isSameRound(as: b)
        case (.step(let a), .step(let b)):
            a.after.isSameRound(as: b.after) && a.addsRecord == b.addsRecord && a.position == b.position
        default: false
        }
    }
}

/// Between two steps of an engine call the play made (the call's process is about to run step
/// `position`): where the play goes on once the call returns, which is all a replay restored
/// here needs to finish the call and carry on.
struct StepBoundary {
    /// The round of the engineer's loop the play enters when the call returns, with the record
    /// as it stands before the call's status is known (for a start: with the new process's id).
    let after: DriveRound
    /// The call is a start, whose record the world learns only once it returns.
    let addsRecord: Bool
    let position: Int
}

/// Where the engineer's loop (`ScenarioPlay.drive`) of action `action` stands at the top of a
/// round: everything the rest of the action depends on besides the world.
struct DriveRound {
    let action: Int
    /// Rounds already played (the loop gives up after `ScenarioPlay.maximumRounds`).
    let round: Int
    /// Whether the engineer has not answered an input step yet (`answer:` applies to the first).
    let first: Bool
    /// Retries of a failed process spent so far (`ChaosInjection.retryBudget`).
    let retries: Int
    let record: ProcessRecord

    func isSameRound(as other: DriveRound) -> Bool {
        action == other.action && round == other.round && first == other.first && retries == other.retries
    }

    /// The record as the rest of the loop sees it, without ids (which shift with every retry):
    /// an unknown status is read from the engine as the loop would, and the process is compared
    /// by being the one the world knows under the record's name.
    func recordKey(in world: ScenarioWorld) -> String {
        let status = record.status ?? record.processID.flatMap { try? world.progress($0).status }
        let named = record.processID != nil && world.process(named: record.name)?.processID == record.processID
        return [record.name, record.workflow, record.processID == nil ? "no process" : named ? "named process" : "other process",
                status?.rawValue ?? "?", record.subscriptionID == nil ? "" : "subscription", record.refusal ?? "",
                record.engineerNote ?? ""].joined(separator: " | ")
    }
}
