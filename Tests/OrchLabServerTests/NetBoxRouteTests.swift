import Foundation
import Testing
import WorkflowEngine

@Suite struct NetBoxRouteTests {
    @Test func everyNetBoxCallNeedsTheTokenWithNetBoxsWording() async throws {
        try await LiveServer.with { server in
            let missing = try await server.get("/netbox/api/dcim/devices/", auth: .none)
            #expect(missing.status == 403)
            #expect(missing.json == ["detail": "Authentication credentials were not provided."])
            let wrong = try await server.get("/netbox/api/dcim/devices/", auth: .raw("Token not-the-token"))
            #expect(wrong.json == ["detail": "Invalid v1 token"])
            let wrongV2 = try await server.get("/netbox/api/dcim/devices/", auth: .raw("Bearer nbt_abc.def"))
            #expect(wrongV2.json == ["detail": "Invalid v2 token"])
            let bearer = try await server.get("/netbox/api/dcim/devices/", auth: .bearer)
            #expect(bearer.status == 200)
            #expect(bearer.header("API-Version") == "4.7")
        }
    }

    @Test func listsPaginateWithAbsoluteLinksAndFilter() async throws {
        try await LiveServer.with { server in
            let page = try await server.get("/netbox/api/dcim/devices/?limit=2").json
            #expect(page["count"]?.intValue == 5)
            #expect(page["results"]?.arrayValue?.count == 2)
            #expect(page["next"] == .string("http://127.0.0.1:\(server.port)/netbox/api/dcim/devices/?limit=2&offset=2"))
            #expect(page["previous"] == .null)
            let device = try #require(page["results"]?[0])
            #expect(device["url"]?.stringValue?.hasPrefix("http://127.0.0.1:\(server.port)/netbox/api/dcim/devices/") == true)
            #expect(device["status"]?["value"] == "planned")

            let named = try await server.get("/netbox/api/dcim/devices/?name=LOC1-CORE&limit=0").json
            #expect(named["count"]?.intValue == 1)
            let badChoice = try await server.get("/netbox/api/dcim/devices/?status=bogus")
            #expect(badChoice.status == 400)
            #expect(badChoice.json == ["status": ["Select a valid choice. bogus is not one of the available choices."]])
            let free = try await server.get("/netbox/api/dcim/interfaces/?device=loc1-core&occupied=False&speed=400000000&limit=0").json
            #expect((free["count"]?.intValue ?? 0) > 0)
        }
    }

    @Test func writesAndErrorBodiesMatchNetBox() async throws {
        try await LiveServer.with { server in
            let devices = try await server.get("/netbox/api/dcim/devices/?name=loc1-core").json
            let id = try #require(devices["results"]?[0]?["id"]?.intValue)
            let patched = try await server.call("PATCH", "/netbox/api/dcim/devices/\(id)/", body: "{\"status\": \"active\"}")
            #expect(patched.status == 200)
            #expect(patched.json["status"]?["value"] == "active")
            let bogus = try await server.call("PATCH", "/netbox/api/dcim/devices/\(id)/", body: "{\"status\": \"bogus\"}")
            #expect(bogus.json == ["status": ["bogus is not a valid choice."]])
            let missing = try await server.get("/netbox/api/dcim/devices/99999/")
            #expect(missing.status == 404)
            #expect(missing.json == ["detail": "No Device matches the given query."])
            let malformed = try await server.call("POST", "/netbox/api/dcim/cables/", body: "{'a': 1}")
            #expect(malformed.status == 400)
            #expect(malformed.json == ["detail": "JSON parse error - Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"])
            let notDict = try await server.call("POST", "/netbox/api/dcim/cables/", body: "42")
            #expect(notDict.json == ["non_field_errors": ["Invalid data. Expected a dictionary, but got int."]])
            let unknown = try await server.get("/netbox/api/dcim/nonexistent/")
            #expect(unknown.status == 404)
            #expect(unknown.header("Content-Type")?.hasPrefix("text/html") == true)
            let method = try await server.call("DELETE", "/netbox/api/dcim/devices/\(id)/")
            #expect(method.status == 405)
            #expect(method.json == ["detail": "Method \"DELETE\" not allowed."])
        }
    }

    @Test func availablePrefixesAndIPsAllocateLowestFirst() async throws {
        try await LiveServer.with { server in
            let pools = try await server.get("/netbox/api/ipam/prefixes/?limit=0").json
            let pool = try #require(pools["results"]?.arrayValue?.first { $0["description"]?.stringValue?.contains("Circuit") == true
                || $0["prefix"] == "2001:db8:10::/44" })
            let id = try #require(pool["id"]?.intValue)
            let free = try await server.get("/netbox/api/ipam/prefixes/\(id)/available-prefixes/").json
            #expect(free[0]?["prefix"] == pool["prefix"])
            let created = try await server.call("POST", "/netbox/api/ipam/prefixes/\(id)/available-prefixes/", body: "{\"prefix_length\": 64}")
            #expect(created.status == 201)
            let child = try #require(created.json["id"]?.intValue)
            let two = try await server.call("POST", "/netbox/api/ipam/prefixes/\(id)/available-prefixes/",
                                            body: "[{\"prefix_length\": 64}, {\"prefix_length\": 64}]")
            #expect(two.json.arrayValue?.count == 2)
            let missing = try await server.call("POST", "/netbox/api/ipam/prefixes/\(id)/available-prefixes/", body: "{}")
            #expect(missing.json == [["prefix_length": "this field can not be missing"]])
            let ips = try await server.call("POST", "/netbox/api/ipam/prefixes/\(child)/available-ips/", body: "{\"status\": \"active\"}")
            #expect(ips.status == 201)
            #expect(ips.json["address"]?.stringValue?.hasSuffix("/64") == true)
            let deleted = try await server.call("DELETE", "/netbox/api/ipam/prefixes/\(child)/")
            #expect(deleted.status == 204)
            #expect(try await server.get("/netbox/api/ipam/prefixes/\(child)/").status == 404)
        }
    }
}
