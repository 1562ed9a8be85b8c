import Catalogues
import WorkflowEngine
import Workshop

/// modify_circuit, solved (exercise 3): updates the model and shows both endpoint configs with
/// the IS-IS metric of the new mode. This file replaces the kit's ModifyCircuit.swift as it stands.
public enum ModifyCircuit {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        modifyWorkflow(WorkflowName.modifyCircuit, "Modify the circuit maintenance state", initialForm: MaintenanceForm.form(services)) {
            step("Update subscription model") { context in
                var subscription = try context.subscription(CircuitModel.self)
                subscription.circuit.under_maintenance = try context.state.bool(MaintenanceForm.field)
                return ["subscription": subscription]
            }
            provideConfigStep("Put the new metric on both routers") { state in
                try CircuitTexts.endpoints(state, services)
            }
        }
    }
}
