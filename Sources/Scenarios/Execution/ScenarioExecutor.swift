import NetBoxSim
import RouterSim
import WorkflowEngine
import Workshop

/// The real scenario execution: each scenario in its own world (see `ScenarioWorld`), actions
/// played in order, assertions evaluated where they stand, and the result filled as
/// `ScenarioExecution` describes.
///
///     let executor = ScenarioExecutor()
///     let exit = ScenarioRunner.run(options, execution: executor.execution, console: .standardOutput())
///
/// Thread-safe: the only state shared between scenarios is the compiled-topology cache.
public struct ScenarioExecutor: Sendable {
    /// Ids are seeded with this unless the scenario names a `seed`.
    public static let defaultSeed: UInt64 = 1

    public let topologies: TopologyCache
    /// The workshop workflows a scenario's `workflows:` stands for; tests swap in variants
    /// (e.g. the router-wide metric template) to show what a scenario catches.
    public let workflowSets: @Sendable (WorkflowSet) -> Workshop.WorkflowSet

    /// Workflows registered in every world besides the set's.
    public let extraWorkflows: ExtraWorkflows

    public init(topologies: TopologyCache = TopologyCache(),
                workflowSets: @escaping @Sendable (WorkflowSet) -> Workshop.WorkflowSet = ScenarioExecutor.standardSet,
                extraWorkflows: @escaping ExtraWorkflows = { _, _ in [] }) {
        self.topologies = topologies
        self.workflowSets = workflowSets
        self.extraWorkflows = extraWorkflows
    }

    public static func standardSet(_ set: WorkflowSet) -> Workshop.WorkflowSet {
        switch set {
        case .reference: .reference
        case .starter: .starter
        }
    }

    /// This executor as the runner takes it.
    public var execution: ScenarioExecution {
        let executor = self
        return { executor.execute($0) }
    }

    public func execute(_ scenario: Scenario) -> ScenarioResult {
        play(scenario, injection: nil).result
    }

    /// Plays `scenario`, optionally with a chaos fault armed from the start.
    func play(_ scenario: Scenario, injection: ChaosInjection?) -> PlayedScenario {
        var result = ScenarioResult(scenario: scenario)
        let world: ScenarioWorld
        do {
            let topology = try topologies.topology(at: scenario.topologyPath)
            world = try ScenarioWorld(topology: topology, workflowSet: workflowSets(scenario.workflows),
                                  extraWorkflows: extraWorkflows,
                                      seed: scenario.seed ?? Self.defaultSeed)
        } catch {
            result.error = "cannot build the lab from \(scenario.topologyPath): \(error)"
            return PlayedScenario(result: result, world: nil)
        }
        let play = ScenarioPlay(scenario: scenario, world: world, injection: injection)
        play.run()
        return PlayedScenario(result: play.result, world: world)
    }
}

/// Makes workflows that talk to a world's NetBox (through the fault-injecting client) and fleet.
public typealias ExtraWorkflows = @Sendable (NetBoxClient, Fleet) -> [Workflow]

/// A played scenario and the world it left, for chaos comparisons.
struct PlayedScenario {
    let result: ScenarioResult
    let world: ScenarioWorld?
}
