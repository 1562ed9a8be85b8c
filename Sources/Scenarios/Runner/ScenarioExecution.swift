/// Runs one scenario in its own world and reports what happened. The runner calls it from
/// several threads at once, one scenario per call; it must not share mutable state between calls.
///
/// The scenario's `workflows` is already the set to run (the runner applies `--workflows`).
public typealias ScenarioExecution = @Sendable (Scenario) -> ScenarioResult
