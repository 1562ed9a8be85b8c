import WorkflowEngine

/// modify_circuit: puts a circuit into or out of maintenance. Solved (the workshop's third
/// exercise), it updates the model and shows both endpoint configs with the new IS-IS metric;
/// the starter's step does nothing, as the workshop hands it out.
enum ModifyCircuit {
    static let field = "under_maintenance"

    static func workflow(_ services: WorkshopServices, solved: Bool) -> Workflow {
        modifyWorkflow(WorkflowName.modifyCircuit, "Modify Circuit", initialForm: form(services)) {
            if solved {
                step("Update subscription model") { context in
                    var subscription = try context.subscription(CircuitModel.self)
                    subscription.circuit.under_maintenance = try context.state.bool(field)
                    return ["subscription": subscription]
                }
                provideConfigStep("Put the new metric on both routers") { state in
                    try CircuitTexts.endpoints(state, placement: services.metricPlacement)
                }
            } else {
                step("Update subscription model") { _ in [:] }
            }
        }
    }

    /// One page: `under_maintenance`, defaulting to the circuit's current value.
    static func form(_ services: WorkshopServices) -> Form {
        Form { form in
            let id = try form.state.string("subscription_id")
            let current = try services.directory.subscription(CircuitModel.self, id: id).model.isUnderMaintenance
            return try form.page("Maintenance") {
                FormField.bool(field, title: "Under maintenance", default: current)
            }.values
        }
    }
}
