import Catalogues
import Foundation
import NetBoxSim
import RouterSim
import Topology
import WorkflowEngine

/// One scenario's isolated world: a NetBox and a fleet built from the lab, OrchLab's own engine
/// with the scenario's catalogue registered against them (or an orchestrator outside OrchLab
/// the world is served to), and what the scenario did so far (its processes, the faults in force).
///
/// Used by one thread, for one scenario.
final class ScenarioWorld {
    /// NetBox's clock is frozen so object timestamps never differ between runs.
    static let netboxDate = Date(timeIntervalSince1970: 1_790_000_000)
    static let user = "scenario"

    let netbox: NetBox
    let fleet: Fleet
    /// The workflows' NetBox client's virtual time.
    let netboxClock: VirtualClock
    let catalogue: Catalogue
    let faults: FaultInjector
    /// Objects the lab was seeded with: never leaks.
    let seedObjects: NetBoxObjectIDs
    /// Every NetBox object as the lab was loaded, for the snapshot's list of changes.
    let seedState: NetBoxState
    let interfaceIDs: [InterfaceRef: Int]
    /// `interfaceIDs` the other way round, each interface as `device port`.
    let interfaceNames: [Int: String]
    let initialConfigs: [String: String]
    /// OrchLab's own engine; nil when the world is served to an orchestrator outside OrchLab.
    private let embedded: WorldEngine?
    /// The orchestrator outside OrchLab this world is served to, if any.
    let external: (any ExternalOrchestrator)?

    /// The engine the scenario plays against.
    var orchestrator: any ScenarioOrchestrator {
        external ?? EmbeddedOrchestrator(world: self)
    }

    /// OrchLab's own engine of the moment. Only plays against it ask: kills and chaos are
    /// refused for an external orchestrator before any world is built.
    var engine: Engine { ownEngine.engine }
    var registered: RegisteredCatalogue { ownEngine.registered }
    var killSwitch: EngineKillSwitch { ownEngine.killSwitch }

    /// Whether an engine call just failed because the kill switch fired inside it.
    var engineWasKilled: Bool { embedded?.killSwitch.hasFired ?? false }

    private var ownEngine: WorldEngine {
        guard let embedded else { preconditionFailure("a world served to an external orchestrator has no engine of its own") }
        return embedded
    }

    /// NetBox calls the scenario planned to fail and that have not been called yet.
    var plannedNetBoxFaults: [(operation: NetBoxOperation, call: Int)] = []
    private(set) var processes: [ProcessRecord] = []
    private var processIndex: [String: Int] = [:]
    /// Whether a `fault: kill_engine` action armed the kill switch.
    private(set) var scenarioArmedKill = false
    /// How many times the engine was killed and recovered.
    private(set) var recoveries: [EngineRecovery] = []
    /// Process progress read since the engine last moved (reading a detail parses every step's state).
    private var details: [String: ProcessProgress] = [:]

    /// A world whose scenario plays against `catalogue` in its own engine or, given `external`,
    /// against that orchestrator, which the world is served to.
    init(lab: LabSeed, catalogue: Catalogue, seed: UInt64, external: (any ExternalOrchestrator)? = nil) throws {
        (netbox, fleet) = lab.instantiate()
        (netboxClock, faults) = (VirtualClock(), FaultInjector())
        self.catalogue = catalogue
        self.external = external
        if external == nil {
            let (clock, ids) = (SteppingClock(), IDGenerator(seed: seed))
            embedded = try WorldEngine(Engine(path: ":memory:", clock: clock, ids: ids), clock: clock, ids: ids, catalogue: catalogue,
                                       netbox: NetBoxClient(netbox: netbox, faults: faults, clock: netboxClock), fleet: fleet)
        } else {
            embedded = nil
        }
        (seedObjects, seedState) = (lab.objects, lab.state)
        (interfaceIDs, interfaceNames, initialConfigs) = (lab.interfaceIDs, lab.interfaceNames, lab.initialConfigs)
    }

