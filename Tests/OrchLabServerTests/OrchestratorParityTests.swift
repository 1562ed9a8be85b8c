import Catalogues
import Foundation
import Testing
import OrchLabServer
import WorkflowEngine
import Workshop

/// The 1.x endpoints and fields the workshop's own tooling uses, as orchestrator-core 1.3.6
/// answers them.
@Suite struct OrchestratorParityTests {
    @Test func processDetailAndListCarryTheDeprecatedFieldsTheWorkshopClientReads() async throws {
        try await LiveServer.with { server in
            let processID = try await server.startNode("loc1-core")
            let detail = try await server.get("/api/processes/\(processID)").json
            #expect(detail["pid"] == .string(processID) && detail["id"] == .string(processID))
            #expect(detail["status"] == "suspended" && detail["status"] == detail["last_status"])
            #expect(detail["workflow"] == "create_node" && detail["step"] == detail["last_step"])
            #expect(detail["started"] == detail["started_at"] && detail["last_modified"] == detail["last_modified_at"])
            #expect(detail["product"] == .string(server.nodeProductID) && detail["customer"] == detail["customer_id"])
            #expect(detail["form"]?["definitions"] == .null && detail["form"]?["additionalProperties"] == false)
            let step = try #require(detail["steps"]?[0])
            #expect(step["stepid"] == step["step_id"] && step["commit_hash"] == .null)
            let subscription = try #require(detail["subscriptions"]?[0])
            #expect(subscription["customer_descriptions"] == [] && subscription["name"] == .null && subscription["tag"] == .null)
            #expect(subscription["product"]?["created_at"]?.stringValue != nil && subscription["product"]?["end_date"] == .null)

            #expect(try await server.confirm(processID).status == 204)
            let done = try await server.get("/api/processes/\(processID)").json
            #expect(done["status"] == "completed" && done["pid"] == .string(processID))
            let row = try #require(try await server.get("/api/processes/").json[0])
            #expect(row["pid"] == .string(processID) && row["status"] == "completed" && row["product"] == .string(server.nodeProductID))
            #expect(row["steps"] == .null && row["form"] == .null && row["current_state"] == .null)
        }
    }

    @Test func subscriptionsAllAndProcessLinksByTheSubscription() async throws {
        try await LiveServer.with { server in
            let node = try await server.enrol("loc2-core")
            let all = try await server.get("/api/subscriptions/all", auth: .none)
            #expect(all.status == 200)
            let row = try #require(all.json[0])
            #expect(all.json.arrayValue?.count == 1 && row["subscription_id"] == .string(node))
            for key in ["description", "status", "insync", "customer_id", "product_id", "start_date", "end_date", "note", "name", "tag",
                        "customer_descriptions", "product"] {
                #expect(row[key] != nil, "\(key)")
            }
            #expect(row["product"]?["name"] == "Node")
            let model = try await server.get("/api/subscriptions/domain-model/\(node)", auth: .none).json
            #expect(model["customer_descriptions"] == [] && model["name"] == .null && model["tag"] == .null)
            #expect(model["product"]?["created_at"] == row["product"]?["created_at"] && model["product"]?["end_date"] == .null)
            let filtered = try await server.get("/api/subscriptions/", auth: .none)
            #expect(filtered.json[0]?["metadata"] == .null && filtered.json[0]?["subscription_id"] == .string(node))

            let links = try await server.get("/api/processes/process-subscriptions-by-subscription-id/\(node)", auth: .none)
            #expect(links.status == 200)
            let link = try #require(links.json[0])
            #expect(links.json.arrayValue?.count == 1)
            #expect(link["subscription_id"] == .string(node) && link["pid"] == link["process_id"])
            #expect(link["workflow_target"] == "CREATE" && link["id"]?.stringValue?.count == 36 && link["created_at"]?.stringValue != nil)
            #expect(link["process"]?["workflow_name"] == "create_node" && link["process"]?["last_status"] == "completed")
            #expect(link["process"]?["traceback"] == .null && link["process"]?["steps"] == nil)
            let unknown = try await server.get("/api/processes/process-subscriptions-by-subscription-id/00000000-0000-0000-0000-000000000000")
            #expect(unknown.status == 200 && unknown.json == [])
        }
    }

