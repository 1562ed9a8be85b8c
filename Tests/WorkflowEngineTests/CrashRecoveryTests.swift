import Foundation
import SQLite
import OrchLabTestSupport
import Testing
import WorkflowEngine
import SeededRandom

/// Kills a child process running workflows at seeded-random database statements, many times,
/// reopening and resuming each time; then every process must be completed with each step logged
/// exactly once, and the model changes of every step applied exactly once.
@Suite struct CrashRecoveryTests {
    @Test func killedAtRandomStatementsEveryProcessCompletesWithEachStepLoggedOnce() throws {
        let child = try CrashChild()
        let expectedSteps = try child.stepNames()
        let database = child.directory.appendingPathComponent("crash.sqlite").path
        var random = SplitMix64(seed: 2026)  // the kill points are the same on every run
        var kills = 0
        var target = 12
        while kills < 60 {
            let killAt = Int(random.next() % 150) + 1
            let result = try child.run(["run", database, String(killAt), String(target)])
            switch result {
            case .killed: kills += 1
            case .exited(0): target += 6
            case .exited(let code): Issue.record("child exited \(code) with kill at \(killAt): \(child.lastError)"); return
            }
        }
        #expect(try child.run(["run", database, "0", String(target)]) == .exited(0), "final run: \(child.lastError)")

        let db = try Database(path: database)
        let unfinished = try db.query("SELECT process_id, last_status FROM processes WHERE last_status != 'completed'") {
            "\($0.string(0)): \($0.string(1))"
        }
        #expect(unfinished.isEmpty)
        let processIDs = try db.query("SELECT process_id FROM processes ORDER BY seq") { $0.string(0) }
        #expect(processIDs.count >= target)
        for processID in processIDs {
            let cleared = try db.query("""
                SELECT name FROM process_steps WHERE process_id = ? AND status IN ('success', 'skipped', 'complete') ORDER BY position
                """, [.text(processID)]) { $0.string(0) }
            #expect(cleared == expectedSteps, "process \(processID)")
            let positions = try db.query("""
                SELECT count(*) FROM process_steps WHERE process_id = ? AND status IN ('success', 'skipped', 'complete')
                GROUP BY position HAVING count(*) > 1
                """, [.text(processID)]) { $0.int(0) }
            #expect(positions.isEmpty, "a step of \(processID) was logged more than once")
            let others = try db.query("SELECT status FROM process_steps WHERE process_id = ? AND status NOT IN ('success', 'complete')",
                                      [.text(processID)]) { $0.string(0) }
            #expect(others == ["suspend"], "process \(processID) rows besides success: \(others)")
        }
        let totals = try db.query("""
            SELECT s.status, s.insync, v.value FROM subscriptions s
            JOIN subscription_instances i ON i.subscription_id = s.subscription_id AND i.block_name = 'Counter'
            JOIN subscription_instance_values v ON v.subscription_instance_id = i.subscription_instance_id AND v.field = 'total'
            """) { "\($0.string(0)) \($0.bool(1)) \($0.string(2))" }
        #expect(totals.count == processIDs.count)
        #expect(Set(totals) == ["active true 10"], "each Add step must change the model exactly once")
        #expect(kills >= 60)
    }
}

/// The `engine-crash-child` executable next to the test bundle.
final class CrashChild {
    enum Result: Equatable { case killed, exited(Int32) }

    let executable: URL
    let directory: URL
    private(set) var lastError = ""

    init() throws {
        executable = try TestRepository.executable("engine-crash-child")
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-crash-\(getpid())")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func stepNames() throws -> [String] {
        let output = Pipe()
        let process = Process()
        process.executableURL = executable
        process.arguments = ["steps"]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSON.parse(String(decoding: data, as: UTF8.self)).decode(as: [String].self)
    }

    func run(_ arguments: [String]) throws -> Result {
        let errors = Pipe()
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        lastError = String(decoding: data, as: UTF8.self)
        if process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL { return .killed }
        return .exited(process.terminationStatus)
    }
}

struct WorkflowTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
