import Foundation
import Testing
import OrchLabServer
import WorkflowEngine

@Suite struct OrchestratorRouteTests {
    @Test func productsListTheWorkshopProductsWithTheirWorkflows() async throws {
        try await LiveServer.with { server in
            let products = try await server.get("/api/products/", auth: .none)
            #expect(products.status == 200)
            let node = try #require(products.json.arrayValue?.first { $0["product_type"] == "Node" })
            #expect(node["product_id"]?.stringValue == server.nodeProductID)
            let workflows = node["workflows"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(workflows.contains("create_node") && workflows.contains("terminate_node"))
            let filtered = try await server.get("/api/products/?filter=product_type,Circuit", auth: .none)
            #expect(filtered.json.arrayValue?.count == 1)
        }
    }

    @Test func startWalksTheFormPagesAndNamesInvalidFields() async throws {
        try await LiveServer.with { server in
            let first = try await server.call("POST", "/api/processes/create_node", body: "[]")
            #expect(first.status == 510)
            #expect(first.json["type"] == "FormNotCompleteError")
            #expect(first.json["form"]?["properties"]?["product"] != nil)

            let second = try await server.call("POST", "/api/processes/create_node", body: "[{\"product\": \"\(server.nodeProductID)\"}]")
            #expect(second.status == 510)
            let choices = second.json["form"]?["properties"]?["select_device_choice"]?["enum"]?.arrayValue ?? []
            #expect(choices.contains("loc1-core"))

            let invalid = try await server.call("POST", "/api/processes/create_node",
                                                body: "[{\"product\": \"\(server.nodeProductID)\"}, {\"select_device_choice\": \"nope\"}]")
            #expect(invalid.status == 400)
            #expect(invalid.json["type"] == "FormValidationError")
            let error = try #require(invalid.json["validation_errors"]?[0])
            #expect(error["loc"] == ["select_device_choice"])
            #expect(error["input"] == "nope")

            let unknown = try await server.call("POST", "/api/processes/no_such_workflow", body: "[]")
            #expect(unknown.status == 404)
            #expect(unknown.json["detail"]?.stringValue?.contains("no_such_workflow") == true)
        }
    }

    /// The pages a client of the workshop's app posts, routers and ports by name, work as they are.
    @Test func createCircuitTakesRoutersAndPortsByNameAndNamesABadOne() async throws {
        try await LiveServer.with { server in
            for device in ["loc1-core", "loc2-core"] { _ = try await server.enrol(device) }
            let product = server.world.catalogue.product(named: "Circuit")?.snapshot.productID ?? ""
            let routers = "[{\"product\": \"\(product)\"}, {\"router_a\": \"loc1-core\"}, {\"router_b\": \"loc2-core\"}"
            let ports = try await server.call("POST", "/api/processes/create_circuit", body: routers + "]")
            #expect(ports.status == 510)
            #expect(ports.json["form"]?["title"] == "Choose circuit ports")
            #expect(ports.json["form"]?["properties"]?["a_port"]?["enum"]?.arrayValue?.contains("1/1/c2/1") == true)

            let invalid = try await server.call("POST", "/api/processes/create_circuit",
                                                body: "[{\"product\": \"\(product)\"}, {\"router_a\": \"loc9-core\"}]")
            #expect(invalid.status == 400)
            #expect(invalid.json["type"] == "FormValidationError")
            #expect(invalid.json["validation_errors"]?[0]?["loc"] == ["router_a"])
            #expect(invalid.json["validation_errors"]?[0]?["input"] == "loc9-core")

            let started = try await server.call("POST", "/api/processes/create_circuit",
                                                body: routers + ", {\"a_port\": \"1/1/c2/1\", \"b_port\": \"1/1/c1/1\"}]")
            #expect(started.status == 201, "\(started.text)")
            let processID = try #require(started.json["id"]?.stringValue)
            #expect(try await server.confirm(processID).status == 204)
            #expect(try await server.get("/api/processes/\(processID)").json["last_status"] == "completed")
        }
    }

    @Test func createNodeShowsPendingStepsAndTheConfigFormThenCompletes() async throws {
        try await LiveServer.with { server in
            let processID = try await server.startNode("loc1-core")
            let suspended = try await server.get("/api/processes/\(processID)", auth: .none).json
            #expect(suspended["last_status"] == "suspended")
            #expect(suspended["workflow_name"] == "create_node")
            let steps = suspended["steps"]?.arrayValue ?? []
            #expect(steps.contains { $0["status"] == "pending" })
            #expect(steps.first { $0["status"] == "success" }?["state_delta"]?.objectValue != nil)
            let field = try #require(suspended["form"]?["properties"]?["node_config"])
            #expect(field["meta"]?["device"] == "loc1-core")
            #expect(field["default"]?.stringValue?.contains("loc1-core") == true)
            #expect(suspended["subscriptions"]?[0]?["status"] != nil)

            let resumed = try await server.confirm(processID)
            #expect(resumed.status == 204)
            let done = try await server.get("/api/processes/\(processID)").json
            #expect(done["last_status"] == "completed")
            #expect(done["subscriptions"]?[0]?["status"] == "active")
            #expect(done["subscriptions"]?[0]?["insync"] == true)

            let again = try await server.call("PUT", "/api/processes/\(processID)/resume", body: "[{}]")
            #expect(again.status == 409)
            #expect(again.json["detail"]?.stringValue?.contains("Resuming a completed workflow is not possible") == true)
        }
    }

    @Test func subscriptionsListFilterDomainModelAndWorkflows() async throws {
        try await LiveServer.with { server in
            let node = try await server.enrol("loc2-core")
            let listed = try await server.get("/api/subscriptions/?filter=status,active,product,Node", auth: .none)
            #expect(listed.json.arrayValue?.map { $0["subscription_id"] } == [.string(node)])
            #expect(listed.header("Content-Range") == "subscriptions 0-1/1")
            let none = try await server.get("/api/subscriptions/?filter=status,terminated", auth: .none)
            #expect(none.json.arrayValue?.isEmpty == true)

            let model = try await server.get("/api/subscriptions/domain-model/\(node)", auth: .none)
            #expect(model.status == 200)
            #expect(model.json["node"]?["in_use_by_ids"] == [])
            #expect(model.json["node"]?["node_name"] == "loc2-core")

            let workflows = try await server.get("/api/subscriptions/workflows/\(node)", auth: .none).json
            let terminate = workflows["terminate"]?.arrayValue?.first { $0["name"] == "terminate_node" }
            #expect(terminate != nil && terminate?["reason"] == nil)

            let tag = try #require(model.header("ETag"))
            let unchanged = try await server.call("GET", "/api/subscriptions/domain-model/\(node)", headers: ["If-None-Match": tag])
            #expect(unchanged.status == 304 && unchanged.text.isEmpty)
            let other = try await server.call("GET", "/api/subscriptions/domain-model/\(node)", headers: ["If-None-Match": "W/\"0\""])
            #expect(other.status == 200)

            let missing = try await server.get("/api/subscriptions/domain-model/00000000-0000-0000-0000-000000000000")
            #expect(missing.status == 404)
        }
    }

    @Test func processListFiltersSortsAndRanges() async throws {
        try await LiveServer.with { server in
            _ = try await server.enrol("loc1-core")
            _ = try await server.startNode("loc2-core")
            let all = try await server.get("/api/processes/?sort=started_at,DESC", auth: .none)
            #expect(all.json.arrayValue?.count == 2)
            #expect(all.json[0]?["last_status"] == "suspended")
            let suspended = try await server.get("/api/processes/?filter=last_status,suspended", auth: .none)
            #expect(suspended.json.arrayValue?.count == 1)
            let ranged = try await server.get("/api/processes/?range=1,2", auth: .none)
            #expect(ranged.json.arrayValue?.count == 1)
            #expect(ranged.header("Content-Range") == "processes 1-2/2")
            let bad = try await server.get("/api/processes/?sort=started_at,SIDEWAYS", auth: .none)
            #expect(bad.status == 400)
        }
    }

    @Test func abortUnlocksAndCannotRepeat() async throws {
        try await LiveServer.with { server in
            let processID = try await server.startNode("loc3-core")
            let aborted = try await server.call("PUT", "/api/processes/\(processID)/abort")
            #expect(aborted.status == 204)
            #expect(try await server.get("/api/processes/\(processID)").json["last_status"] == "aborted")
            let twice = try await server.call("PUT", "/api/processes/\(processID)/abort")
            #expect(twice.status == 409)
            let callback = try await server.call("POST", "/api/processes/\(processID)/callback/abc", body: "{}")
            #expect(callback.status == 409)
        }
    }

    @Test func aFinishedProcessShowsItsSubscriptionsAsTheyAreNow() async throws {
        try await LiveServer.with { server in
            let processID = try await server.startNode("loc5-core")
            #expect(try await server.confirm(processID).status == 204)
            let first = try await server.get("/api/processes/\(processID)").json
            let node = try #require(first["subscriptions"]?[0]?["subscription_id"]?.stringValue)
            #expect(first["subscriptions"]?[0]?["status"] == "active")
            let terminate = try await server.call("POST", "/api/processes/terminate_node", body: "[{\"subscription_id\": \"\(node)\"}]")
            #expect(try await server.confirm(#require(terminate.json["id"]?.stringValue)).status == 204)
            let again = try await server.get("/api/processes/\(processID)").json
            #expect(again["subscriptions"]?[0]?["status"] == "terminated")
            #expect(again["steps"] == first["steps"])
            #expect(again["last_status"] == "completed" && again["product_id"] == first["product_id"])
        }
    }
}
