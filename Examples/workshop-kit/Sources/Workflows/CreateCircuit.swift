import Catalogues
import NetBoxSim
import WorkflowEngine
import Workshop

/// create_circuit: a circuit between free 400G ports of two active nodes, with a planned cable,
/// addresses from the circuit pool, and both endpoint configs shown to the engineer.
public enum CreateCircuit {
    public static func workflow(_ services: WorkshopServices) -> Workflow {
        createWorkflow(WorkflowName.createCircuit, "Create Circuit", initialForm: form(services),
                       cleanup: [releaseOnAbort(services)]) {
            construct(services)
            storeProcessSubscription
            reserveAddresses(services)
            provideConfigStep("Put the circuit config on both routers") { state in
                try CircuitTexts.endpoints(state, services)
            }
            setStatus(.provisioning)
            connectCable(services)
            step("Update subscription description") { context in
                var subscription = try context.subscription(CircuitModel.self)
                subscription.description = Descriptions.circuitSubscription(
                    circuitID: subscription.circuit.circuit_id ?? 0, block: subscription.circuit.circuit_description ?? "")
                return ["subscription": subscription]
            }
        }
    }

    /// The workshop's pages: `router_a`, then `router_b` (both titled with the product name;
    /// active nodes by name, B without A), then "Choose circuit ports" with `a_port` and
    /// `b_port` (each router's free 400G ports by name). Clients post names, as to the
    /// workshop's app; the answers hold the node subscription ids and NetBox interface ids.
    static func form(_ services: WorkshopServices) -> Form {
        Form { form in
            let title = try form.state.string("product_name")
            let named = try services.nodes([.active]).compactMap { node in node.node.node_name.map { (name: $0, id: node.subscriptionID) } }
            let routers = NamedChoices(named.sorted { $0.name < $1.name })
            let a = try form.page(title) { FormField.choice("router_a", options: routers.choices) }
            let routerA = try a.string("router_a")
            let b = try form.page(title) { FormField.choice("router_b", options: routers.removing(routerA).choices) }
            func ports(_ router: String) throws -> NamedChoices {
                NamedChoices(try services.netbox.freePorts(ofDevice: router).map { ($0.name, String($0.id)) })
            }
            let (portsA, portsB) = (try ports(routerA), try ports(try b.string("router_b")))
            let chosen = try form.page("Choose circuit ports") {
                FormField.choice("a_port", options: portsA.choices)
                FormField.choice("b_port", options: portsB.choices)
            }
            return ["router_a": .string(try routers.id(a, "router_a")), "router_b": .string(try routers.id(b, "router_b")),
                    "a_port": .string(try portsA.id(chosen, "a_port")), "b_port": .string(try portsB.id(chosen, "b_port"))]
        }
    }

    static func construct(_ services: WorkshopServices) -> Step {
        step("Construct Circuit model") { context in
            let netbox = services.netbox(for: context)
            let routers = (a: try context.subscription(NodeModel.self, at: "router_a"),
                           b: try context.subscription(NodeModel.self, at: "router_b"))
            let ports = (a: try netbox.interface(id: portID(context.state, "a_port")),
                         b: try netbox.interface(id: portID(context.state, "b_port")))
            let names = (a: routers.a.node.node_name ?? "", b: routers.b.node.node_name ?? "")
            var subscription = try context.newSubscription(CircuitModel.self, customerID: WorkshopProducts.customerID)
            subscription.circuit.members = [
                member(ports.a, node: routers.a.node, farNode: names.b, farPort: ports.b.name),
                member(ports.b, node: routers.b.node, farNode: names.a, farPort: ports.a.name),
            ]
            subscription.circuit.circuit_description = Descriptions.circuitBlock(
                aNode: names.a, aPort: ports.a.name, bNode: names.b, bPort: ports.b.name)
            subscription.circuit.under_maintenance = true
            let cable = try netbox.ensureCable(a: ports.a.id, b: ports.b.id,
                                               owner: WorkshopNetBox.cableOwner(processID: context.processID))
            subscription.circuit.circuit_id = cable.id
            subscription.circuit.circuit_status = cable.status.rawValue
            return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
        }
    }

    static func portID(_ state: State, _ key: String) throws -> Int {
        let text = try state.string(key)
        guard let id = Int(text) else { throw WorkshopError.notAnInterfaceID(field: key, value: text) }
        return id
    }

    static func member(_ port: Interface, node: Block<NodeBlock>, farNode: String, farPort: String) -> Block<Layer3InterfaceBlock> {
        var member = Block<Layer3InterfaceBlock>()
        member.port.port_id = port.id
        member.port.port_name = port.name
        member.port.port_description = Descriptions.port(farNode: farNode, farPort: farPort)
        member.port.node = node
        return member
    }

    /// "Reserve IPs in IPAM": /64 pool ▸ /127 ▸ one address per side, assigned to that side's
    /// interface; repeated after a failure, it finds and reuses what was already reserved.
    static func reserveAddresses(_ services: WorkshopServices) -> Step {
        step("Reserve IPs in IPAM") { context in
            var subscription = try context.subscription(CircuitModel.self)
            let (a, b) = try subscription.model.sides(subscriptionID: subscription.subscriptionID)
            let addresses = try services.netbox(for: context).ensureAddresses(
                circuit: subscription.circuit.circuit_description ?? "",
                a: (a.port.port_id ?? 0, a.port.port_description ?? ""),
                b: (b.port.port_id ?? 0, b.port.port_description ?? ""))
            subscription.circuit.members[0].v6_ip_address = addresses.a.address.description
            subscription.circuit.members[1].v6_ip_address = addresses.b.address.description
            return ["subscription": subscription]
        }
    }

    /// Run when the process is aborted: gives back the addresses and the cable this process
    /// reserved, and nothing if its cable is not there (then it reserved no addresses, or they
    /// belong to whoever holds the ports now). The subscription stays, as the engine leaves
    /// aborted subscriptions.
    static func releaseOnAbort(_ services: WorkshopServices) -> Step {
        step("Release NetBox reservations") { context in
            let netbox = services.netbox(for: context)
            let owner = WorkshopNetBox.cableOwner(processID: context.processID)
            guard let cable = try netbox.ownedCable(a: portID(context.state, "a_port"), b: portID(context.state, "b_port"),
                                                    owner: owner) else { return [:] }
            if let block = (try? context.state.model(CircuitModel.self))?.circuit.circuit_description {
                try netbox.releaseAddresses(circuit: block)
            }
            try netbox.deleteCable(id: cable.id)
            return [:]
        }
    }

    static func connectCable(_ services: WorkshopServices) -> Step {
        step("Set cable 'connected' in NetBox") { context in
            var subscription = try context.subscription(CircuitModel.self)
            let cable = try services.netbox(for: context).setCable(subscription.circuit.circuit_id ?? 0, status: .connected)
            subscription.circuit.circuit_status = cable.status.rawValue
            return ["subscription": subscription]
        }
    }
}
