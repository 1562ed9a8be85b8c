import SQLite
import Synchronization
import Testing
import WorkflowEngine
import WorkflowEngineTesting

@Suite struct EngineAPITests {
    @Test func listsWorkflowsProductsAndFiltersProcesses() throws {
        let (engine, node) = try nodeEngine()
        let names = engine.workflows().map(\.name)
        #expect(names.contains("create_node") && names == names.sorted())
        #expect(engine.workflows().first { $0.name == "modify_node" }?.steps.prefix(3) == ["Start", "Create Process Subscription relation", "Lock subscription"])
        #expect(engine.products().map(\.snapshot.name) == ["circuit 100G", "node Cisco"])
        #expect(try engine.product("circuit 100G").fixedInputs == ["speed": "100G"])
        let id = try activeNode(engine, node, name: "loc1")
        _ = try engine.start("modify_node_with_approval", json: #"[{"subscription_id": "\#(id)"}]"#)
        #expect(try engine.processes(status: [.suspended]).map(\.workflowName) == ["modify_node_with_approval"])
        #expect(try engine.processes(workflow: "create_node").map(\.lastStatus) == [.completed])
        #expect(try engine.processes().count == 2)
        let options = try engine.subscriptionWorkflows(id)
        #expect(options.options(.create).map(\.name) == ["create_node"])
    }

    @Test func processDetailReportsPendingStepsAndTheFormWhileSuspended() throws {
        let (engine, node) = try nodeEngine()
        let run = try runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc1"]])
        let pending = run.detail.steps.filter { $0.status == .pending }.map(\.name)
        #expect(pending == ["Confirm config", "Assign loopbacks", "Set subscription to 'active'", "Unlock subscription", "Done"])
        #expect(try engine.nextStep(run.processID) == "Confirm config")
        #expect(run.detail.form?["title"] == "Put the config on the router")
        let input = try #require(try engine.pendingInput(run.processID))
        #expect(input.form == run.detail.form && input.step == "Confirm config" && input.step == run.detail.lastStep)
        #expect(run.detail.assignee == "SYSTEM")
        #expect(run.detail.subscriptions == [try run.state.string("subscription_id")])
        #expect(run.detail.currentState["subscription"]?["status"] == "provisioning")
        let construct = try #require(run.detail.steps.first { $0.name == "Construct Node model" })
        #expect(construct.stateDelta["subscription_id"] != nil)
        #expect(construct.stateDelta["process_id"] == nil)
    }

    /// While a process runs, its row is not rewritten per step; reads must still show the step
    /// it last finished and when, in the detail and in both listings.
    @Test func aRunningProcessReportsTheStepItLastFinished() throws {
        let engine = try makeTestEngine()
        let seen = Mutex<[String]>([])
        try registerTestWorkflow(engine, "observed") {
            step("First") { _ in ["a": 1] }
            step("Second") { _ in ["b": 2] }
            step("Look") { context in
                let detail = try engine.process(context.processID)
                let listed = try engine.processes().first { $0.processID == context.processID }
                let row = try engine.processList().first { $0["process_id"] == .string(context.processID) }
                let finished = try #require(detail.steps.last { $0.status == .success })
                seen.withLock {
                    $0 = [detail.lastStatus.rawValue, detail.lastStep ?? "-", listed?.lastStep ?? "-",
                          row?["last_step"]?.stringValue ?? "-",
                          detail.lastModifiedAt == finished.completed ? "modified at its end" : "modified \(detail.lastModifiedAt)"]
                }
                return [:]
            }
            doneStep
        }
        let run = try assertComplete(runWorkflow(engine, "observed"))
        #expect(try engine.pendingInput(run.processID) == nil)
        #expect(seen.withLock { $0 } == ["running", "Second", "Second", "Second", "modified at its end"])
        #expect(run.detail.lastStep == "Done")
    }

    @Test func multiPageInputStepReplaysEarlierPages() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "two_pages") {
            inputStep("Choose") { form in
                let first = try form.page("Side A") { FormField.choice("a", options: ["x", "y"]) }
                let a = try first.string("a")
                let second = try form.page("Side B") { FormField.choice("b", options: [Choice(a == "x" ? "y" : "x")]) }
                return first.values.merging(second.values) { $1 }
            }
            doneStep
        }
        let run = try assertSuspended(runWorkflow(engine, "two_pages"))
        let error = try #require(throws: FormError.self) { try engine.resume(run.processID, inputs: [["a": "x"]]) }
        guard case .notComplete(let next) = error else { Issue.record("expected the second page"); return }
        #expect(next.form["properties"]?["b"]?["enum"] == ["y"])
        let done = try assertComplete(resumeWorkflow(run, [["a": "x"], ["b": "y"]]))
        try assertState(done, contains: ["a": "x", "b": "y"])
    }

    @Test func statementObserverSeesEveryStatementUntilRemoved() throws {
        let database = try Database()
        let seen = Mutex<[String]>([])
        database.statementObserver = { sql in seen.withLock { $0.append(sql) } }
        try database.execute("CREATE TABLE t (x INTEGER)")
        try database.run("INSERT INTO t (x) VALUES (?)", [1])
        _ = try database.query("SELECT x FROM t") { $0.int(0) }
        database.statementObserver = nil
        try database.run("INSERT INTO t (x) VALUES (?)", [2])
        #expect(seen.withLock { $0 } == ["CREATE TABLE t (x INTEGER)", "INSERT INTO t (x) VALUES (?)", "SELECT x FROM t"])
    }

    @Test func assertionsExplainAnUnexpectedStatus() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "fails") { step("Explode") { _ in throw FlakyError(message: "kaboom") } }
        let run = try runWorkflow(engine, "fails")
        let error = try #require(throws: WorkflowTestError.self) { try assertComplete(run) }
        #expect(error.description.contains("is failed, expected completed; last step: Explode"))
        #expect(error.description.contains("kaboom"))
    }
}