    /// A world as `checkpoint` saw `origin`, independent of both: what the lab was seeded with is
    /// shared, everything a play changes is a fresh copy. The engine's copy goes into one of
    /// `connections` if given (see `CheckpointConnections`).
    init(restoring checkpoint: WorldCheckpoint, of origin: ScenarioWorld, connections: CheckpointConnections? = nil) throws {
        netbox = NetBox(restoring: checkpoint.netbox, clock: { ScenarioWorld.netboxDate })
        fleet = checkpoint.fleet.copy()
        (netboxClock, faults) = (checkpoint.netboxClock.copy(), checkpoint.faults.copy())
        (catalogue, seedObjects, seedState) = (origin.catalogue, origin.seedObjects, origin.seedState)
        external = nil
        (interfaceIDs, interfaceNames, initialConfigs) = (origin.interfaceIDs, origin.interfaceNames, origin.initialConfigs)
        let (clock, ids) = (checkpoint.clock.copy(), checkpoint.ids.copy())
        let embedded = try WorldEngine(Engine(restoring: checkpoint.engine, clock: clock, ids: ids, connections: connections), clock: clock, ids: ids,
                                       catalogue: catalogue, netbox: NetBoxClient(netbox: netbox, faults: faults, clock: netboxClock),
                                       fleet: fleet, restored: true)
        self.embedded = embedded
        plannedNetBoxFaults = checkpoint.plannedNetBoxFaults
        (processes, processIndex, recoveries) = (checkpoint.processes, checkpoint.processIndex, checkpoint.recoveries)
        if let remaining = checkpoint.killAfterSteps { embedded.killSwitch.arm(afterSteps: remaining) }
        scenarioArmedKill = checkpoint.scenarioArmedKill
    }

    /// What a play changes, as it is now (between actions). Each restore copies it again.
    func checkpoint() throws -> WorldCheckpoint {
        WorldCheckpoint(engine: try engine.checkpoint(), netbox: try netbox.checkpoint(), fleet: fleet.copy(),
                        netboxClock: netboxClock.copy(), faults: faults.copy(), clock: ownEngine.clock.copy(), ids: ownEngine.ids.copy(),
                        plannedNetBoxFaults: plannedNetBoxFaults, processes: processes, processIndex: processIndex,
                        recoveries: recoveries, killAfterSteps: killSwitch.remaining, scenarioArmedKill: scenarioArmedKill)
    }

    /// The client the workflows call NetBox through: shared fault plan and virtual time.
    private var netboxClient: NetBoxClient {
        NetBoxClient(netbox: netbox, faults: faults, clock: netboxClock)
    }

    // MARK: processes

    func process(named name: String) -> ProcessRecord? {
        processIndex[name].map { processes[$0] }
    }

    /// Records a new process under `name`; a later start with the same name takes the name over.
    func add(_ record: ProcessRecord) {
        processIndex[record.name] = processes.count
        processes.append(record)
    }

    func update(_ record: ProcessRecord) {
        guard let index = processIndex[record.name] else { return }
        processes[index] = record
    }

    /// Where a process stands as the engine reports it, read once between engine calls.
    func progress(_ id: String) throws -> ProcessProgress {
        if let cached = details[id] { return cached }
        let progress = try orchestrator.progress(id)
        details[id] = progress
        return progress
    }

    /// Call whenever the engine may have moved a process.
    func forgetProcessDetails() {
        details = [:]
    }

    /// Call when the engine moved only `processID` (between two of its steps).
    func forgetProcessDetails(of processID: String) {
        details[processID] = nil
    }

    /// Arms the kill switch on this world's engine store. A kill the scenario arms replaces any
    /// chaos kill not fired yet, for good.
    func killEngine(afterSteps steps: Int, byScenario: Bool = false) {
        killSwitch.arm(afterSteps: steps)
        if byScenario { scenarioArmedKill = true }
    }

    /// Arms a chaos fault that counts from the start of the play, in a world that has already
    /// written `rows` step rows; a kill is dropped where the scenario's own kill replaced it.
    func arm(_ injection: ChaosInjection, afterRows rows: Int = 0) {
        if let steps = injection.killAfterStep, !scenarioArmedKill { killEngine(afterSteps: steps - rows) }
        // A fault the scenario planned on the same call replaced the chaos one when planned.
        if let call = injection.netboxCall, faults.plannedFault(on: call.operation, call: call.call) == nil {
            faults.inject(.timeout(applied: true), on: call.operation, call: call.call)
        }
    }

