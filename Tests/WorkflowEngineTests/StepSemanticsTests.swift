import Synchronization
import Testing
import WorkflowEngine
import WorkflowEngineTesting

/// A step that fails the first `failures` times it runs.
final class Flaky: Sendable {
    let remaining: Mutex<Int>
    init(failures: Int) { remaining = Mutex(failures) }
    func run() throws {
        try remaining.withLock { count in
            if count > 0 {
                count -= 1
                throw FlakyError(message: "router unreachable")
            }
        }
    }
}

struct FlakyError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

@Suite struct StepSemanticsTests {
    @Test func conditionalStepsAreLoggedSkippedWithStateUnchanged() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "conditional") {
            step("Set mode") { _ in ["mode": "fast"] }
            conditional({ $0["mode"] == "slow" }) {
                step("Slow A") { _ in ["slow": true] }
                step("Slow B") { _ in ["slow": true] }
            }
            conditional({ $0["mode"] == "fast" }) { step("Fast") { _ in ["fast": true] } }
            doneStep
        }
        let run = try assertComplete(runWorkflow(engine, "conditional"))
        #expect(run.detail.executedSteps.map(\.status) == [.success, .skipped, .skipped, .success, .complete])
        #expect(run.state["slow"] == nil)
        #expect(run.state["fast"] == true)
        #expect(run.detail.executedSteps[1].stateDelta == [:])
    }

    @Test func stateIsShallowMergedAndKeysAreNeverDeleted() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "merge") {
            step("One") { _ in ["a": ["x": 1, "y": 2], "b": 1] }
            step("Two") { _ in ["a": ["x": 3]] }
            doneStep
        }
        let run = try assertComplete(runWorkflow(engine, "merge"))
        try assertState(run, contains: ["a": ["x": 3], "b": 1, "workflow_name": "merge"])
        #expect(run.detail.executedSteps[1].stateDelta == ["a": ["x": 3]])
    }

    @Test func failedStepIsRetriedFromLastSuccessfulStateAndIdenticalFailuresCountRetries() throws {
        let engine = try makeTestEngine()
        let flaky = Flaky(failures: 2)
        let runs = Mutex(0)
        try registerTestWorkflow(engine, "retry") {
            step("Prepare") { _ in ["prepared": true] }
            step("Configure router") { context in
                runs.withLock { $0 += 1 }
                #expect(try context.state.bool("prepared"))
                try flaky.run()
                return ["configured": true]
            }
            doneStep
        }
        let failed = try assertFailed(runWorkflow(engine, "retry"))
        #expect(extractError(failed) == ["class": "FlakyError", "error": "router unreachable"])
        #expect(failed.detail.failedReason == "router unreachable")
        #expect(try engine.nextStep(failed.processID) == "Configure router")
        let again = try assertFailed(resumeWorkflow(failed))
        let failedRows = again.detail.executedSteps.filter { $0.status == .failed }
        #expect(failedRows.count == 1)
        #expect(failedRows.first?.retries == 1)
        let done = try assertComplete(resumeWorkflow(again))
        #expect(done.stepNames == ["Prepare", "Configure router", "Configure router", "Done"])
        #expect(try engine.nextStep(done.processID) == nil)
        #expect(runs.withLock { $0 } == 3)
    }

    @Test func retryStepMakesProcessWaitingUntilRetried() throws {
        let engine = try makeTestEngine()
        let flaky = Flaky(failures: 1)
        try registerTestWorkflow(engine, "waiting") {
            retryStep("Poll") { _ in try flaky.run(); return ["polled": true] }
            doneStep
        }
        let run = try assertWaiting(runWorkflow(engine, "waiting"))
        #expect(run.detail.executedSteps.last?.status == .waiting)
        let outcomes = try engine.retryWaiting()
        #expect(outcomes.map(\.status) == [.completed])
        #expect(try engine.process(run.processID).lastStatus == .completed)
    }

    @Test func aThrowingStepWritesNothingButItsFailureRow() throws {
        let (engine, node) = try nodeEngine()
        try engine.register(createWorkflow("create_then_fail", "fails after changing the model", initialForm: nodeForm) {
            constructNode
            step("Change and fail") { context in
                var subscription = try context.subscription(NodeModel.self)
                subscription.node.node_name = "changed"
                _ = subscription
                throw FlakyError(message: "boom")
            }
        })
        try engine.register(Product(name: "node 2", description: "n", type: "Node", tag: "NODE",
                                    workflows: ["create_then_fail"], model: NodeModel.self))
        let run = try assertFailed(runWorkflow(engine, "create_then_fail", [["product": "node 2"], ["node_name": "orig"]]))
        let id = try run.state.string("subscription_id")
        #expect(try engine.subscription(NodeModel.self, id: id).node.node_name == "orig")
        #expect(run.detail.executedSteps.map(\.status) == [.success, .success, .failed])
        _ = node
    }

    @Test func resumeValidatesInputBeforeAnythingMoves() throws {
        let (engine, node) = try nodeEngine()
        let run = try assertSuspended(runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc1"]]))
        let before = try engine.process(run.processID).jsonString()
        let error = try #require(throws: FormError.self) {
            try engine.resume(run.processID, inputs: [["confirm_config_put_on_routers": "INCOMPLETE", "typo": 1]])
        }
        #expect(error.validationErrors.map { $0.loc[0] } == ["typo", "confirm_config_put_on_routers"])
        #expect(try engine.process(run.processID).jsonString() == before)
        #expect(run.detail.form?["properties"]?["config"]?["meta"] == ["device": "loc1"])
    }

    @Test func completedAndAbortedProcessesCannotBeResumed() throws {
        let (engine, node) = try nodeEngine()
        let run = try assertSuspended(runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc1"]]))
        let done = try assertComplete(resumeWorkflow(run, [["confirm_config_put_on_routers": "ACCEPTED"]]))
        #expect(throws: EngineError.notResumable(processID: done.processID, status: .completed)) {
            try engine.resume(done.processID, inputs: [[:]])
        }
        #expect(throws: EngineError.cannotAbort(processID: done.processID, status: .completed)) { try engine.abort(done.processID) }
        let other = try assertSuspended(runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc2"]]))
        try engine.abort(other.processID)
        #expect(throws: EngineError.notResumable(processID: other.processID, status: .aborted)) {
            try engine.resume(other.processID)
        }
    }

    @Test func abortRunsCleanupLogsAbortAndResyncsTheSubscription() throws {
        let (engine, node) = try nodeEngine()
        let created = try assertSuspended(runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc1"]]))
        let id = try created.state.string("subscription_id")
        _ = try assertComplete(resumeWorkflow(created, [["confirm_config_put_on_routers": "ACCEPTED"]]))
        try engine.register(modifyWorkflow("modify_with_cleanup", "modify that waits", cleanup: [
            step("Release reservation") { _ in ["released": true] },
        ]) {
            inputStep("Wait for approval") { form in try form.page("Approve") { FormField.accept("approved") }.values }
        })
        try engine.register(Product(name: "node Cisco", description: "Network node", type: "Node", tag: "NODE",
                                    workflows: ["create_node", "modify_with_cleanup"], model: NodeModel.self))
        let modify = try assertSuspended(runWorkflow(engine, "modify_with_cleanup", [["subscription_id": .string(id)]]))
        #expect(try engine.subscription(NodeModel.self, id: id).insync == false)
        let aborted = try engine.abort(modify.processID, user: "jane")
        #expect(aborted.status == .aborted)
        let detail = try engine.process(modify.processID)
        #expect(detail.executedSteps.suffix(2).map(\.name) == ["Release reservation", "User Aborted"])
        #expect(detail.executedSteps.last?.status == .abort)
        #expect(detail.executedSteps.last?.state["__resynced_on_abort"] == [.string(id)])
        #expect(detail.executedSteps.last?.createdBy == "jane")
        #expect(try engine.subscription(NodeModel.self, id: id).insync)
    }

    @Test func callbackStepWaitsForTokenAndStoresResult() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "callback") {
            callbackStep("Provision via LSO", resultKey: "lso_result", action: { context in
                ["route_seen": try context.state.string("callback_route")]
            }, validate: { context in
                ["valid": try context.state.object("lso_result")["ok"] == true]
            })
            doneStep
        }
        let run = try assertAwaitingCallback(runWorkflow(engine, "callback"))
        let token = try run.state.string("__callback_token")
        #expect(try run.state.string("route_seen") == "/api/processes/\(run.processID)/callback/\(token)")
        #expect(throws: EngineError.invalidCallbackToken(processID: run.processID)) {
            try engine.postCallback(processID: run.processID, token: "wrong", result: ["ok": true])
        }
        let outcome = try engine.postCallback(processID: run.processID, token: token, result: ["ok": true])
        #expect(outcome.status == .completed)
        let detail = try engine.process(run.processID)
        #expect(detail.currentState["valid"] == true)
        #expect(detail.executedSteps.map(\.status) == [.success, .awaitingCallback, .success, .success, .complete])
        #expect(throws: EngineError.notAwaitingCallback(processID: run.processID, status: .completed)) {
            try engine.postCallback(processID: run.processID, token: token, result: [:])
        }
    }

    @Test func overdueCallbackFailsTheProcess() throws {
        let clock = SteppingClock()
        let engine = try Engine(path: ":memory:", clock: clock, ids: IDGenerator(seed: 3))
        try registerTestWorkflow(engine, "timeout") {
            callbackStep("Wait", timeoutSeconds: 60, action: { _ in [:] }, validate: { _ in [:] })
            doneStep
        }
        let run = try assertAwaitingCallback(runWorkflow(engine, "timeout"))
        #expect(try engine.expireCallbacks().isEmpty)
        clock.advance(by: 61)
        #expect(try engine.expireCallbacks() == [run.processID])
        let detail = try engine.process(run.processID)
        #expect(detail.lastStatus == .failed)
        #expect(detail.failedReason?.hasPrefix("Callback did not arrive before") == true)
    }

    /// As the reference re-runs the whole callback group: a retry runs the action again and
    /// waits on a new token; the old one is refused.
    @Test func retryingAnOverdueCallbackIssuesANewToken() throws {
        let clock = SteppingClock()
        let engine = try Engine(path: ":memory:", clock: clock, ids: IDGenerator(seed: 3))
        let actions = Mutex(0)
        try registerTestWorkflow(engine, "timeout") {
            callbackStep("Wait", timeoutSeconds: 60, action: { _ in
                actions.withLock { $0 += 1 }
                return [:]
            }, validate: { _ in [:] })
            doneStep
        }
        let run = try assertAwaitingCallback(runWorkflow(engine, "timeout"))
        let oldToken = try run.state.string("__callback_token")
        clock.advance(by: 61)
        #expect(try engine.expireCallbacks() == [run.processID])

        #expect(try engine.retry(run.processID).status == .awaitingCallback)
        let newToken = try engine.process(run.processID).currentState["__callback_token"]?.stringValue
        #expect(newToken != nil && newToken != oldToken && actions.withLock { $0 } == 2)
        #expect(throws: EngineError.invalidCallbackToken(processID: run.processID)) {
            try engine.postCallback(processID: run.processID, token: oldToken, result: [:])
        }
        #expect(try engine.postCallback(processID: run.processID, token: newToken ?? "", result: [:]).status == .completed)
    }
}
