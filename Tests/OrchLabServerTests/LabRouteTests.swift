import Foundation
import Testing
import RouterSim
import WorkflowEngine

@Suite struct LabRouteTests {
    @Test func cliPasteReportsEveryLineAndChangesTheRunningConfig() async throws {
        try await LiveServer.with { server in
            let devices = try await server.get("/lab/devices", auth: .none).json
            #expect(devices.arrayValue?.count == 5)
            let paste = "configure terminal\ninterface loopback 0\n ipv6 address 2001:db8::1/128\n bogus command\nend\n"
            let result = try await server.call("POST", "/lab/devices/loc1-core/cli", body: paste, contentType: "text/plain")
            #expect(result.status == 200)
            let lines = result.json["lines"]?.arrayValue ?? []
            #expect(lines.count == 5)
            #expect(lines[3]["outcome"] == "rejected")
            #expect(result.json["clean"] == false)
            let running = try await server.get("/lab/devices/loc1-core/running-config", auth: .none)
            #expect(running.text.contains("2001:db8::1/128"))
            let history = try await server.get("/lab/devices/loc1-core/history", auth: .none).json
            #expect(history[0]?["event"] == "paste")
            let unknown = try await server.call("POST", "/lab/devices/nope/cli", body: "end", contentType: "text/plain")
            #expect(unknown.status == 404)
        }
    }

    @Test func faultsRefuseSessionsUntilDeleted() async throws {
        try await LiveServer.with { server in
            let fault = try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc2-core\", \"unreachable\": true}")
            #expect(fault.status == 201)
            let id = try #require(fault.json["id"]?.intValue)
            let detail = try await server.get("/lab/devices/loc2-core", auth: .none).json
            #expect(detail["reachable"] == false)
            let refused = try await server.call("POST", "/lab/devices/loc2-core/cli", body: "end", contentType: "text/plain")
            #expect(refused.status == 409)
            #expect(try await server.call("DELETE", "/lab/faults/\(id)").status == 204)
            #expect(try await server.call("DELETE", "/lab/faults/\(id)").status == 404)
            #expect(try await server.get("/lab/devices/loc2-core", auth: .none).json["reachable"] == true)
            let typo = try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc2-core\", \"unreachabel\": true}")
            #expect(typo.status == 400)
            #expect(typo.json["detail"]?.stringValue?.contains("unreachabel") == true)
        }
    }

    @Test func routingAnswersFollowTheConfiguredNetwork() async throws {
        try await LiveServer.with { server in
            _ = try await server.enrol("loc1-core")
            _ = try await server.enrol("loc2-core")
            let reachability = try await server.get("/lab/routing/reachability", auth: .none).json
            #expect(reachability["fully_reachable"] == false)
            #expect(try await server.get("/lab/routing/adjacencies", auth: .none).json == [])
            let path = try await server.get("/lab/routing/path?from=loc1-core&to=loc2-core", auth: .none).json
            #expect(path["reachable"] == false)
            #expect(try await server.get("/lab/routing/path?from=loc1-core", auth: .none).status == 400)
            #expect(try await server.get("/lab/routing/path?from=loc1-core&to=zzz", auth: .none).status == 404)
        }
    }

    @Test func linkFaultsTakeALinkDownUntilDeleted() async throws {
        try await LiveServer.with { server in
            let down = try await server.call("POST", "/lab/faults", body: "{\"link_down\": {\"device\": \"loc1-core\", \"port\": \"1/1/c2/1\"}}")
            #expect(down.status == 201)
            let id = try #require(down.json["id"]?.intValue)
            #expect(try await server.get("/lab/faults", auth: .none).json == [down.json])
            let port = PortRef(device: "loc1-core", port: "1/1/c2/1")
            let fleet = server.world.lab.fleet
            #expect(fleet.linkStates().first { $0.link.a == port || $0.link.b == port }?.isUp == false)
            #expect(try await server.call("DELETE", "/lab/faults/\(id)").status == 204)
            #expect(fleet.linkStates().first { $0.link.a == port || $0.link.b == port }?.isUp == true)
            #expect(try await server.get("/lab/faults", auth: .none).json == [])
            let nowhere = try await server.call("POST", "/lab/faults", body: "{\"link_down\": {\"device\": \"loc1-core\", \"port\": \"9/9/9\"}}")
            #expect(nowhere.status == 404)
            #expect(nowhere.json["detail"]?.stringValue?.contains("9/9/9") == true)
        }
    }
}