    // MARK: engine death and recovery

    /// Drops the killed engine, opens a new one on the same store, registers the workflows
    /// again and resumes whatever was running. `processID` is the process the killed call was
    /// for, if known (a kill while confirming an input step leaves nothing running). Returns the
    /// id of the newest process.
    @discardableResult
    func recoverEngine(during processID: String? = nil) throws -> String? {
        forgetProcessDetails()
        try ownEngine.restart(catalogue: catalogue, netbox: netboxClient, fleet: fleet)
        let engine = ownEngine.engine
        if let interrupted = try engine.processes(status: [.created, .running, .resumed]).first {
            let step = try engine.nextStep(interrupted.processID)
            recoveries.append(EngineRecovery(processID: interrupted.processID, step: step))
        } else {
            let step = try processID.flatMap { try engine.processStatus($0).lastStep }
            recoveries.append(EngineRecovery(processID: processID, step: step.map { "\($0) (its confirmation)" }))
        }
        try engine.recoverInterrupted()
        return try engine.processes().last?.processID
    }

    // MARK: faults

    /// Plans NetBox calls to fail, counted from now.
    func planNetBoxFault(_ fault: NetBoxFault, on operation: NetBoxOperation, occurrence: Int, times: Int) {
        let first = faults.callCount(operation) + occurrence
        for call in first..<(first + max(1, times)) {
            faults.inject(fault, on: operation, call: call)
            plannedNetBoxFaults.append((operation, call))
        }
    }

    /// Cancels planned NetBox faults not yet reached (a zero delay answers normally).
    func clearNetBoxFaults() {
        for planned in plannedNetBoxFaults where planned.call > faults.callCount(planned.operation) {
            faults.inject(.delay(.zero), on: planned.operation, call: planned.call)
        }
        plannedNetBoxFaults = []
    }
}

/// What a play changed in its world at one moment between actions; see `ScenarioWorld.checkpoint()`.
struct WorldCheckpoint: @unchecked Sendable {
    // The classes here (fleet, clocks, ids, faults) are private copies, only ever copied again.
    let engine: EngineCheckpoint
    let netbox: NetBoxCheckpoint
    let fleet: Fleet
    let netboxClock: VirtualClock
    let faults: FaultInjector
    let clock: SteppingClock
    let ids: IDGenerator
    let plannedNetBoxFaults: [(operation: NetBoxOperation, call: Int)]
    let processes: [ProcessRecord]
    let processIndex: [String: Int]
    let recoveries: [EngineRecovery]
    /// Step rows until a kill armed by the scenario fires, if one is armed.
    let killAfterSteps: Int?
    let scenarioArmedKill: Bool
}

/// A process the scenario started, by its `as:` name.
struct ProcessRecord {
    let name: String
    let workflow: String
    var processID: String?
    /// Where the engine said the process stopped after the play's last call on it; nil when
    /// unknown (read it from the engine).
    var status: ProcessStatus?
    var subscriptionID: String?
    /// The validation or start error when the engine refused the start.
    var refusal: String?
    /// Why the simulated engineer could not finish an input step (a router refused the paste).
    var engineerNote: String?
}

/// One kill of the engine: the process that was running and the step it died in.
struct EngineRecovery {
    let processID: String?
    let step: String?
}

/// The ids of NetBox's prefixes, addresses and cables at one moment.
struct NetBoxObjectIDs {
    let prefixes: Set<Int>
    let addresses: Set<Int>
    let cables: Set<Int>

    init(_ netbox: NetBox) throws {
        prefixes = Set(try netbox.prefixes(["limit": "0"]).results.map(\.id))
        addresses = Set(try netbox.ipAddresses(["limit": "0"]).results.map(\.id))
        cables = Set(try netbox.cables(["limit": "0"]).results.map(\.id))
    }
}
