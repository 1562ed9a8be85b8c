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
        let subscriptionKey = FingerprintMemo.SubscriptionKey(versions: try world.engine.subscriptionVersions().map { "\($0.id) \($0.status) \($0.version)" },
                                                              names: world.subscriptionNames())
        let netboxCount = world.netbox.changeCount
        if memo.subscriptions?.key != subscriptionKey {
            let dump = try SubscriptionDump(withoutUsersOf: world)
            memo.subscriptions = (subscriptionKey, dump, try SnapshotWriter(world: world, subscriptions: dump).subscriptionText())
        }
        let (_, dump, text) = memo.subscriptions!
        if memo.netbox?.count != netboxCount {
            memo.netbox = (netboxCount, try SnapshotWriter(world: world).netboxObjects())
        }
        if memo.leaks?.netbox != netboxCount || memo.leaks?.subscriptions != subscriptionKey {
            memo.leaks = (netboxCount, subscriptionKey, try LeakFinder(world: world).leaks(dump))
        }
        sideEffects = SideEffects(netbox: memo.netbox!.objects, leaks: memo.leaks!.found)
        subscriptions = text
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

/// The costly parts of a world's last fingerprint, by what tells whether they still hold:
/// NetBox's change count and every subscription's status and version (both only grow), with the
/// names the scenario gave them. A world restored from a checkpoint starts with the memo of the
/// fingerprint taken there, which holds until the replay changes NetBox or a subscription.
struct FingerprintMemo {
    struct SubscriptionKey: Equatable {
        let versions: [String]
        let names: [String: String]
    }

    fileprivate var subscriptions: (key: SubscriptionKey, dump: SubscriptionDump, text: String)?
    fileprivate var netbox: (count: Int, objects: String)?
    fileprivate var leaks: (netbox: Int, subscriptions: SubscriptionKey, found: [String])?
}
