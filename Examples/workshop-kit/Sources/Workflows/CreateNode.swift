import Catalogues
import NetBoxSim
import WorkflowEngine
import Workshop

/// create_node: enrol a planned NetBox device as a Node subscription.
///
/// Exercise 1: once the node is provisioned, set the NetBox device from planned to active.
/// Exercise 2: refuse a device that already has a live Node subscription, naming it.
public enum CreateNode {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        createWorkflow(WorkflowName.createNode, "Create Node", initialForm: form(services)) {
            NodeSteps.construct(services)
            storeProcessSubscription
            NodeSteps.fetchLoopbacks(services)
            NodeSteps.provideNodeConfig
            setStatus(.provisioning)
        }
    }

    /// A choice of planned devices by name, on a page titled with the product name.
    static func form(_ services: WorkshopServices) -> Form {
        Form { form in
            let offered = try services.netbox.plannedDevices().map { Choice($0.name) }
            return try form.page(form.state.string("product_name")) {
                FormField.choice(NodeSteps.deviceField, options: offered)
            }.values
        }
    }
}
