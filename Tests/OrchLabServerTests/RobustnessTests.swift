import Foundation
import Testing
import WorkflowEngine

@Suite struct RobustnessTests {
    @Test func mutatingRequestsNeedTheTokenButOrchestratorReadsDoNot() async throws {
        try await LiveServer.with { server in
            let start = try await server.call("POST", "/api/processes/create_node", body: "[]", auth: .none)
            #expect(start.status == 403)
            let paste = try await server.call("POST", "/lab/devices/loc1-core/cli", body: "end", auth: .raw("Token wrong"))
            #expect(paste.status == 403)
            #expect(try await server.get("/api/processes/", auth: .none).status == 200)
        }
    }

    @Test func badBodiesGetJSONErrorsNamingTheProblem() async throws {
        try await LiveServer.with { server in
            let malformed = try await server.call("POST", "/api/processes/create_node", body: "[{")
            #expect(malformed.status == 422)
            #expect(malformed.json["detail"]?[0]?["type"] == "json_invalid")
            let notList = try await server.call("POST", "/api/processes/create_node", body: "{\"product\": 1}")
            #expect(notList.status == 422)
            #expect(notList.json["detail"]?[0]?["type"] == "list_type")
            let notObject = try await server.call("POST", "/api/processes/create_node", body: "[1]")
            #expect(notObject.status == 422)
            let wrongType = try await server.call("POST", "/api/processes/create_node", body: "[{\"product\": 12}]")
            #expect(wrongType.status == 400)
            #expect(wrongType.json["validation_errors"]?[0]?["loc"] == ["product"])
        }
    }

    @Test func unknownRoutesMethodsAndOversizedBodiesAreRefusedAsJSON() async throws {
        try await LiveServer.with(bodyLimit: 1024) { server in
            let route = try await server.get("/api/nothing-here")
            #expect(route.status == 404)
            #expect(route.json == ["detail": "Not Found"])
            let method = try await server.call("DELETE", "/api/products/")
            #expect(method.status == 405)
            #expect(method.header("Allow") == "GET")
            let big = try await server.call("POST", "/lab/devices/loc1-core/cli", body: String(repeating: "x", count: 4096),
                                            contentType: "text/plain")
            #expect(big.status == 413)
            #expect(big.json["detail"]?.stringValue?.contains("1024") == true)
            let outside = try await server.get("/elsewhere")
            #expect(outside.status == 404)
            #expect(outside.json["api"] != nil)
            // The server still answers normally afterwards.
            #expect(try await server.get("/lab/devices", auth: .none).status == 200)
        }
    }
}
