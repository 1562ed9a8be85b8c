import Catalogues
import NetBoxSim
import RouterSim
import WorkflowEngine
import Workshop

/// validate_circuit: compares the Circuit subscription with NetBox (cable, ports, addresses)
/// and with both routers' running configs (description, address, IS-IS, metric); fails listing
/// every difference, or succeeds and leaves it in sync.
public enum ValidateCircuit {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        validateWorkflow(WorkflowName.validateCircuit, "Validate Circuit") {
            step("Compare with NetBox and the running configs") { context in
                let subscription = try context.subscription(CircuitModel.self)
                let netbox = services.netbox(for: context)
                var differences = Difference.list("subscription", [(
                    "description",
                    Descriptions.circuitSubscription(circuitID: subscription.circuit.circuit_id ?? 0,
                                                     block: subscription.circuit.circuit_description ?? ""),
                    subscription.description)])
                differences += try cableDifferences(subscription.model, subscriptionID: subscription.subscriptionID, netbox)
                let (a, b) = try subscription.model.sides(subscriptionID: subscription.subscriptionID)
                for side in [a, b] {
                    differences += try portDifferences(side, netbox)
                    differences += try routerDifferences(side, underMaintenance: subscription.model.isUnderMaintenance,
                                                         services.fleet)
                }
                guard differences.isEmpty else { throw WorkshopError.drift(differences) }
                return ["validated": true]
            }
        }
    }

    static func cableDifferences(_ model: CircuitModel, subscriptionID: String, _ netbox: WorkshopNetBox) throws -> [Difference] {
        let id = model.circuit.circuit_id ?? 0
        let source = "netbox cable \(id)"
        guard let cable = try netbox.cable(id: id) else {
            return [Difference(source: source, field: "existence", expected: "present", found: "missing")]
        }
        let (a, b) = try model.sides(subscriptionID: subscriptionID)
        let expectedEnds = [a.port.port_id ?? 0, b.port.port_id ?? 0].sorted().map(String.init).joined(separator: ", ")
        let foundEnds = (cable.aTerminations + cable.bTerminations).sorted().map(String.init).joined(separator: ", ")
        return Difference.list(source, [
            ("status", model.circuit.circuit_status, cable.status.rawValue), ("interfaces", expectedEnds, foundEnds),
        ])
    }

    static func portDifferences(_ side: Layer3InterfaceBlock, _ netbox: WorkshopNetBox) throws -> [Difference] {
        let id = side.port.port_id ?? 0
        let source = "netbox interface \(id)"
        guard let interface = try netbox.client.interface(id: id) else {
            return [Difference(source: source, field: "existence", expected: "present", found: "missing")]
        }
        let addresses = try netbox.addresses(ofInterface: id).map(\.address.description).sorted()
        return Difference.list(source, [
            ("name", side.port.port_name, interface.name),
            ("ip addresses", side.v6_ip_address, addresses.isEmpty ? "none" : addresses.joined(separator: ", ")),
        ])
    }

    static func routerDifferences(_ side: Layer3InterfaceBlock, underMaintenance: Bool, _ fleet: Fleet) throws -> [Difference] {
        let device = side.port.node?.node_name ?? ""
        let portName = side.port.port_name ?? ""
        let config = try RunningConfigReader.read(device, from: fleet)
        let source = "\(device) running-config interface \(portName)"
        guard let interface = config.interfaces[portName] else {
            return [Difference(source: source, field: "existence", expected: "present", found: "missing")]
        }
        let isis = config.isis
        return Difference.list(source, [
            ("description", side.port.port_description, interface.description ?? "none"),
            ("ipv6 address", side.v6_ip_address, interface.ipv6.isEmpty ? "none" : interface.ipv6.map(\.description).joined(separator: ", ")),
            ("ipv6 router isis", "yes", interface.runsISIS ? "yes" : "no"),
            ("isis network point-to-point", "yes", interface.isisPointToPoint ? "yes" : "no"),
            ("isis passive", "no", isis.map { $0.isPassive(portName) ? "yes" : "no" } ?? "no isis process"),
            ("isis ipv6 level-2 metric", String(ISISMetric.value(underMaintenance: underMaintenance)),
             String(effectiveMetric(interface, isis))),
        ])
    }

    /// The level-2 IPv6 metric the interface advertises: its own, else the router-wide one,
    /// else IS-IS's default 10 (the precedence the routers apply).
    static func effectiveMetric(_ interface: InterfaceConfig, _ isis: ISISConfig?) -> UInt32 {
        interface.isisIPv6Metric.level2 ?? interface.isisMetric.level2 ?? isis?.ipv6Unicast?.metric.level2 ?? 10
    }
}
