import Catalogues
import WorkflowEngine
import Workshop

/// modify_circuit, solved (exercise 3): updates the model and shows both endpoint configs with
/// the IS-IS metric of the new mode. This file replaces the kit's ModifyCircuit.swift as it stands.
public enum ModifyCircuit {
    public static let field = "under_maintenance"

    public static func workflow(_ services: WorkshopServices) -> Workflow {
        modifyWorkflow(WorkflowName.modifyCircuit, "Modify Circuit", initialForm: form(services)) {
            step("Update subscription model") { context in
                var subscription = try context.subscription(CircuitModel.self)
                subscription.circuit.under_maintenance = try context.state.bool(field)
                return ["subscription": subscription]
            }
            provideConfigStep("Put the new metric on both routers") { state in
                try CircuitTexts.endpoints(state, placement: services.metricPlacement)
            }
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
