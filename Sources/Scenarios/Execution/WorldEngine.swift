import Catalogues
import NetBoxSim
import RouterSim
import WorkflowEngine

/// OrchLab's own engine in a scenario's world: an in-memory store with seeded ids and a stepping
/// clock, the engine of the moment on it and the scenario's catalogue registered in that engine.
/// A kill replaces the engine; the store, clock and ids carry on, as they would across a restart.
///
/// Used by one thread, for one scenario.
final class WorldEngine {
    let clock: SteppingClock
    let ids: IDGenerator
    let killSwitch: EngineKillSwitch
    private(set) var engine: Engine
    private(set) var registered: RegisteredCatalogue

    /// `engine` (a new one, or one `restored` from a checkpoint, whose store holds the catalogue
    /// already) with `catalogue` registered, its workflows calling `netbox` and `fleet`.
    init(_ engine: Engine, clock: SteppingClock, ids: IDGenerator, catalogue: Catalogue, netbox: NetBoxClient, fleet: Fleet,
         restored: Bool = false) throws {
        (self.engine, self.clock, self.ids) = (engine, clock, ids)
        killSwitch = EngineKillSwitch(store: engine.store)
        registered = try catalogue.register(into: engine, netbox: netbox, fleet: fleet, stored: restored)
    }

    /// Drops the killed engine and opens a new one on the same store, with the catalogue
    /// registered again; what it left running is still to recover.
    func restart(catalogue: Catalogue, netbox: NetBoxClient, fleet: Fleet) throws {
        try killSwitch.revive()
        engine = try Engine(store: engine.store, clock: clock, ids: ids)
        registered = try catalogue.register(into: engine, netbox: netbox, fleet: fleet, stored: true)
    }
}
