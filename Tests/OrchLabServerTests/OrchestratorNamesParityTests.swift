import Catalogues
import Testing
import OrchLabServer
import WorkflowEngine
import Workshop

/// Names and body keys a client compares with the workshop's app on orchestrator-core 1.3.6
/// (Examples/python-orchestrator/recordings/orchestrator-core-solved.json).
@Suite struct OrchestratorNamesParityTests {
    @Test func productsCarryTheirNameAsDescriptionTypeAndTag() async throws {
        try await LiveServer.with { server in
            let products = try await server.get("/api/products/", auth: .none).json.arrayValue ?? []
            #expect(products.compactMap { $0["name"]?.stringValue }.sorted() == ["Circuit", "Node"])
            for product in products {
                #expect(product["description"] == product["name"] && product["product_type"] == product["name"]
                        && product["tag"] == product["name"], "\(product)")
            }
        }
    }

    @Test func workflowDescriptionsAreTheWorkshopAppsOwn() async throws {
        let expected = ["create_node": "Create Node", "create_circuit": "Create Circuit",
                        "modify_circuit": "Modify the circuit maintenance state", "terminate_circuit": "Terminate the circuit"]
        try await LiveServer.with { server in
            let workflows = try await server.get("/api/workflows", auth: .none).json.arrayValue ?? []
            let descriptions = Dictionary(workflows.compactMap { row in
                row["name"]?.stringValue.flatMap { name in row["description"]?.stringValue.map { (name, $0) } }
            }, uniquingKeysWith: { first, _ in first })
            for (name, description) in expected { #expect(descriptions[name] == description, "\(name)") }
            let circuit = try await server.get("/api/products/?filter=product_type,Circuit", auth: .none).json[0]
            let listed = circuit?["workflows"]?.arrayValue?.first { $0["name"] == "modify_circuit" }
            #expect(listed?["description"] == "Modify the circuit maintenance state")
        }
    }

    /// pydantic-forms' handler in 1.3.6 sends these keys and a traceback (left out here); no `meta`.
    @Test func formNotCompleteBodyHasTheReferenceKeys() async throws {
        try await LiveServer.with { server in
            let answer = try await server.call("POST", "/api/processes/create_node", body: "[]")
            #expect(answer.status == 510)
            #expect(answer.json.objectValue?.keys.sorted() == ["detail", "form", "status", "title", "type"])
        }
    }

    @Test func circuitMembersAreLayer3InterfaceBlocks() async throws {
        try await LiveServer.with { server in
            let driver = WorkshopDriver(engine: server.world.engine, catalogue: server.world.catalogue,
                                        engineer: Engineer(fleet: server.world.lab.fleet))
            for device in ["loc1-core", "loc2-core"] { _ = try driver.createNode(device) }
            let circuit = try driver.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
            let model = try await server.get("/api/subscriptions/domain-model/\(circuit)", auth: .none).json
            let members = model["circuit"]?["members"]?.arrayValue ?? []
            #expect(members.count == 2)
            #expect(members.allSatisfy { $0["name"] == "Layer 3 Interface" && $0["port"]?["name"] == "Port" })
            #expect(model["circuit"]?["name"] == "Circuit")
        }
    }
}
