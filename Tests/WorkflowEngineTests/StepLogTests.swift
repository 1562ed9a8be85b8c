import Testing
import WorkflowEngine
import WorkflowEngineTesting

/// The cheap reads a runner makes between engine calls: they agree with the full process detail.
@Suite struct StepLogTests {
    @Test func theStepLogMatchesTheProcessDetailWithoutItsStates() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let created = try #require(try engine.processes(workflow: "create_node").first?.processID)
        let detail = try engine.process(created)
        #expect(try engine.stepLog(created).map(\.name) == detail.executedSteps.map(\.name))
        #expect(try engine.stepLog(created).map(\.status) == detail.executedSteps.map(\.status))
        #expect(try engine.stepLog(created).allSatisfy { $0.error == nil })
        #expect(try engine.subscriptionIDs(ofProcess: created) == detail.subscriptions)
        #expect(try engine.subscriptionIDs(ofProcess: "no-such-process").isEmpty)
        #expect(try engine.subscriptionStatuses().map(\.id) == [id])
        #expect(try engine.subscriptionStatuses().map(\.status) == ["active"])
    }

    @Test func aFailedRowCarriesItsError() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "fails") {
            step("Break") { _ in throw TestFailure("the step broke") }
            doneStep
        }
        let outcome = try engine.start("fails", inputs: [[:]])
        #expect(outcome.status == .failed)
        let last = try #require(try engine.stepLog(outcome.processID).last)
        #expect(last.name == "Break" && last.status == .failed)
        #expect(last.error?.contains("the step broke") == true)
    }
}

private struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
