import Catalogues
import NetBoxSim
import RouterSim
import WorkflowEngine
import Workshop

/// validate_node: compares the Node subscription with its NetBox device and with the router's
/// running config; fails listing every difference, or succeeds and leaves it in sync.
public enum ValidateNode {
    static let loopbackInterface = "loopback0"

    public static func workflow(_ services: WorkshopServices) -> Workflow {
        validateWorkflow(WorkflowName.validateNode, "Validate Node") {
            step("Compare with NetBox and the running config") { context in
                let node = try context.subscription(NodeModel.self).node.fields
                let differences = try netboxDifferences(node, services.netbox(for: context))
                    + routerDifferences(node, services.fleet)
                guard differences.isEmpty else { throw WorkshopError.drift(differences) }
                return ["validated": true]
            }
        }
    }

    static func netboxDifferences(_ node: NodeBlock, _ netbox: WorkshopNetBox) throws -> [Difference] {
        let id = node.node_id ?? 0
        let source = "netbox device \(id)"
        guard let device = try netbox.device(id: id) else {
            return [Difference(source: source, field: "existence", expected: "present", found: "missing")]
        }
        var differences = Difference.list(source, [
            ("name", node.node_name, device.name), ("status", node.node_status, device.status.rawValue),
        ])
        do {
            let loopbacks = try netbox.loopbacks(of: device)
            differences += Difference.list(source, [
                ("primary_ip4", node.ipv4_loopback, loopbacks.ipv4), ("primary_ip6", node.ipv6_loopback, loopbacks.ipv6),
            ])
        } catch let error as WorkshopError {
            differences.append(Difference(source: source, field: "primary addresses", expected: "present", found: error.description))
        }
        return differences
    }

    static func routerDifferences(_ node: NodeBlock, _ fleet: Fleet) throws -> [Difference] {
        let name = node.node_name ?? ""
        let config = try RunningConfigReader.read(name, from: fleet)
        let source = "\(name) running-config"
        let loopback = config.interfaces[loopbackInterface]
        return Difference.list(source, [
            ("hostname", name, config.hostname),
            ("interface \(loopbackInterface) ip address", node.ipv4_loopback, loopback?.ipv4?.description ?? "none"),
            ("interface \(loopbackInterface) ipv6 address", node.ipv6_loopback,
             loopback.map { $0.ipv6.map(\.description).joined(separator: ", ") } ?? "none"),
        ])
    }
}

extension Difference {
    /// A difference for each (field, expected, found) whose values differ; a missing expected
    /// value shows as `none`.
    static func list(_ source: String, _ checks: [(field: String, expected: String?, found: String)]) -> [Difference] {
        checks.compactMap { check in
            let expected = check.expected ?? "none"
            return expected == check.found ? nil
                : Difference(source: source, field: check.field, expected: expected, found: check.found)
        }
    }
}
