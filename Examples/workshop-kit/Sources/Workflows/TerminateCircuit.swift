import Catalogues
import WorkflowEngine
import Workshop

/// terminate_circuit: shows the config that removes the circuit from both routers, releases
/// the two addresses, the /127 and the /64, and deletes the cable.
public enum TerminateCircuit {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        terminateWorkflow(WorkflowName.terminateCircuit, "Terminate the circuit") {
            provideConfigStep("Remove the circuit config from both routers") { state in try CircuitTexts.removal(state) }
            step("Release IPs in IPAM") { context in
                let circuit = try context.subscription(CircuitModel.self).circuit
                try services.netbox(for: context).releaseAddresses(circuit: circuit.circuit_description ?? "")
                return [:]
            }
            step("Delete cable in NetBox") { context in
                let circuit = try context.subscription(CircuitModel.self).circuit
                if let id = circuit.circuit_id { try services.netbox(for: context).deleteCable(id: id) }
                return [:]
            }
        }
    }
}
