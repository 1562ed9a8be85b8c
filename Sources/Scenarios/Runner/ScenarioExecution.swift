/// Runs one scenario in its own world and reports what happened. The runner calls it from
/// several threads at once, one scenario per call; it must not share mutable state between calls.
///
/// The scenario's `workflows` is already the set to run (the runner applies `--workflows` and
/// `orchlab grade` applies the graded set). An execution starts from `ScenarioResult(scenario:)`
/// and fills, in action order:
/// - `actions`: one `ActionResult` per non-assert action; `expected`/`actual` for `expect:`
///   (`ExpectedOutcome.isMet(by:message:)` decides), `.notRun` when an earlier failure makes it
///   impossible (its process was refused), `.failed` with `message` when it could not be done
///   (an unresolved `${…}`: `ScenarioValue.resolved(result:interface:)` names it);
/// - `assertions`: one `AssertionResult` per `assert:`, evaluated on the world as it is at that
///   point, also after earlier failures (`ConfigCheck`, `PathCheck`, `ProcessCheck` have
///   `evaluate`; `Assertion.expectation` words the expected side);
/// - `processes`, `configDiffs` (every router, before → after), `topology`;
/// - `snapshot`: canonical text sections, conventionally `subscriptions`, `netbox`,
///   `running configs` and `routing`, each with a `### <name>` line before every subscription,
///   object or router so snapshot diffs can name what changed; ids must be seeded to be stable;
/// - `error`, only when the scenario could not be played to its end (lab failed to load).
public typealias ScenarioExecution = @Sendable (Scenario) -> ScenarioResult
