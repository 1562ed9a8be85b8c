import Catalogues
import WorkflowEngine

/// terminate_customer_access: shows the config that shuts and clears the port, releases the
/// customer's address and /64, and gives the port back in NetBox.
public enum TerminateCustomerAccess {
    public static func workflow(_ services: AccessServices) -> Workflow {
        terminateWorkflow(AccessProduct.terminate, "Terminate Customer Access") {
            configInputStep("Remove the access port config from the PE router", confirm: AccessConfig.confirm) { state in
                [AccessConfig.removal(try state.access())]
            }
            step("Release customer prefix in IPAM") { context in
                let access = try context.subscription(CustomerAccessModel.self).access.fields
                try services.netbox(for: context).releaseAddressing(description: access.prefixDescription)
                return [:]
            }
            step("Release port in NetBox") { context in
                let access = try context.subscription(CustomerAccessModel.self).access.fields
                try services.netbox(for: context).releasePort(
                    id: access.port.port_id ?? 0, description: access.portDescription)
                return [:]
            }
        }
    }
}
