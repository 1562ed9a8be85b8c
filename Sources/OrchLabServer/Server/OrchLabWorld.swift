import Catalogues
import Foundation
import NetBoxSim
import RouterSim
import SQLite
import Topology
import WorkflowEngine

/// Everything the server serves, opened on one SQLite file: the engine's processes and
/// subscriptions, the simulated NetBox (its `netbox_*` tables) and the lab journal that rebuilds
/// the router fleet (its `orchlab_lab_*` tables), each through its own connection and touching
/// only its own tables. Reopening the file resumes where the last run stopped.
public final class OrchLabWorld: Sendable {
    public let engine: Engine
    public let lab: Lab
    public let catalogue: RegisteredCatalogue
    let labControl: LabControl
    /// Held for the world's lifetime: a second world (or process) on the same file is refused.
    private let writerLock: WriterLock?

    /// `databasePath` `:memory:` keeps everything in memory (tests). A new file is seeded from
    /// `topology`; a file from an earlier run keeps its NetBox objects and replays its lab journal.
    /// A file another live world (in any process) holds throws `DatabaseInUseError` before
    /// anything is opened.
    public init(topology: CompiledTopology, databasePath: String, catalogue: Catalogue,
                clock: any EngineClock = SystemClock(), ids: IDGenerator = .random()) throws {
        let inMemory = databasePath.isEmpty || databasePath == ":memory:"
        writerLock = inMemory ? nil : try WriterLock(databasePath: databasePath)
        engine = try Engine(path: databasePath, clock: clock, ids: ids)
        lab = try Lab(topology, netboxPath: inMemory ? nil : databasePath, clock: { clock.now() })
        self.catalogue = try catalogue.register(into: engine, netbox: lab.client(actor: "orchlab"), fleet: lab.fleet)
        // The lab journal has its own tables and connection: the engine's tables are the engine's alone.
        labControl = try LabControl(fleet: lab.fleet, database: Database(path: databasePath))
        // A process the last run was executing when it stopped goes on from its last committed step.
        try engine.recoverInterrupted()
    }
}
