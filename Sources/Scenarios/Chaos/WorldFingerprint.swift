import NetBoxSim
import WorkflowEngine

/// Everything of a world that can change what the rest of a play does or leaves behind, with
/// ids and timestamps left out (they shift with every retry without changing the outcome). A
/// chaos replay whose fingerprint equals the reference run's at the same action goes on exactly
/// as the reference run did, so it can stop there.
struct WorldFingerprint: Equatable {
    let sideEffects: SideEffects
    let subscriptions: String
    /// Each process as the scenario names it: outcome, refusal, engineer's note.
    let processes: [String]
    /// Workflow and status of each engine process, oldest first.
    let engineProcesses: [String]
    let runningConfigs: [String]
    /// Planned NetBox faults not reached yet, counted from each operation's next call.
    let pendingNetBoxFaults: [String]
    let killAfterSteps: Int?

    /// The world's fingerprint; `memo` holds the parts the world's last fingerprint read, and
    /// gets this one's.
    init(_ world: ScenarioWorld, memo: inout FingerprintMemo) throws {
        (subscriptions, sideEffects) = try memo.read(world)
        processes = world.processes.map { record in
            [record.name, record.workflow, record.processID == nil ? "not started" : "started", world.outcome(of: record).description,
             record.refusal ?? "", record.engineerNote ?? ""].joined(separator: " | ")
        }
        engineProcesses = try world.engine.processes().map { "\($0.workflowName) \($0.lastStatus.rawValue) \($0.lastStep ?? "")" }
        runningConfigs = world.fleet.renderedRunningConfigs()
        pendingNetBoxFaults = world.plannedNetBoxFaults.compactMap { planned in
            let ahead = planned.call - world.faults.callCount(planned.operation)
            return ahead > 0 ? "\(planned.operation.rawValue) +\(ahead)" : nil
        }
        killAfterSteps = world.killSwitch.remaining
    }
}
