import Catalogues
import WorkflowEngine
import Workshop

/// modify_circuit: puts a circuit into or out of maintenance.
///
/// Exercise 3: update `under_maintenance` in the subscription and show both endpoint configs
/// with the IS-IS metric of the new mode.
public enum ModifyCircuit {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        modifyWorkflow(WorkflowName.modifyCircuit, "Modify the circuit maintenance state", initialForm: MaintenanceForm.form(services)) {
            step("Update subscription model") { _ in [:] }
        }
    }
}
