import Catalogues
import WorkflowEngine
import Workshop

/// modify_circuit: puts a circuit into or out of maintenance.
///
/// Exercise 3: update `under_maintenance` in the subscription and show both endpoint configs
/// with the IS-IS metric of the new mode.
public enum ModifyCircuit {
    public static let field = "under_maintenance"

    public static func workflow(_ services: WorkshopServices) -> Workflow {
        modifyWorkflow(WorkflowName.modifyCircuit, "Modify Circuit", initialForm: form(services)) {
            step("Update subscription model") { _ in [:] }
        }
    }

    /// One page: `under_maintenance`, defaulting to the circuit's current value.
    static func form(_ services: WorkshopServices) -> Form {
        Form { form in
            let id = try form.state.string("subscription_id")
            let current = try services.subscriptions.subscription(CircuitModel.self, id: id).model.isUnderMaintenance
            return try form.page("Maintenance") {
                FormField.bool(field, title: "Under maintenance", default: current)
            }.values
        }
    }
}
