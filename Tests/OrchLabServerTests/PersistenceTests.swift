import Foundation
import Testing
import OrchLabServer
import WorkflowEngine

@Suite struct PersistenceTests {
    @Test func aRestartOnTheSameFileResumesProcessesNetBoxAndRouterConfigs() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("world.sqlite").path

        let (subscription, pending, faultID) = try await LiveServer.with(LiveServer.makeWorld(path: path, seed: 11)) { server in
            let subscription = try await server.enrol("loc1-core")
            let pending = try await server.startNode("loc2-core")
            let fault = try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc3-core\", \"rejects_config\": true}")
            return (subscription, pending, fault.json["id"]?.intValue ?? -1)
        }

        let reopened = try LiveServer.makeWorld(path: path, seed: 12)
        try await LiveServer.with(reopened) { server in
            let model = try await server.get("/api/subscriptions/domain-model/\(subscription)").json
            #expect(model["status"] == "active")
            #expect(try await server.get("/api/processes/\(pending)").json["last_status"] == "suspended")
            let device = try await server.get("/netbox/api/dcim/devices/?name=loc1-core").json
            #expect(device["results"]?[0]?["status"]?["value"] == "active")
            let running = try await server.get("/lab/devices/loc1-core/running-config").text
            #expect(running.contains("interface loopback0\n ip address 10.0.0.1"), "\(running)")
            let faults = try await server.get("/lab/faults").json
            #expect(faults[0]?["id"]?.intValue == faultID)
            #expect(try await server.get("/lab/devices/loc3-core").json["faults"]?["rejects_config"] == true)
            // The suspended process goes on where it stopped.
            #expect(try await server.confirm(pending).status == 204)
        }
    }
}