    @Test func deletingAProcessThenListing() async throws {
        try await LiveServer.with { server in
            let done = try await server.enrol("loc3-core")
            let finished = try #require(try await server.get("/api/processes/").json[0]?["process_id"]?.stringValue)
            // Cached once read: the deletion must drop that answer too.
            #expect(try await server.get("/api/processes/\(finished)").status == 200)
            let suspended = try await server.startNode("loc4-core")

            let refused = try await server.call("DELETE", "/api/processes/\(suspended)", auth: .none)
            #expect(refused.status == 403)
            let deleted = try await server.call("DELETE", "/api/processes/\(suspended)")
            #expect(deleted.status == 204 && deleted.text.isEmpty)
            #expect(try await server.call("DELETE", "/api/processes/\(finished)").status == 204)
            #expect(try await server.get("/api/processes/").json == [])
            let gone = try await server.get("/api/processes/\(finished)")
            #expect(gone.status == 404)
            #expect(gone.json == ["detail": .string("Process with process_id \(finished) not found"), "status": 404, "title": "Not Found"])
            #expect(try await server.get("/api/processes/process-subscriptions-by-subscription-id/\(done)").json == [])
            #expect(try await server.get("/api/subscriptions/all").json.arrayValue?.count == 2)

            let again = try await server.call("DELETE", "/api/processes/\(suspended)")
            #expect(again.status == 404)
            #expect(again.json == ["detail": .null, "status": 404, "title": "Not Found"])
        }
    }

    @Test func deletingASubscriptionDeletesItsProcessesAndRefusesOneInUse() async throws {
        try await LiveServer.with { server in
            let engineer = Engineer(fleet: server.world.lab.fleet)
            let driver = WorkshopDriver(engine: server.world.engine, catalogue: server.world.catalogue, engineer: engineer)
            let a = try driver.createNode("loc1-core"), b = try driver.createNode("loc2-core")
            let circuit = try driver.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")

            let inUse = try await server.call("DELETE", "/api/subscriptions/\(a)")
            #expect(inUse.status == 409)
            #expect(inUse.json["detail"]?.stringValue?.contains("in use by \(circuit)") == true)
            #expect(inUse.json["status"] == 409 && inUse.json["title"] == "Conflict")
            #expect(try await server.get("/api/subscriptions/domain-model/\(circuit)").status == 200)

            let circuitProcess = try #require(
                try await server.get("/api/processes/process-subscriptions-by-subscription-id/\(circuit)").json[0]?["pid"]?.stringValue)
            let deleted = try await server.call("DELETE", "/api/subscriptions/\(circuit)")
            #expect(deleted.status == 200 && deleted.json == .null && deleted.text == "null")
            #expect(try await server.get("/api/processes/\(circuitProcess)").status == 404)
            #expect(try await server.get("/api/subscriptions/domain-model/\(circuit)").status == 404)
            #expect(try await server.get("/api/subscriptions/domain-model/\(a)").json["node"]?["in_use_by_ids"] == [])

            #expect(try await server.call("DELETE", "/api/subscriptions/\(a)").status == 200)
            let remaining = try await server.get("/api/subscriptions/all").json.arrayValue?.compactMap { $0["subscription_id"]?.stringValue }
            #expect(remaining == [b])
            #expect(try await server.get("/api/processes/").json.arrayValue?.count == 1)
            let missing = try await server.call("DELETE", "/api/subscriptions/\(a)")
            #expect(missing.status == 404 && missing.json == ["detail": .null, "status": 404, "title": "Not Found"])
        }
    }

    @Test func noAuthModeOpensWritesOnlyWhenEnabled() async throws {
        try await LiveServer.with(token: nil) { server in
            let processID = try await server.startNodeWithoutToken("loc5-core")
            // Any Authorization header is ignored, as orchestrator-core with OAuth2 off ignores it.
            let aborted = try await server.call("PUT", "/api/processes/\(processID)/abort", auth: .raw("Token wrong"))
            #expect(aborted.status == 204)
            #expect(try await server.get("/netbox/api/dcim/devices/", auth: .none).status == 200)
            #expect(try await server.call("DELETE", "/api/processes/\(processID)", auth: .none).status == 204)
        }
        try await LiveServer.with { server in
            let refused = try await server.call("POST", "/api/processes/create_node", body: "[]", auth: .none)
            #expect(refused.status == 403 && refused.json["detail"] == "Authentication credentials were not provided.")
        }
    }
}

extension LiveServer {
    /// `startNode` without any Authorization header.
    func startNodeWithoutToken(_ device: String) async throws -> String {
        let answer = try await call("POST", "/api/processes/create_node",
                                    body: "[{\"product\": \"\(nodeProductID)\"}, {\"select_device_choice\": \"\(device)\"}]", auth: .none)
        #expect(answer.status == 201, "\(answer.text)")
        return try #require(answer.json["id"]?.stringValue)
    }
}
