import NetBoxSim
import RouterSim
import WorkflowEngine
import Catalogues

/// The real scenario execution: each scenario in its own world (see `ScenarioWorld`) with its
/// catalogue registered, actions played in order, assertions evaluated where they stand, and the
/// result filled as `ScenarioExecution` describes.
///
///     let executor = ScenarioExecutor(catalogues: try CatalogueRegistry([myCatalogue]))
///     let exit = ScenarioRunner.run(options, catalogues: executor.catalogues, execution: executor.execution, console: .standardOutput())
///
/// Thread-safe: the only state shared between scenarios is the compiled-topology cache.
public struct ScenarioExecutor: Sendable {
    /// Ids are seeded with this unless the scenario names a `seed`.
    public static let defaultSeed: UInt64 = 1

    public let catalogues: CatalogueRegistry
    public let topologies: TopologyCache
    /// Plays every scenario against this orchestrator instead of the scenario's catalogue; its
    /// scenarios must run one at a time (`RunOptions.external`).
    public let external: (any ExternalOrchestrator)?

    public init(catalogues: CatalogueRegistry, topologies: TopologyCache = TopologyCache(),
                external: (any ExternalOrchestrator)? = nil) {
        self.catalogues = catalogues
        self.topologies = topologies
        self.external = external
    }

    /// This executor as the runner takes it.
    public var execution: ScenarioExecution {
        let executor = self
        return { executor.execute($0) }
    }

    public func execute(_ scenario: Scenario) -> ScenarioResult {
        play(scenario, injection: nil).result
    }

    /// Plays `scenario`, optionally with a chaos fault armed from the start; `retrying` (by
    /// default: under chaos) makes the play retry failed processes; `atPoint` sees the play at
    /// each point it can be resumed from (chaos checkpoints, see `PlayPoint`).
    func play(_ scenario: Scenario, injection: ChaosInjection?, retrying: Bool? = nil,
              atPoint: ((ScenarioPlay, PlayPoint) -> Void)? = nil) -> PlayedScenario {
        var scenario = scenario
        let name = external?.name ?? scenario.workflows ?? catalogues.defaultCatalogue.name
        scenario.workflows = name
        var result = ScenarioResult(scenario: scenario)
        let world: ScenarioWorld
        do {
            let catalogue = try external.map { Catalogue(name: $0.name, products: [], engineer: $0.engineer) { _ in [] } }
                ?? catalogues.require(name)
            world = try ScenarioWorld(lab: topologies.labSeed(at: scenario.topologyPath), catalogue: catalogue, seed: scenario.seed ?? Self.defaultSeed, external: external)
        } catch let error as CatalogueError {
            result.error = error.description
            return PlayedScenario(result: result, world: nil)
        } catch {
            result.error = "cannot build the lab from \(scenario.topologyPath): \(error)"
            return PlayedScenario(result: result, world: nil)
        }
        do {
            try external?.attach(netbox: world.netbox, fleet: world.fleet, faults: world.faults)
        } catch {
            result.error = "cannot prepare \(name) for the scenario: \(error)"
            return PlayedScenario(result: result, world: nil)
        }
        let play = ScenarioPlay(scenario: scenario, world: world, injection: injection, retrying: retrying)
        if let injection { world.arm(injection) }
        if let atPoint {
            play.atPoint = { [unowned play] point in
                atPoint(play, point)
                return false
            }
        }
        play.run()
        return PlayedScenario(result: play.result, world: world, wouldRetry: play.wouldRetry)
    }
}

/// A played scenario and the world it left, for chaos comparisons.
struct PlayedScenario {
    let result: ScenarioResult
    let world: ScenarioWorld?
    /// The play passed a point where a chaos play would have retried (see `ScenarioPlay.mayRetry`).
    var wouldRetry = false
}
