import Catalogues
import Foundation
import NetBoxSim
import RouterSim
import Topology
import WorkflowEngine

/// Everything the server serves, opened on one SQLite file: the engine's processes and
/// subscriptions, the simulated NetBox (its `netbox_*` tables) and the lab journal that rebuilds
/// the router fleet. Reopening the file resumes where the last run stopped.
public final class OrchLabWorld: Sendable {
    public let engine: Engine
    public let lab: Lab
    public let catalogue: RegisteredCatalogue
    let labControl: LabControl

    /// `databasePath` `:memory:` keeps everything in memory (tests). A new file is seeded from
    /// `topology`; a file from an earlier run keeps its NetBox objects and replays its lab journal.
    public init(topology: CompiledTopology, databasePath: String, catalogue: Catalogue,
                clock: any EngineClock = SystemClock(), ids: IDGenerator = .random()) throws {
        engine = try Engine(path: databasePath, clock: clock, ids: ids)
        let inMemory = databasePath.isEmpty || databasePath == ":memory:"
        lab = try Lab(topology, netboxPath: inMemory ? nil : databasePath, clock: { clock.now() })
        self.catalogue = try catalogue.register(into: engine, netbox: lab.client(actor: "orchlab"), fleet: lab.fleet)
        labControl = try LabControl(fleet: lab.fleet, database: engine.database)
        // A process the last run was executing when it stopped goes on from its last committed step.
        try engine.recoverInterrupted()
    }
}
