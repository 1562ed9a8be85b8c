import SQLite
import Synchronization
import Testing
@testable import WorkflowEngine
import WorkflowEngineTesting

@Suite struct DeletionTests {
    /// Rows in `table` whose `column` is `value`.
    private func rows(_ engine: Engine, _ table: String, _ column: String, _ value: String) throws -> Int {
        try engine.database.queryOne("SELECT count(*) FROM \(table) WHERE \(column) = ?", [.text(value)]) { $0.int(0) } ?? -1
    }

    /// Every row of the subscription tables, to show a refused deletion changed nothing.
    private func subscriptionTables(_ engine: Engine) throws -> [Int] {
        try ["subscriptions", "subscription_instances", "subscription_instance_values", "subscription_instance_relations",
             "processes", "process_steps", "processes_subscriptions"].map { table in
            try engine.database.queryOne("SELECT count(*) FROM \(table)") { $0.int(0) } ?? -1
        }
    }

    @Test func deletingAProcessRemovesItsLogInputsAndLinksButNotItsSubscription() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let suspended = try engine.start("modify_node_with_approval", inputs: [["subscription_id": .string(id)]])
        #expect(suspended.status == .suspended)
        let created = try #require(try engine.processes(workflow: "create_node").first?.processID)

        try engine.deleteProcess(created)
        for (table, count) in [("processes", 0), ("process_steps", 0), ("input_states", 0), ("processes_subscriptions", 0)] {
            #expect(try rows(engine, table, "process_id", created) == count, "\(table)")
        }
        #expect(try engine.processes().map(\.processID) == [suspended.processID])
        #expect(try engine.processLinks(ofSubscription: id).map { $0["process_id"] } == [.string(suspended.processID)])
        #expect(try engine.subscription(NodeModel.self, id: id).node.node_name == "loc1")
        #expect(throws: EngineError.unknownProcess(created)) { try engine.deleteProcess(created) }

        // Any status, as orchestrator-core 1.3.6; the lock the process held is not released.
        try engine.deleteProcess(suspended.processID)
        #expect(try engine.processes().isEmpty)
        #expect(try engine.subscriptionList(ids: [id]).first?["insync"] == false)
    }

    @Test func aProcessThisEngineIsRunningIsNotDeleted() throws {
        let engine = try makeTestEngine()
        let refusal = Mutex<EngineError?>(nil)
        try registerTestWorkflow(engine, "self_deleting") {
            step("Delete myself") { context in
                do { try engine.deleteProcess(context.processID) } catch let error as EngineError { refusal.withLock { $0 = error } }
                return [:]
            }
            doneStep
        }
        let outcome = try engine.start("self_deleting", inputs: [[:]])
        #expect(outcome.status == .completed)
        #expect(refusal.withLock { $0 } == .alreadyRunning(outcome.processID))
        #expect(try engine.process(outcome.processID).lastStatus == .completed)
    }

    @Test func deletingASubscriptionDeletesEveryLinkedProcessFirst() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let other = try activeNode(engine, node, name: "loc2")
        #expect(try engine.start("modify_node", inputs: [["subscription_id": .string(id)]]).status == .completed)
        let linked = try engine.processLinks(ofSubscription: id).compactMap { $0["process_id"]?.stringValue }
        #expect(linked.count == 2)

        #expect(try engine.deleteSubscription(id) == linked)
        #expect(try engine.subscriptionList(ids: [id]).isEmpty)
        #expect(throws: EngineError.unknownSubscription(id)) { try engine.subscription(id) }
        #expect(try rows(engine, "subscription_instances", "subscription_id", id) == 0)
        for processID in linked { #expect(try rows(engine, "process_steps", "process_id", processID) == 0) }
        #expect(try engine.processLinks(ofSubscription: id).isEmpty)
        #expect(try engine.subscriptionList().compactMap { $0["subscription_id"]?.stringValue } == [other])
        #expect(try engine.processes().count == 1)
        #expect(throws: EngineError.unknownSubscription(id)) { try engine.deleteSubscription(id) }
        #expect(try engine.database.queryOne("PRAGMA integrity_check") { $0.string(0) } == "ok")
    }

    @Test func aSubscriptionInUseIsRefusedUntilItsUserIsDeleted() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let run = try assertComplete(runWorkflow(engine, "create_circuit", [["product": "circuit 100G"],
                                                                             ["router_a": .string(a), "router_b": .string(b)]]))
        let circuit = try run.state.string("subscription_id")
        let before = try subscriptionTables(engine)
        #expect(throws: EngineError.subscriptionInUse(a, users: [circuit])) { try engine.deleteSubscription(a) }
        #expect(try subscriptionTables(engine) == before)
        #expect(try engine.subscription(CircuitModel.self, id: circuit).circuit.members[0].port?.node?.node_name == "loc1")

        let nodeVersion = try engine.subscription(NodeModel.self, id: a).version
        #expect(try engine.deleteSubscription(circuit) == [run.processID])
        #expect(try engine.subscription(a)["node"]?["in_use_by_ids"] == [])
        #expect(try engine.subscription(NodeModel.self, id: a).version == nodeVersion)
        let orphans = try engine.database.queryOne("""
            SELECT count(*) FROM subscription_instance_relations r WHERE NOT EXISTS
              (SELECT 1 FROM subscription_instances i WHERE i.subscription_instance_id = r.in_use_by_id)
            OR NOT EXISTS (SELECT 1 FROM subscription_instances i WHERE i.subscription_instance_id = r.depends_on_id)
            """) { $0.int(0) }
        #expect(orphans == 0)
        #expect(try rows(engine, "subscription_instances", "subscription_id", circuit) == 0)
        try engine.deleteSubscription(a)
        #expect(try engine.subscriptionList().compactMap { $0["subscription_id"]?.stringValue } == [b])
    }

    @Test func processLinksAreOrderedByStartWithStableUUIDs() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let modified = try engine.start("modify_node", inputs: [["subscription_id": .string(id)]])
        let links = try engine.processLinks(ofSubscription: id)
        #expect(links.map { $0["process"]?["workflow_name"] } == ["create_node", "modify_node"])
        #expect(links[1]["pid"] == .string(modified.processID) && links[1]["process_id"] == .string(modified.processID))
        #expect(links.map { $0["workflow_target"] } == ["CREATE", "MODIFY"])
        #expect(links[1]["process"]?["last_status"] == "completed" && links[1]["subscription_id"] == .string(id))
        let ids = links.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == 2)
        #expect(ids.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil })
        #expect(try engine.processLinks(ofSubscription: id).compactMap { $0["id"]?.stringValue } == ids)
        #expect(try engine.processLinks(ofSubscription: "no-such-subscription").isEmpty)
    }
}
