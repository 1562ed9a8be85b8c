// Generated from the ```swift blocks of README.md and docs/**/*.md: do not edit.
// Tests/DocExamplesTests/update.sh rewrites it.
import Catalogues
import NetBoxSim
import RouterSim
import Topology
import WorkflowEngine
import Workshop
import WorkshopReference

// docs/catalogues.md, example 1
func docExample_docs_catalogues_1() throws {
    struct PortBlock: ProductBlockModel {
        static let blockName = "Port"
        static let requirements: [String: Required] = ["device": .fromProvisioning]
        var device: String?
        init() {}
    }

    struct PortModel: ProductModel {
        var port = Block<PortBlock>()
        init() {}
    }

    let portProduct = Product(name: "Port", description: "A customer port", type: "Port", tag: "PORT",
                              workflows: ["create_port"], model: PortModel.self)

    func myServices() -> Catalogue {
        Catalogue(name: "my-services", summary: "customer ports", products: [portProduct]) { services in
            [createWorkflow("create_port", "Create Port", initialForm: Form.pages(FormPage(title: "Port") {
                FormField.string("device", title: "Device")
            })) {
                step("Construct Port model") { context in
                    var subscription = try context.newSubscription(PortModel.self, customerID: "ACME")
                    subscription.port.device = try context.state.string("device")
                    return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
                }
                storeProcessSubscription
                configInputStep("Port config", confirm: "confirm") { state in
                    [ConfigText(field: "port_config", device: try state.string("device"),
                                text: "interface loopback 9\n description customer port\n")]
                }
                setStatus(.active)
            }]
        }
    }
}

// docs/engine.md, example 1
func docExample_docs_engine_1() throws {
    struct NodeBlock: ProductBlockModel {
        static let blockName = "Node"
        static let requirements: [String: Required] = ["node_name": .fromProvisioning, "ipv4_loopback": .whenActive]
        var node_name: String?
        var ipv4_loopback: String?
    }
    struct NodeModel: ProductModel { var node = Block<NodeBlock>() }

    let node = Product(name: "node Cisco", description: "Network node", type: "Node", tag: "NODE",
                       workflows: ["create_node"], model: NodeModel.self)

    let construct = step("Construct Node model") { context in
        var subscription = try context.newSubscription(NodeModel.self, customerID: "ORG-1")
        subscription.node.node_name = try context.state.string("node_name")
        return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
    }
    let confirm = inputStep("Confirm config") { form in
        try form.page("Put this config on the router") {
            FormField.readOnlyText("config", value: "hostname loc1").meta(["device": "loc1-core"])
            FormField.accept("confirm_config_put_on_routers")
        }.values
    }
    let createNode = createWorkflow("create_node", "Create Node",
                                    initialForm: Form { form in try form.page("Node") { FormField.string("node_name") }.values }) {
        construct
        storeProcessSubscription
        setStatus(.provisioning)
        confirm
        step("Assign loopback") { context in
            var subscription = try context.subscription(NodeModel.self)
            subscription.node.ipv4_loopback = "10.0.0.1"
            return ["subscription": subscription]
        }
    }

    let engine = try Engine(path: ":memory:", clock: SteppingClock(), ids: IDGenerator(seed: 1))
    try engine.register(createNode)
    let product = try engine.register(node)
    let run = try engine.start("create_node", inputs: [["product": .string(product.snapshot.productID)], ["node_name": "loc1"]])
    // run.status == .suspended; engine.process(run.processID).form is the input page's JSON Schema
    let done = try engine.resume(run.processID, inputs: [["confirm_config_put_on_routers": "ACCEPTED"]])
    print(done.status)   // completed
}

