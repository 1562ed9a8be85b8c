import Foundation
import NetBoxSim
import RouterSim
import Topology
import WorkflowEngine
import Workshop

/// Everything the server serves, opened on one SQLite file: the engine's processes and
/// subscriptions, the simulated NetBox (its `netbox_*` tables) and the lab journal that rebuilds
/// the router fleet. Reopening the file resumes where the last run stopped.
public final class OrchLabWorld: Sendable {
    public let engine: Engine
    public let lab: Lab
    public let products: RegisteredProducts
    let labControl: LabControl

    /// `databasePath` `:memory:` keeps everything in memory (tests). A new file is seeded from
    /// `topology`; a file from an earlier run keeps its NetBox objects and replays its lab journal.
    public init(topology: CompiledTopology, databasePath: String, workflows: WorkflowSet,
                clock: any EngineClock = SystemClock(), ids: IDGenerator = .random()) throws {
        engine = try Engine(path: databasePath, clock: clock, ids: ids)
        let inMemory = databasePath.isEmpty || databasePath == ":memory:"
        lab = try Lab(topology, netboxPath: inMemory ? nil : databasePath, clock: { clock.now() })
        products = try workflows.register(into: engine, netbox: lab.client(actor: "orchlab"), fleet: lab.fleet)
        labControl = try LabControl(fleet: lab.fleet, database: engine.database)
        // A process the last run was executing when it stopped goes on from its last committed step.
        try engine.recoverInterrupted()
    }
}
