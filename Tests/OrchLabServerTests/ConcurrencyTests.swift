import Foundation
import Testing
import WorkflowEngine

@Suite struct ConcurrencyTests {
    @Test func twoConcurrentResumesOfOneProcessCannotBothSucceed() async throws {
        try await LiveServer.with { server in
            let processID = try await server.startNode("loc1-core")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await server.call("PUT", "/api/processes/\(processID)/resume",
                                              body: "[{\"confirm_config_put_on_routers\": \"ACCEPTED\"}]").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted() == [204, 409])
            #expect(try await server.get("/api/processes/\(processID)").json["last_status"] == "completed")
        }
    }

    @Test func twoConcurrentStartsOnOneSubscriptionCannotBothSucceed() async throws {
        try await LiveServer.with { server in
            let node = try await server.enrol("loc4-core")
            let answers = try await withThrowingTaskGroup(of: Answer.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await server.call("POST", "/api/processes/terminate_node", body: "[{\"subscription_id\": \"\(node)\"}]")
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let started = answers.filter { $0.status == 201 }
            #expect(started.count == 1, "\(answers.map(\.text))")
            #expect(answers.allSatisfy { [201, 400, 409].contains($0.status) })
            // The one that started shows the removal config; the engineer finishes it.
            #expect(try await server.confirm(#require(started.first?.json["id"]?.stringValue)).status == 204)
            let subscription = try await server.get("/api/subscriptions/\(node)").json
            #expect(subscription["status"] == "terminated")
        }
    }
}
