import ArgumentParser
import Foundation
import WorkflowEngine

/// `orchlab run`: until the scenario runner exists, runs a built-in demo on the workflow engine
/// (create, modify and terminate a node subscription) and prints every step it executed.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run OrchLab's main job (for now: the workflow-engine demo).",
        discussion: "The scenario runner is not built yet; this runs a demo workflow end to end on the engine and reports only what it ran.")

    @Option(name: .long, help: "SQLite database file (WAL); in memory when omitted.")
    var db: String?

    func run() throws {
        let engine = try Engine(path: db ?? ":memory:")
        try engine.register([DemoWorkflows.create, DemoWorkflows.modify, DemoWorkflows.terminate])
        let product = try engine.register(DemoWorkflows.product)
        print("OrchLab demo: workflow engine on SQLite (\(db.map { "file \($0)" } ?? "in memory"))")
        print("The scenario runner is not built yet; only the demo workflows below were run.\n")

        var outcome = try engine.start("demo_create_node", inputs: [
            ["product": .string(product.snapshot.productID)], ["node_name": "demo-core-1"],
        ])
        let shown = try report(engine, outcome)
        if outcome.status == .suspended {
            print("  → resuming with confirm_config_put_on_routers = ACCEPTED")
            outcome = try engine.resume(outcome.processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
            try report(engine, outcome, skipping: shown)
        }
        let subscriptionID = try engine.process(outcome.processID).subscriptions.first ?? ""
        for workflow in ["demo_modify_node", "demo_terminate_node"] {
            try report(engine, engine.start(workflow, inputs: [["subscription_id": .string(subscriptionID)]]))
        }
        let final = try engine.subscription(subscriptionID)
        print("\nsubscription \(subscriptionID): status \(final["status"]?.stringValue ?? "?"), "
            + "insync \(final["insync"]?.boolValue ?? false), version \(final["version"]?.intValue ?? 0)")
    }

    /// Prints the process's executed steps after the first `skipping`; returns how many it has.
    @discardableResult
    private func report(_ engine: Engine, _ outcome: ProcessOutcome, skipping: Int = 0) throws -> Int {
        let detail = try engine.process(outcome.processID)
        print("process \(outcome.processID) \(detail.workflowName): \(outcome.status.rawValue)")
        for step in detail.executedSteps.dropFirst(skipping) {
            print("  \(step.name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(step.status.rawValue)")
        }
        return detail.executedSteps.count
    }
}

/// The demo product and workflows `orchlab run` drives.
enum DemoWorkflows {
    struct NodeBlock: ProductBlockModel {
        static let blockName = "Node"
        static let requirements: [String: Required] = ["node_name": .fromProvisioning, "ipv4_loopback": .whenActive]
        var node_name: String?
        var ipv4_loopback: String?
    }

    struct NodeModel: ProductModel {
        var node = Block<NodeBlock>()
    }

    static let product = Product(name: "demo node", description: "Demo network node", type: "Node", tag: "NODE",
                                 workflows: ["demo_create_node", "demo_modify_node", "demo_terminate_node"],
                                 model: NodeModel.self)

    static let create = createWorkflow("demo_create_node", "Create a demo node", initialForm: Form { form in
        try form.page("Node") { FormField.string("node_name") }.values
    }) {
        step("Construct Node model") { context in
            var subscription = try context.newSubscription(NodeModel.self, customerID: "demo")
            subscription.node.node_name = try context.state.string("node_name")
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
        storeProcessSubscription
        setStatus(.provisioning)
        inputStep("Confirm config put on router") { form in
            let name = try form.state.string("node_name")
            return try form.page("Put this config on \(name)") {
                FormField.readOnlyText("config", value: "hostname \(name)").meta(["device": .string(name)])
                FormField.accept("confirm_config_put_on_routers")
            }.values
        }
        step("Assign loopback") { context in
            var subscription = try context.subscription(NodeModel.self)
            subscription.node.ipv4_loopback = "10.255.0.1"
            return ["subscription": subscription]
        }
    }

    static let modify = modifyWorkflow("demo_modify_node", "Rename the demo node") {
        step("Update description") { context in
            var subscription = try context.subscription(NodeModel.self)
            subscription.description = "Node \(subscription.node.node_name ?? "?")"
            return ["subscription": subscription]
        }
    }

    static let terminate = terminateWorkflow("demo_terminate_node", "Terminate the demo node") {
        step("Remove node from network") { _ in ["removed": true] }
    }
}
