import Foundation
import WorkflowEngine

/// A process under test: where a run stopped, with the full process record.
public struct WorkflowRun: Sendable {
    public let engine: Engine
    public let processID: String
    public let detail: ProcessDetail

    public var status: ProcessStatus { detail.lastStatus }
    /// The state after the last successful step (or of the pending input step).
    public var state: State { State(detail.currentState.objectValue ?? [:]) }
    /// Names of the executed steps, in order.
    public var stepNames: [String] { detail.executedSteps.map(\.name) }
}

/// An in-memory engine with a stepping clock and seeded ids, so tests are deterministic.
public func makeTestEngine(seed: UInt64 = 1, path: String = ":memory:") throws -> Engine {
    try Engine(path: path, clock: SteppingClock(), ids: IDGenerator(seed: seed))
}

/// Registers an ad-hoc workflow for a test (a task: no standard first page, so `[{}]` starts it).
@discardableResult
public func registerTestWorkflow(_ engine: Engine, _ name: String, target: Target = .system, initialForm: Form? = nil,
                                 cleanup: StepList = [], @StepListBuilder steps: () -> StepList) throws -> Workflow {
    let workflow = Workflow(name: name, description: "test workflow \(name)", target: target, initialForm: initialForm,
                            cleanup: cleanup, isTask: target == .system, steps: steps())
    try engine.register(workflow)
    return workflow
}

/// Starts `workflow` with the given pages (default: one empty page) and runs it until it stops.
public func runWorkflow(_ engine: Engine, _ workflow: String, _ inputs: [JSON] = [[:]], user: String = "john.doe") throws -> WorkflowRun {
    let outcome = try engine.start(workflow, inputs: inputs, user: user)
    return try WorkflowRun(engine: engine, processID: outcome.processID, detail: engine.process(outcome.processID))
}

/// Resumes (or retries, with no input) the process and runs it until it stops again.
public func resumeWorkflow(_ run: WorkflowRun, _ inputs: [JSON] = [], user: String = "john.doe") throws -> WorkflowRun {
    let outcome = try run.engine.resume(run.processID, inputs: inputs, user: user)
    return try WorkflowRun(engine: run.engine, processID: outcome.processID, detail: run.engine.process(outcome.processID))
}

/// The state after the last successful step.
public func extractState(_ run: WorkflowRun) -> State { run.state }

/// The error recorded by the last failed or waiting step (`class`, `error`, `details`), or nil.
public func extractError(_ run: WorkflowRun) -> JSON? {
    run.detail.executedSteps.last { $0.status == .failed || $0.status == .waiting }?.state
}

@discardableResult public func assertComplete(_ run: WorkflowRun) throws -> WorkflowRun { try expect(run, .completed) }
@discardableResult public func assertSuspended(_ run: WorkflowRun) throws -> WorkflowRun { try expect(run, .suspended) }
@discardableResult public func assertWaiting(_ run: WorkflowRun) throws -> WorkflowRun { try expect(run, .waiting) }
@discardableResult public func assertFailed(_ run: WorkflowRun) throws -> WorkflowRun { try expect(run, .failed) }
@discardableResult public func assertAborted(_ run: WorkflowRun) throws -> WorkflowRun { try expect(run, .aborted) }
@discardableResult public func assertAwaitingCallback(_ run: WorkflowRun) throws -> WorkflowRun { try expect(run, .awaitingCallback) }

/// Checks that the state contains every key of `subset` with the same value.
public func assertState(_ run: WorkflowRun, contains subset: [String: JSON]) throws {
    for (key, value) in subset.sorted(by: { $0.key < $1.key }) where run.state[key] != value {
        throw WorkflowTestError(description: "state[\(key)] is \(run.state[key]?.serialized() ?? "missing"), expected \(value.serialized())")
    }
}

private func expect(_ run: WorkflowRun, _ status: ProcessStatus) throws -> WorkflowRun {
    guard run.status == status else {
        var message = "process \(run.processID) (\(run.detail.workflowName)) is \(run.status.rawValue), expected \(status.rawValue); "
            + "last step: \(run.detail.lastStep ?? "none")"
        if let error = extractError(run) { message += "; error: \(error.serialized())" }
        throw WorkflowTestError(description: message)
    }
    return run
}
