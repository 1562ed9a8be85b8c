import NetBoxSim
import Testing
import WorkflowEngine
@testable import Workshop

@Suite struct NodeWorkflowTests {
    @Test func createNodeEnrolsThePlannedDevice() throws {
        let harness = try WorkshopHarness()
        let id = try harness.createNode("loc1-core")
        let node = try harness.engine.subscription(NodeModel.self, id: id)
        #expect(node.status == .active)
        #expect(node.description == "Node loc1-core")
        #expect(node.node.node_id == 7)
        #expect(node.node.node_status == "active")
        #expect(node.node.ipv4_loopback == "10.0.0.1/32")
        #expect(node.node.ipv6_loopback == "2001:db8::1/128")
        #expect(try harness.netbox.device(id: 7).status == .active)
        let loopback = try #require(try harness.fleet.runningConfig("loc1-core").interfaces["loopback0"])
        #expect(loopback.ipv4?.description == "10.0.0.1/32")
    }
}
