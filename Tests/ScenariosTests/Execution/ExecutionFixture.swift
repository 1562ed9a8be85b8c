import Catalogues
import Foundation
import NetBoxSim
import RouterSim
import WorkflowEngine
@testable import Scenarios
import WorkshopReference

/// Scenarios written inline against the repository's real workshop lab, played by the real
/// execution. One topology cache for all tests: compiling the lab is the slow part.
enum ExecutionFixture {
    static let topologies = TopologyCache()
    /// The repository's catalogues: `reference` (the default) and `starter`.
    static let catalogues = try! CatalogueRegistry(WorkshopReference.catalogues)
    static let executor = ScenarioExecutor(catalogues: catalogues, topologies: topologies)
    static let scenarioFile = SchemaSyncTests.packageRoot.appendingPathComponent("Scenarios/inline-test.yaml").path

    /// A scenario from its `actions:` lines (indented two spaces, as in a file).
    static func scenario(_ actions: String, name: String = "inline", workflows: String = "reference") throws -> Scenario {
        let yaml = "name: \(name)\ntopology: workshop\nworkflows: \(workflows)\nactions:\n" + actions
        return try ScenarioParser().parse(yaml: yaml, file: scenarioFile)
    }

    static func run(_ actions: String, executor: ScenarioExecutor = executor) throws -> ScenarioResult {
        executor.execute(try scenario(actions))
    }

    /// Plays and keeps the world, to look inside it.
    static func play(_ actions: String, executor: ScenarioExecutor = executor) throws -> PlayedScenario {
        executor.play(try scenario(actions), injection: nil)
    }

    /// Two enrolled nodes, loc1 and loc2.
    static let twoNodes = """
      - start: create_node
        as: loc1
        form: {select_device_choice: loc1-core}
      - start: create_node
        as: loc2
        form: {select_device_choice: loc2-core}

    """

    /// A circuit c12 between them on loc1 1/1/c2/1 and loc2 1/1/c1/1, with extra lines for the start.
    static func circuit(_ extra: String = "") -> String {
        """
          - start: create_circuit
            as: c12
            form:
              - router_a: loc1-core
              - router_b: loc2-core
              - a_port: 1/1/c2/1
                b_port: 1/1/c1/1
        \(extra)

        """
    }

    /// A task that allocates a /127 from the circuit pool each time it runs, without looking for
    /// the one an interrupted run already made: the non-idempotent step chaos must find.
    static let leakyCatalogues = catalogues.replacing(WorkshopReference.catalogue().adding { services in
        let client = services.netbox
        return [workflow("leaky_task", "Allocate a prefix, carelessly", target: .system, isTask: true) {
            startStep
            step("Allocate a /127 without looking") { context in
                let prefix = try client.acting(as: "\(context.processID)/\(context.stepName)")
                    .allocatePrefix(in: 3, length: 127, description: "leaky")
                return ["prefix": prefix.prefix.description]
            }
            doneStep
        }]
    })
}