// docs/netbox.md, example 1
func docExample_docs_netbox_1() throws {
    var seed = NetBoxSeed()
    seed.sites = [.init(name: "Location 1", slug: "location-1")]
    seed.manufacturers = [.init(name: "Nokia", slug: "nokia")]
    seed.deviceTypes = [.init(manufacturer: "nokia", model: "7750 SR-2s", slug: "7750-sr-2s")]
    seed.deviceRoles = [.init(name: "Core Router", slug: "core-router")]
    seed.devices = [.init(name: "loc1-core", deviceType: "7750-sr-2s", role: "core-router", site: "location-1", status: "planned")]
    seed.interfaces = [.init(device: "loc1-core", name: "1/1/c1/1", type: "400gbase-x-qsfpdd", speedKbps: 400_000_000)]
    seed.prefixes = [.init(prefix: "2001:db8:10::/44", description: "Circuit Address Pool")]

    let netbox = NetBox()
    try netbox.load(seed)                                   // all or nothing

    // Lists take the query string as NetBox would receive it, and answer a Page (count, results, limit, offset).
    let free: NetBoxQuery = ["device": "loc1-core", "occupied": "False", "speed": "400000000"]
    let ports = try netbox.interfaces(free)
    let pool = try netbox.prefixes(["prefix": "2001:db8:10::/44"]).results[0]
    let p2p = try netbox.allocatePrefix(in: pool.id, ["prefix_length": 127], actor: "docs")
    print(ports.count, p2p.prefix)                          // 1 2001:db8:10::/127

    // Workflows call NetBox through a client, which carries an actor and a fault plan.
    let faults = FaultInjector()
    faults.inject(.status(503), on: .allocatePrefix, call: 2)
    let client = NetBoxClient(netbox: netbox, actor: "process 1 / Reserve IPs", faults: faults)
    _ = try client.allocatePrefix(in: pool.id, length: 64)  // the first call succeeds
    do { _ = try client.allocatePrefix(in: pool.id, length: 64) } catch { print(error) }   // the second answers 503
}

// docs/routers.md, example 1
func docExample_docs_routers_1() throws {
    let a = PortRef(device: "loc1-core", port: "1/1/c2/1"), b = PortRef(device: "loc2-core", port: "1/1/c1/1")
    let spec = FleetSpec(routers: [RouterSpec(name: "loc1-core", ports: [a.port]), RouterSpec(name: "loc2-core", ports: [b.port])],
                         links: [LinkSpec(a: a, b: b)])
    let fleet = Fleet(spec: spec)

    for (port, address, system) in [(a, "2001:db8:10::/127", "0001"), (b, "2001:db8:10::1/127", "0002")] {
        let text = """
            interface loopback 0
             ipv6 address 2001:db8::\(system)/128
            interface \(port.port)
             ipv6 address \(address)
             ipv6 router isis
             isis network point-to-point
            router isis
             net 49.0001.0000.0000.\(system).00
             is-type level-2-only
             metric-style wide
             address-family ipv6 unicast
              redistribute connected
            end
            """
        let result = try fleet.apply(paste: text, to: port.device, actor: "process 1234 / Provide Config to User")
        print(result.isClean, result.rejectedLines.count)   // true 0; result.lines has every line's outcome, result.diff the change
    }
    print(try fleet.runningConfig("loc1-core").render())      // canonical `show running-config`
    print(try fleet.show("loc1-core", "show ipv6 route"))     // plain text like IOS
    print(fleet.adjacencies().count, try fleet.path(from: "loc1-core", to: "loc2-core"))   // 1 [loc1-core -> loc2-core (cost 10)]
    print(fleet.reachability().isFullyReachable, fleet.problems(), fleet.history().count)   // true [] 2

    try fleet.setFaults(DeviceFaults(unreachable: true), on: "loc2-core", actor: "chaos")
    try fleet.setLink(spec.links[0], up: false, actor: "chaos")
    print(fleet.now)                                          // virtual clock, never a real sleep
}

// docs/topology-format.md, example 1
func docExample_docs_topology_format_1() throws {
    let lab = try Lab(contentsOf: "Topologies/workshop.yaml")   // NetBox in memory, or netboxPath: "lab.sqlite"
    print(try lab.netbox.devices().count, lab.fleet.deviceNames)
}

// docs/workshop.md, example 1
func docExample_docs_workshop_1() throws {
    let lab = try Lab(contentsOf: "Topologies/workshop.yaml")   // netboxPath: "lab.sqlite" to persist NetBox
    let engine = try Engine(path: ":memory:")
    let catalogue = try WorkshopReference.catalogue().register(into: engine, netbox: lab.client(), fleet: lab.fleet)
    let driver = WorkshopDriver(engine: engine, catalogue: catalogue, engineer: Engineer(fleet: lab.fleet))
    let (nodes, circuits) = try driver.buildWorkshop()          // 5 nodes, then loc1–loc2, loc1–loc3, loc2–loc3, …
    print(nodes.count, circuits.count)                          // 5 10
}
