import Testing
import WorkflowEngine

@Suite struct NetBoxBulkAndOptionsTests {
    private func choices(_ answer: Answer, _ field: String) -> [String] {
        answer.json["actions"]?["POST"]?[field]?["choices"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
    }

    @Test func optionsDescribesEndpointsWithTheirChoices() async throws {
        try await LiveServer.with { server in
            let devices = try await server.call("OPTIONS", "/netbox/api/dcim/devices/")
            #expect(devices.status == 200)
            #expect(devices.json["name"] == "Device List")
            #expect(choices(devices, "status") == ["offline", "active", "planned", "staged", "failed", "inventory", "decommissioning"])
            #expect(devices.json["actions"]?["POST"]?["status"]?["choices"]?[0] == ["value": "offline", "display_name": "Offline"])
            #expect(choices(try await server.call("OPTIONS", "/netbox/api/dcim/interfaces/"), "type").contains("100gbase-x-qsfp28"))
            #expect(choices(try await server.call("OPTIONS", "/netbox/api/ipam/prefixes/"), "status") == ["container", "active", "reserved", "deprecated"])
            #expect(choices(try await server.call("OPTIONS", "/netbox/api/dcim/cables/"), "status") == ["connected", "planned", "decommissioning"])
            let detail = try await server.call("OPTIONS", "/netbox/api/dcim/devices/1/")
            #expect(detail.json["actions"]?["PUT"]?["status"]?["type"] == "choice")
            #expect(try await server.call("OPTIONS", "/netbox/api/dcim/devices/", auth: .none).status == 403)
        }
    }

    @Test func headAnswersAsGetWithoutABody() async throws {
        try await LiveServer.with { server in
            let get = try await server.get("/netbox/api/dcim/devices/")
            let head = try await server.call("HEAD", "/netbox/api/dcim/devices/")
            #expect(head.status == 200)
            #expect(head.text.isEmpty)
            #expect(head.header("Content-Length") == String(get.text.utf8.count))
            #expect(try await server.call("HEAD", "/api/processes/").status == 200)
            #expect(try await server.call("HEAD", "/netbox/api/dcim/nothing/").status == 404)
        }
    }

    private func deviceIDs(_ server: LiveServer) async throws -> [Int] {
        try await server.get("/netbox/api/dcim/devices/").json["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
    }

    @Test func bulkPatchUpdatesEveryItemOrNone() async throws {
        try await LiveServer.with { server in
            let ids = try await deviceIDs(server)
            try #require(ids.count >= 2)
            let good = try await server.call("PATCH", "/netbox/api/dcim/devices/",
                                             body: "[{\"id\": \(ids[0]), \"description\": \"a\"}, {\"id\": \(ids[1]), \"status\": \"planned\"}]")
            #expect(good.status == 200, "\(good.text)")
            #expect(good.json[0]?["description"] == "a")
            #expect(good.json[1]?["status"]?["value"] == "planned")
            let changes = server.world.lab.netbox.changeCount

            let bad = try await server.call("PUT", "/netbox/api/dcim/devices/",
                                            body: "[{\"id\": \(ids[0]), \"description\": \"b\"}, {\"id\": \(ids[1]), \"status\": \"melted\"}]")
            #expect(bad.status == 400)
            #expect(bad.json == [[:], ["status": ["melted is not a valid choice."]]])
            #expect(server.world.lab.netbox.changeCount == changes)
            #expect(try await server.get("/netbox/api/dcim/devices/\(ids[0])/").json["description"] == "a")

            let unknown = try await server.call("PATCH", "/netbox/api/dcim/devices/", body: "[{\"id\": 999999, \"description\": \"c\"}]")
            #expect(unknown.status == 400)
            #expect(unknown.json == [["detail": "No Device matches the given query."]])
            let noID = try await server.call("PATCH", "/netbox/api/dcim/devices/", body: "[{\"id\": \(ids[0])}, {\"description\": \"c\"}, {\"id\": \"x\"}]")
            #expect(noID.json == [[:], ["id": ["This field is required."]], ["id": ["A valid integer is required."]]])
            let dict = try await server.call("PATCH", "/netbox/api/dcim/devices/", body: "{\"id\": \(ids[0])}")
            #expect(dict.json == ["non_field_errors": ["Expected a list of items but got type \"dict\"."]])
            let many = "[" + Array(repeating: "{\"id\": \(ids[0])}", count: 1_001).joined(separator: ",") + "]"
            #expect(try await server.call("PATCH", "/netbox/api/dcim/devices/", body: many).status == 400)
            #expect(server.world.lab.netbox.changeCount == changes)
        }
    }

    @Test func bulkDeleteRemovesEveryItemOrNone() async throws {
        try await LiveServer.with { server in
            var created: [Int] = []
            for octet in 1...3 {
                let answer = try await server.call("POST", "/netbox/api/ipam/ip-addresses/", body: "{\"address\": \"192.0.2.\(octet)/24\"}")
                created.append(try #require(answer.json["id"]?.intValue))
            }
            let bad = try await server.call("DELETE", "/netbox/api/ipam/ip-addresses/",
                                            body: "[{\"id\": \(created[0])}, {\"id\": 999999}]")
            #expect(bad.status == 400)
            #expect(bad.json == [[:], ["detail": "No IPAddress matches the given query."]])
            #expect(try await server.get("/netbox/api/ipam/ip-addresses/\(created[0])/").status == 200)

            let good = try await server.call("DELETE", "/netbox/api/ipam/ip-addresses/",
                                             body: "[{\"id\": \(created[0])}, {\"id\": \(created[1])}]")
            #expect(good.status == 204)
            #expect(try await server.get("/netbox/api/ipam/ip-addresses/\(created[0])/").status == 404)
            #expect(try await server.get("/netbox/api/ipam/ip-addresses/\(created[2])/").status == 200)
            // Devices cannot be deleted here, in bulk or not.
            #expect(try await server.call("DELETE", "/netbox/api/dcim/devices/", body: "[{\"id\": 1}]").status == 405)
        }
    }
}
