import Testing
import WorkflowEngine
import WorkflowEngineTesting

@Suite struct CreateWorkflowTests {
    @Test func createNodeSuspendsAtInputStepThenCompletes() throws {
        let (engine, node) = try nodeEngine()
        let run = try assertSuspended(runWorkflow(engine, "create_node", [productPage(node), ["node_name": "loc1-core"]]))
        #expect(run.stepNames == ["Start", "Construct Node model", "Create Process Subscription relation",
                                  "Set subscription to 'provisioning'", "Confirm config"])
        let done = try assertComplete(resumeWorkflow(run, [["confirm_config_put_on_routers": "ACCEPTED"]]))
        #expect(done.stepNames.suffix(5) == ["Confirm config", "Assign loopbacks", "Set subscription to 'active'",
                                            "Unlock subscription", "Done"])
        let id = try done.state.string("subscription_id")
        let subscription = try engine.subscription(NodeModel.self, id: id)
        #expect(subscription.status == .active)
        #expect(subscription.insync)
        #expect(subscription.node.ipv4_loopback == "10.0.0.7")
        #expect(subscription.startDate != nil)
    }
}
