import Testing
@testable import OrchLabServer
import RouterSim

@Suite struct LabFaultLimitTests {
    @Test func atMostTheLimitOfFaultsIsActiveAtOnce() async throws {
        let world = try LiveServer.makeWorld()
        let fault = LabFault.Kind.device("loc1-core", DeviceFaults(delay: .milliseconds(1)))
        for _ in 0..<ServerLimits.maxActiveFaults { _ = try world.labControl.add(fault, actor: "test") }
        #expect(try world.labControl.faults().count == ServerLimits.maxActiveFaults)
        try await LiveServer.with(world) { server in
            let refused = try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc2-core\", \"unreachable\": true}")
            #expect(refused.status == 400)
            #expect(refused.json["detail"] == "at most 100 faults may be active at once; DELETE /lab/faults/{id} some first")
            let first = try #require(try world.labControl.faults().first?.id)
            #expect(try await server.call("DELETE", "/lab/faults/\(first)").status == 204)
            #expect(try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc2-core\", \"unreachable\": true}").status == 201)
        }
    }
}
