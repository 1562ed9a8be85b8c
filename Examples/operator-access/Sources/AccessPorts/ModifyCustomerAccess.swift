import Catalogues
import WorkflowEngine

/// modify_customer_access: suspends or resumes the customer (shut / no shut on the router,
/// enabled in NetBox).
public enum ModifyCustomerAccess {
    public static let field = "enabled"

    public static func workflow(_ services: AccessServices) -> Workflow {
        modifyWorkflow(AccessProduct.modify, "Modify Customer Access", initialForm: form(services)) {
            step("Update subscription model") { context in
                var subscription = try context.subscription(CustomerAccessModel.self)
                subscription.access.port.enabled = try context.state.bool(field)
                return ["subscription": subscription]
            }
            step("Update port in NetBox") { context in
                let port = try context.subscription(CustomerAccessModel.self).access.port.fields
                try services.netbox(for: context).setPort(id: port.port_id ?? 0, enabled: port.enabled ?? true)
                return [:]
            }
            configInputStep("Change the port's admin state on the PE router", confirm: AccessConfig.confirm) { state in
                [AccessConfig.adminState(try state.access())]
            }
        }
    }

    /// One page: `enabled`, defaulting to the port's current state.
    static func form(_ services: AccessServices) -> Form {
        Form { form in
            let id = try form.state.string("subscription_id")
            let current = try services.subscriptions.subscription(CustomerAccessModel.self, id: id).access.port.enabled ?? true
            return try form.page("Admin state") {
                FormField.bool(field, title: "Port enabled (false suspends the customer)", default: current)
            }.values
        }
    }
}
