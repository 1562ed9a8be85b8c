import Catalogues
@testable import Scenarios

/// Test-only stand-ins for the real scenario execution: they never touch a workflow engine,
/// NetBox or routers. Each fills a result the way the real execution will, from rules given by
/// the test.
enum FakeExecution {
    /// Catalogues named as the repository's, with nothing in them: the fakes never register any.
    static let catalogues = try! CatalogueRegistry([
        Catalogue(name: "reference", products: []) { _ in [] }, Catalogue(name: "starter", products: []) { _ in [] },
    ])

    /// Every start completes, every assertion passes unless its name is in `failing`.
    static func passing(except failing: Set<String> = [], snapshot: @escaping @Sendable (Scenario) -> [SnapshotSection] = { _ in [] })
        -> ScenarioExecution {
        { scenario in
            result(for: scenario, snapshot: snapshot(scenario)) { assertion in !failing.contains(assertion.name) }
        }
    }

    /// Assertions pass only with the reference workflows: how graders tell the sets apart.
    static func referenceOnly() -> ScenarioExecution {
        { scenario in result(for: scenario) { _ in scenario.workflows == "reference" } }
    }

    static func result(for scenario: Scenario, snapshot: [SnapshotSection] = [], passes: (Assertion) -> Bool) -> ScenarioResult {
        var result = ScenarioResult(scenario: scenario)
        for action in scenario.actions {
            switch action.kind {
            case .start(let start):
                let expected = start.expect ?? ExpectedOutcome(.completed)
                result.actions.append(ActionResult(action: action, status: expected.status == .completed ? .passed : .failed,
                                                   process: start.name, expected: expected.description, actual: "completed"))
                result.processes.append(ProcessTimeline(
                    name: start.name ?? start.workflow, workflow: start.workflow, outcome: .completed,
                    steps: [StepRecord(name: "Start", status: "success"), StepRecord(name: "Done", status: "complete")]))
            case .assert(let assertion):
                let passed = passes(assertion)
                result.assertions.append(AssertionResult(assertion: assertion, passed: passed,
                                                         actual: passed ? "as expected" : "planned"))
            default:
                result.actions.append(ActionResult(action: action, status: .passed))
            }
        }
        result.snapshot = snapshot
        return result
    }
}
