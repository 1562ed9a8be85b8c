import Catalogues
import RouterSim
import WorkflowEngine

/// validate_customer_access: checks that NetBox and the router's running config still match
/// the subscription; a mismatch fails the step, naming what differs.
public enum ValidateCustomerAccess {
    public static func workflow(_ services: AccessServices) -> Workflow {
        validateWorkflow(AccessProduct.validate, "Validate Customer Access") {
            step("Check port and address in NetBox") { context in
                let access = try context.subscription(CustomerAccessModel.self).access.fields
                let netbox = services.netbox(for: context)
                let port = try netbox.port(id: access.port.port_id ?? 0)
                var problems: [String] = []
                if !port.markConnected { problems.append("\(port.name) is not marked connected") }
                if port.description != access.portDescription { problems.append("\(port.name) is described \"\(port.description)\"") }
                if port.enabled != (access.port.enabled ?? true) { problems.append("\(port.name) enabled is \(port.enabled)") }
                let addresses = try netbox.addresses(ofPort: port.id).map(\.address.description)
                if !addresses.contains(access.ipv6_address ?? "") {
                    problems.append("\(port.name) has addresses \(addresses), not \(access.ipv6_address ?? "none")")
                }
                guard problems.isEmpty else { throw AccessError.outOfSync("NetBox: " + problems.joined(separator: "; ")) }
                return [:]
            }
            step("Check running config on the PE router") { context in
                let access = try context.subscription(CustomerAccessModel.self).access.fields
                let router = access.port.router_name ?? "", portName = access.port.port_name ?? ""
                guard let interface = try services.fleet.runningConfig(router).interfaces[portName] else {
                    throw AccessError.outOfSync("\(router) has no interface \(portName)")
                }
                var problems: [String] = []
                if interface.description != access.portDescription { problems.append("description is \(interface.description ?? "unset")") }
                if !interface.ipv6.map(\.description).contains(access.ipv6_address ?? "") {
                    problems.append("ipv6 addresses are \(interface.ipv6.map(\.description))")
                }
                if interface.shutdown == (access.port.enabled ?? true) { problems.append(interface.shutdown ? "port is shut" : "port is not shut") }
                guard problems.isEmpty else { throw AccessError.outOfSync("\(router) \(portName): " + problems.joined(separator: "; ")) }
                return [:]
            }
        }
    }
}
