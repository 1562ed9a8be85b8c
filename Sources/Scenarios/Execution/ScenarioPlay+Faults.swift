import NetBoxSim
import RouterSim

/// `fault:` actions: NetBox calls failing, routers unreachable or refusing config, links
/// down and up, the engine killed, and `clear`.
extension ScenarioPlay {
    func inject(_ fault: ScenarioFault, _ action: ScenarioAction) throws -> ActionResult {
        let fleet = world.fleet
        let actor = "scenario fault"
        switch fault {
        case .netbox(let planned):
            guard let operation = Self.operation(named: planned.operation) else {
                let known = NetBoxOperation.allCases.map { Self.snakeCase($0.rawValue) }.joined(separator: ", ")
                throw ActionFailure(message: "unknown NetBox operation '\(planned.operation)'; known: \(known)")
            }
            world.planNetBoxFault(.status(planned.status), on: operation, occurrence: planned.occurrence, times: planned.times)
        case .routerUnreachable(let device):
            var faults = try fleet.faults(device)
            faults.unreachable = true
            try fleet.setFaults(faults, on: device, actor: actor)
        case .routerRejectsConfig(let device, let patterns) where patterns.isEmpty:
            var faults = try fleet.faults(device)
            faults.rejectsConfig = true
            try fleet.setFaults(faults, on: device, actor: actor)
        case .routerRejectsConfig(let device, let patterns):
            var faults = try fleet.faults(device)
            for pattern in patterns where (try? Regex(pattern)) == nil {
                throw ActionFailure(message: "'\(pattern)' is not a valid regular expression")
            }
            faults.rejectedLinePatterns += patterns
            try fleet.setFaults(faults, on: device, actor: actor)
        case .linkDown(let port):
            try fleet.setLink(try link(at: port), up: false, actor: actor)
        case .linkUp(let port):
            try fleet.setLink(try link(at: port), up: true, actor: actor)
        case .killEngine(let step):
            world.killEngine(afterSteps: step, byScenario: true)
        case .clear:
            for device in fleet.deviceNames { try fleet.setFaults(DeviceFaults(), on: device, actor: actor) }
            for state in fleet.linkStates() where !state.isUp { try fleet.setLink(state.link, up: true, actor: actor) }
            world.clearNetBoxFaults()
        }
        return ActionResult(action: action, status: .passed)
    }

    private func link(at port: InterfaceRef) throws -> LinkSpec {
        let end = PortRef(device: port.device, port: port.port)
        guard let link = world.fleet.spec.links.first(where: { $0.a == end || $0.b == end }) else {
            throw ActionFailure(message: "no link at \(port) in the lab")
        }
        return link
    }

    /// `create_cable` or `createCable`; `allocate_ip` for `allocateIP`.
    static func operation(named name: String) -> NetBoxOperation? {
        let wanted = name.replacingOccurrences(of: "_", with: "").lowercased()
        return NetBoxOperation.allCases.first { $0.rawValue.lowercased() == wanted }
    }

    static func snakeCase(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "IPs", with: "Ips").replacingOccurrences(of: "IP", with: "Ip")
        return words.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }
}
