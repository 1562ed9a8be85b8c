import Catalogues
import NetBoxSim
import WorkflowEngine

/// create_customer_access: a free 10G port of an active PE router, reserved in NetBox for the
/// customer, a /64 from the Customer Access Pool with the router's address on the port, and
/// the router's config shown to the engineer.
public enum CreateCustomerAccess {
    public static func workflow(_ services: AccessServices) -> Workflow {
        createWorkflow(AccessProduct.create, "Create Customer Access", initialForm: form(services.netbox),
                       cleanup: [releaseOnAbort(services)]) {
            construct(services)
            storeProcessSubscription
            step("Reserve port in NetBox") { context in
                let access = try context.subscription(CustomerAccessModel.self).access.fields
                try services.netbox(for: context).reservePort(
                    id: access.port.port_id ?? 0, router: access.port.router_name ?? "", description: access.portDescription)
                return [:]
            }
            step("Allocate customer prefix in IPAM") { context in
                var subscription = try context.subscription(CustomerAccessModel.self)
                let (prefix, address) = try services.netbox(for: context).ensureAddressing(
                    description: subscription.access.fields.prefixDescription, portID: subscription.access.port.port_id ?? 0)
                subscription.access.ipv6_prefix = prefix.prefix.description
                subscription.access.ipv6_address = address.address.description
                return ["subscription": subscription]
            }
            configInputStep("Put the access port config on the PE router", confirm: AccessConfig.confirm) { state in
                [AccessConfig.create(try state.access())]
            }
        }
    }

    /// Page "Customer and router" (`customer`, `router`: an active PE router by name), then
    /// page "Port" (`port`: a free 10G port of that router; value the NetBox interface id).
    static func form(_ netbox: AccessNetBox) -> Form {
        Form { form in
            let routers = try netbox.activeRouters().map { Choice($0.name) }
            let first = try form.page("Customer and router") {
                FormField.string("customer", title: "Customer").validated { value in
                    if let problem = AccessLimits.customerNameProblem(value.stringValue ?? "") {
                        throw FieldError("Customer name \(problem)")
                    }
                }
                FormField.choice("router", title: "PE router", options: routers)
            }
            let ports = try netbox.freePorts(ofRouter: try first.string("router")).map { Choice(String($0.id), label: $0.name) }
            let second = try form.page("Port") { FormField.choice("port", title: "Access port", options: ports) }
            return first.values.merging(second.values) { $1 }
        }
    }

    static func construct(_ services: AccessServices) -> Step {
        step("Construct CustomerAccess model") { context in
            let netbox = services.netbox(for: context)
            let customer = try context.state.string("customer")
            let routerName = try context.state.string("router")
            let port = try netbox.port(id: try context.state.netboxID("port"))
            guard let router = try netbox.activeRouters().first(where: { $0.name == routerName }), port.deviceID == router.id else {
                throw AccessError.portNotOnRouter(port: port.name, router: routerName)
            }
            var subscription = try context.newSubscription(CustomerAccessModel.self, customerID: customer)
            subscription.description = AccessDescriptions.subscription(customer: customer, router: router.name, port: port.name)
            subscription.access.customer = customer
            subscription.access.port.router_id = router.id
            subscription.access.port.router_name = router.name
            subscription.access.port.port_id = port.id
            subscription.access.port.port_name = port.name
            subscription.access.port.enabled = true
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
    }

    /// Run when the process is aborted: gives back the addresses and the port this process
    /// reserved (found by their descriptions; nothing found means nothing to give back).
    static func releaseOnAbort(_ services: AccessServices) -> Step {
        step("Release NetBox reservations") { context in
            let netbox = services.netbox(for: context)
            guard let access = try? context.subscription(CustomerAccessModel.self).access.fields else { return [:] }
            try netbox.releaseAddressing(description: access.prefixDescription)
            try netbox.releasePort(id: access.port.port_id ?? 0, description: access.portDescription)
            return [:]
        }
    }
}
