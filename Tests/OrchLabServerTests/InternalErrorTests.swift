import Foundation
import Synchronization
import Testing
import OrchLabServer
import SQLite
import WorkflowEngine

/// A failing database must not show its file path or SQL to a client: the answer is generic
/// and carries an id; the details go to the server's stderr under that id.
@Suite struct InternalErrorTests {
    private static let leaks = ["sqlite", "SQLite", "INSERT", "SELECT", "UPDATE ", "no such table", ".sqlite", "/tmp", "orchlab-500"]

    private func expectGeneric(_ answer: Answer, status: Int, _ context: String) {
        #expect(answer.status == status, "\(context): \(answer.text)")
        #expect(answer.text.contains("Internal error "), "\(context): \(answer.text)")
        #expect(answer.text.contains("server log"), "\(context): \(answer.text)")
        for word in Self.leaks { #expect(!answer.text.contains(word), "\(context) leaks '\(word)': \(answer.text)") }
        #expect((try? JSON.parse(answer.text)) != nil)
    }

    @Test func databaseFailuresAnswerGenericallyInEachAPIsShape() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-500-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("world.sqlite").path
        let world = try LiveServer.makeWorld(path: path)
        let logged = Mutex<[String]>([])
        try await InternalError.$log.withValue({ line in logged.withLock { $0.append(line) } }) {
            try await LiveServer.with(world) { server in
                let device = try #require(try await server.get("/netbox/api/dcim/devices/?limit=1").json["results"]?[0]?["id"]?.intValue)
                // Break each store under the server's feet (another connection drops its tables).
                let intruder = try Database(path: path)
                try intruder.execute("""
                    DROP TABLE orchlab_lab_faults; DROP TABLE netbox_dcim_device; DROP TABLE netbox_changes;
                    """)
                let lab = try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc1-core\", \"unreachable\": true}")
                expectGeneric(lab, status: 500, "lab")
                #expect(lab.json["detail"] != nil)

                let netbox = try await server.call("PATCH", "/netbox/api/dcim/devices/\(device)/", body: "{\"description\": \"x\"}")
                expectGeneric(netbox, status: 500, "netbox")
                #expect(netbox.json["exception"] == "InternalError")
                #expect(netbox.json["netbox_version"] != nil)

                try intruder.execute("DROP TABLE processes")
                let list = try await server.get("/api/processes/")
                #expect(list.status >= 500)
                expectGeneric(list, status: list.status, "orchestrator")
            }
        }
        // The details are in the log, under the id each answer carries.
        let lines = logged.withLock { $0 }
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("orchlab: internal error ") && $0.contains("no such table") })
    }
}
