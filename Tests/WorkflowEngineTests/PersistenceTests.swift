import Dispatch
import Foundation
import SQLite
import Synchronization
import Testing
@testable import WorkflowEngine
import WorkflowEngineTesting

/// A fresh directory per test, removed afterwards.
final class TemporaryDirectory {
    let url: URL
    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ file: String) -> String { url.appendingPathComponent(file).path }
    deinit {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }
}

@Suite struct PersistenceTests {
    @Test func twoRunsWithSameSeedAndClockGiveByteIdenticalRecords() throws {
        func scenario(seed: UInt64) throws -> (process: String, subscription: String) {
            let (engine, node) = try nodeEngine(seed: seed)
            let id = try activeNode(engine, node, name: "loc1")
            let process = try engine.processes(workflow: "create_node")[0].processID
            return (try engine.process(process).jsonString(), try engine.subscription(id).serialized())
        }
        let first = try scenario(seed: 9), second = try scenario(seed: 9), other = try scenario(seed: 10)
        #expect(first.process == second.process)
        #expect(first.subscription == second.subscription)
        #expect(first.process != other.process)
        #expect(first.process.contains("\"last_status\":\"completed\""))
    }

    @Test func suspendedProcessResumesAfterReopeningTheFile() throws {
        let directory = try TemporaryDirectory("reopen")
        let path = directory.path("engine.sqlite")
        let (processID, productID): (String, String) = try {
            let (engine, node) = try nodeEngine(path: path)
            let run = try assertSuspended(runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc1"]]))
            return (run.processID, node.snapshot.productID)
        }()
        let (engine, node) = try nodeEngine(seed: 2, path: path)
        #expect(node.snapshot.productID == productID)
        let outcome = try engine.resume(processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
        #expect(outcome.status == .completed)
        #expect(try engine.process(processID).executedSteps.filter { $0.name == "Construct Node model" }.count == 1)
    }

    @Test func processLeftRunningByADeadWorkerIsRecovered() throws {
        let directory = try TemporaryDirectory("recover")
        let path = directory.path("engine.sqlite")
        let database = try Database(path: path)
        let engine = try Engine(store: EngineStore(database: database), clock: SteppingClock(), ids: IDGenerator(seed: 4))
        try registerTestWorkflow(engine, "three_steps") {
            step("One") { _ in ["one": 1] }
            step("Two") { _ in ["two": 2] }
            doneStep
        }
        let run = try assertComplete(runWorkflow(engine, "three_steps"))
        // Simulate a worker that died after committing "One": drop the later rows and mark it running.
        try database.run("DELETE FROM process_steps WHERE process_id = ? AND name != 'One'", [.text(run.processID)])
        try database.run("UPDATE processes SET last_status = 'running' WHERE process_id = ?", [.text(run.processID)])
        let recovered = try engine.recoverInterrupted()
        #expect(recovered.map(\.processID) == [run.processID])
        #expect(recovered.map(\.status) == [.completed])
        #expect(try engine.process(run.processID).stepNames == ["One", "Two", "Done"])
    }

    @Test func corruptFileIsATypedErrorAndLeftUntouched() throws {
        let directory = try TemporaryDirectory("corrupt")
        let path = directory.path("corrupt.sqlite")
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: EngineError.self) { try Engine(path: path) }
        guard case .storage(_, let code) = error else { Issue.record("expected storage error, got \(error)"); return }
        #expect(code == "not a database")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func readOnlyFileRefusesWritesAndKeepsItsData() throws {
        let directory = try TemporaryDirectory("readonly")
        let path = directory.path("engine.sqlite")
        let countRows = { try Database(path: path, readOnly: true).queryOne("SELECT count(*) FROM process_steps") { $0.int(0) } }
        let processID: String = try {
            let (engine, node) = try nodeEngine(path: path)
            _ = try activeNode(engine, node, name: "loc1")
            try engine.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return try engine.processes()[0].processID
        }()
        let rowsBefore = try countRows()
        #expect(rowsBefore == 10)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let readOnly = try Database(path: path, readOnly: true)
        let engine = try Engine(store: EngineStore(database: readOnly), clock: SteppingClock(), ids: IDGenerator(seed: 1))
        #expect(throws: EngineError.self) { try engine.register(nodeProduct) }
        #expect(try engine.process(processID).lastStatus == .completed)
        #expect(throws: EngineError.self) { try engine.abort(processID) }
        #expect(try countRows() == rowsBefore)
    }

    @Test func badRequestsGiveTypedErrors() throws {
        let (engine, node) = try nodeEngine()
        #expect(throws: EngineError.unknownWorkflow("nope")) { try engine.start("nope", inputs: [[:]]) }
        #expect(throws: EngineError.unknownProcess("p")) { try engine.process("p") }
        #expect(throws: EngineError.unknownProcess("p")) { try engine.resume("p") }
        #expect(throws: EngineError.unknownProduct("x")) { try engine.product("x") }
        #expect(throws: EngineError.self) { try engine.start("create_node", json: "[{\"product\": ") }
        #expect(throws: EngineError.malformedInput("expected a JSON list of pages, got object")) {
            try engine.start("create_node", json: "{}")
        }
        let unknownProduct = try #require(throws: FormError.self) { try engine.start("create_node", inputs: [["product": "x"]]) }
        #expect(unknownProduct.validationErrors.first?.msg == "Product not found")
        let wrongProduct = try #require(throws: FormError.self) { try engine.start("create_node", inputs: [["product": "circuit 100G"]]) }
        #expect(wrongProduct.validationErrors.first?.msg == "This workflow is not valid for this product")
        let notComplete = try #require(throws: FormError.self) { try engine.start("create_node", inputs: [productPage(node)]) }
        guard case .notComplete(let next) = notComplete else { Issue.record("expected notComplete"); return }
        #expect(next.form["title"] == "Node")
        #expect(try engine.processes().isEmpty)
    }

    @Test func stepsMayWriteThroughAnotherConnectionWhileTheEngineRuns() throws {
        let directory = try TemporaryDirectory("external")
        let path = directory.path("engine.sqlite")
        let external = try Database(path: path)
        try external.execute("CREATE TABLE devices (name TEXT NOT NULL)")
        let engine = try Engine(path: path, clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try registerTestWorkflow(engine, "external_write") {
            step("Create device in NetBox") { _ in
                try external.run("INSERT INTO devices (name) VALUES ('loc1-core')")
                return ["device": "loc1-core"]
            }
            step("Fail afterwards") { _ in throw FlakyError(message: "later step failed") }
        }
        _ = try assertFailed(runWorkflow(engine, "external_write"))
        #expect(try external.queryOne("SELECT count(*) FROM devices") { $0.int(0) } == 1)
    }

    @Test func manyThreadsRunWorkflowsOnOneEngine() throws {
        let engine = try makeTestEngine()
        try registerTestWorkflow(engine, "parallel") {
            step("Work") { context in ["worked": context.processID] }
            doneStep
        }
        let statuses = Mutex<[ProcessStatus]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let status = (try? engine.start("parallel", inputs: [[:]]).status) ?? .failed
            statuses.withLock { $0.append(status) }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: .completed, count: 16))
        #expect(try engine.processes(status: [.completed]).count == 16)
    }
}

extension ProcessDetail {
    var stepNames: [String] { executedSteps.map(\.name) }
}
