import NetBoxSim
import RouterSim
import WorkflowEngine

/// The parts of a result read off the world at the end: timelines, config diffs, the drawing
/// and the snapshot.
extension ScenarioWorld {
    func fillReport(_ result: inout ScenarioResult) {
        result.processes = processes.map(timeline)
        result.configDiffs = fleet.deviceNames.map { device in
            RouterConfigDiff(device: device, before: initialConfigs[device] ?? "",
                             after: (try? fleet.runningConfigText(device)) ?? "")
        }
        do {
            let subscriptions = try SubscriptionDump(self)
            result.topology = drawing(subscriptions)
            result.snapshot = try SnapshotWriter(world: self, subscriptions: subscriptions).sections()
        } catch {
            result.error = "cannot read the world's final state: \(error)"
        }
    }

    private func timeline(_ record: ProcessRecord) -> ProcessTimeline {
        let observed = outcome(of: record)
        var attempt = 1
        var steps: [StepRecord] = []
        for step in stepLog(of: record) {
            steps.append(StepRecord(name: step.name, status: step.status.rawValue, message: step.error, attempt: attempt))
            if step.error != nil { attempt += 1 }
        }
        return ProcessTimeline(name: record.name, workflow: record.workflow, processId: record.processID,
                               outcome: observed.status, message: observed.message, steps: steps)
    }

    /// Routers with their NetBox status, physical links up or down, and the circuit on each.
    private func drawing(_ subscriptions: SubscriptionDump) -> TopologyDrawing {
        let devices = (try? netbox.devices(["limit": "0"]).results) ?? []
        let nodes = fleet.deviceNames.map { name in
            TopologyDrawing.Node(name: name, status: devices.first { $0.name == name }?.status.rawValue)
        }
        let circuits = circuitsByPort(subscriptions)
        let links = fleet.linkStates().map { state in
            TopologyDrawing.Link(a: InterfaceRef(device: state.link.a.device, port: state.link.a.port),
                                 b: InterfaceRef(device: state.link.b.device, port: state.link.b.port),
                                 state: state.isUp ? .up : .down,
                                 circuit: circuits[InterfaceRef(device: state.link.a.device, port: state.link.a.port)])
        }
        return TopologyDrawing(nodes: nodes, links: links)
    }

    /// Subscription ids by the `as:` name of the process that first touched them (usually its creator).
    func subscriptionNames() -> [String: String] {
        var names: [String: String] = [:]
        for record in processes {
            if let id = subscriptionID(of: record), names[id] == nil { names[id] = record.name }
        }
        return names
    }

    /// Live circuit subscriptions by each of their ports.
    private func circuitsByPort(_ subscriptions: SubscriptionDump) -> [InterfaceRef: TopologyDrawing.Circuit] {
        var result: [InterfaceRef: TopologyDrawing.Circuit] = [:]
        let names = subscriptions.names
        for (_, model) in subscriptions.models where model["status"]?.stringValue != Lifecycle.terminated.rawValue {
            guard let circuit = model["circuit"], let members = circuit["members"]?.arrayValue else { continue }
            let id = model["subscription_id"]?.stringValue ?? ""
            let name = names[id] ?? circuit["circuit_description"]?.stringValue ?? id
            let drawn = TopologyDrawing.Circuit(name: name, status: model["status"]?.stringValue ?? "?",
                                                underMaintenance: circuit["under_maintenance"]?.boolValue ?? false)
            for member in members {
                let port = member["port"]
                guard let device = port?["node"]?["node_name"]?.stringValue, let name = port?["port_name"]?.stringValue else { continue }
                result[InterfaceRef(device: device, port: name)] = drawn
            }
        }
        return result
    }
}

/// Every subscription's domain model and the names scenarios gave them, read once at the end.
struct SubscriptionDump {
    /// By subscription id, oldest id first.
    let models: [(id: String, model: JSON)]
    /// Subscription ids by the `as:` name of the process that first touched them.
    let names: [String: String]

    init(_ world: ScenarioWorld) throws {
        let orchestrator = world.orchestrator
        models = try world.subscriptionIDs().map { ($0.id, try orchestrator.domainModel($0.id)) }
        names = world.subscriptionNames()
    }
}
