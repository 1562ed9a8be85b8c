import Testing
import WorkflowEngine

/// The engine guide's example (docs/engine.md) inside a namespace, with its results checked here;
/// DocExamplesTests compiles and runs the documented text itself.
enum ReadmeExample {
    struct NodeBlock: ProductBlockModel {
        static let blockName = "Node"
        static let requirements: [String: Required] = ["node_name": .fromProvisioning, "ipv4_loopback": .whenActive]
        var node_name: String?
        var ipv4_loopback: String?
    }
    struct NodeModel: ProductModel { var node = Block<NodeBlock>() }

    static let node = Product(name: "node Cisco", description: "Network node", type: "Node", tag: "NODE",
                              workflows: ["create_node"], model: NodeModel.self)

    static let construct = step("Construct Node model") { context in
        var subscription = try context.newSubscription(NodeModel.self, customerID: "ORG-1")
        subscription.node.node_name = try context.state.string("node_name")
        return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
    }
    static let confirm = inputStep("Confirm config") { form in
        try form.page("Put this config on the router") {
            FormField.readOnlyText("config", value: "hostname loc1").meta(["device": "loc1-core"])
            FormField.accept("confirm_config_put_on_routers")
        }.values
    }
    static let createNode = createWorkflow("create_node", "Create Node",
                                           initialForm: Form { form in try form.page("Node") { FormField.string("node_name") }.values }) {
        construct
        storeProcessSubscription
        setStatus(.provisioning)
        confirm
        step("Assign loopback") { context in
            var subscription = try context.subscription(NodeModel.self)
            subscription.node.ipv4_loopback = "10.0.0.1"
            return ["subscription": subscription]
        }
    }
}

@Suite struct ReadmeExampleTests {
    @Test func readmeExampleRunsAsDocumented() throws {
        let engine = try Engine(path: ":memory:", clock: SteppingClock(), ids: IDGenerator(seed: 1))
        try engine.register(ReadmeExample.createNode)
        let product = try engine.register(ReadmeExample.node)
        let run = try engine.start("create_node", inputs: [["product": .string(product.snapshot.productID)], ["node_name": "loc1"]])
        #expect(run.status == .suspended)
        #expect(try engine.process(run.processID).form?["properties"]?["config"]?["meta"] == ["device": "loc1-core"])
        let done = try engine.resume(run.processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
        #expect(done.status == .completed)
        let id = try #require(try engine.process(run.processID).subscriptions.first)
        #expect(try engine.subscription(ReadmeExample.NodeModel.self, id: id).node.ipv4_loopback == "10.0.0.1")
    }
}
