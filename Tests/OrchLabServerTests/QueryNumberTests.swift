import Testing
import NetBoxSim
import WorkflowEngine

/// Numbers in list queries never trap: out-of-range values get a 400 in the API's error shape.
@Suite struct QueryNumberTests {
    @Test func netboxOffsetsAreBoundedAndLimitsClamped() async throws {
        try await LiveServer.with { server in
            let most = NetBoxLimits.maxOffset
            let atLimit = try await server.get("/netbox/api/dcim/devices/?offset=\(most)")
            #expect(atLimit.status == 200)
            #expect(atLimit.json["results"] == [])
            #expect(atLimit.json["count"]?.intValue == 5)
            for offset in ["\(most + 1)", "\(Int.max)", "99999999999999999999999999"] {
                let answer = try await server.get("/netbox/api/dcim/devices/?offset=\(offset)")
                #expect(answer.status == 400, "\(offset): \(answer.text)")
                #expect(answer.json == ["offset": .array([.string("Ensure this value is less than or equal to \(most).")])])
            }
            // NetBox clamps limits to MAX_PAGE_SIZE and ignores negative or non-numeric values.
            for limit in ["\(Int.max)", "99999999999999999999999999", "-5", "abc"] {
                let answer = try await server.get("/netbox/api/dcim/interfaces/?limit=\(limit)&offset=\(Int.max - 10)&brief=1")
                #expect(answer.status == 400, "\(limit)")
                let plain = try await server.get("/netbox/api/dcim/interfaces/?limit=\(limit)&offset=\(most)")
                #expect(plain.status == 200, "\(limit): \(plain.text)")
            }
            let clamped = try await server.get("/netbox/api/dcim/interfaces/?limit=\(Int.max)")
            #expect(clamped.json["results"]?.arrayValue?.count == min(NetBoxLimits.maxPageSize, clamped.json["count"]?.intValue ?? 0))
            let next = try await server.get("/netbox/api/dcim/devices/?limit=2&offset=\(most - 1)")
            #expect(next.json["next"] == .null)
            #expect(next.json["previous"]?.stringValue?.contains("offset=\(most - 3)") == true)
        }
    }

    @Test func netboxIntegerFiltersRejectWhatIsNotAnInteger() async throws {
        try await LiveServer.with { server in
            for value in ["99999999999999999999999", "1e3", "0x10", "--1"] {
                let answer = try await server.get("/netbox/api/dcim/devices/?id=\(value)")
                #expect(answer.status == 400, "\(value)")
                #expect(answer.json == ["id": ["Enter a whole number."]])
            }
            #expect(try await server.get("/netbox/api/dcim/devices/?id=\(Int.max)").json["count"] == 0)
            #expect(try await server.get("/netbox/api/dcim/devices/?id__gte=\(Int.min)").json["count"] == 5)
            let prefix = try #require(try await server.get("/netbox/api/ipam/prefixes/?limit=1").json["results"]?[0]?["id"]?.intValue)
            let available = try await server.get("/netbox/api/ipam/prefixes/\(prefix)/available-ips/?limit=\(Int.max)")
            #expect(available.status == 200)
            #expect(available.json.arrayValue?.count ?? 0 <= 1_000)
        }
    }

    @Test func orchestratorRangesAreBounded() async throws {
        try await LiveServer.with { server in
            let most = 1_000_000_000
            #expect(try await server.get("/api/processes/?range=0,\(most)").status == 200)
            #expect(try await server.get("/api/processes/?range=\(most),\(most)").header("Content-Range") == "processes \(most)-\(most)/0")
            for range in ["0,\(most + 1)", "\(Int.max),\(Int.max)", "0,99999999999999999999999", "-1,5", "5,1", "a,b", "1"] {
                let answer = try await server.get("/api/processes/?range=\(range)")
                #expect(answer.status == 400, "\(range)")
                #expect(answer.json["detail"]?.stringValue?.hasPrefix("range must be start,end") == true)
            }
        }
    }
}
