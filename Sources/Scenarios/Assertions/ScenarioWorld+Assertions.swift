import NetBoxSim
import RouterSim
import WorkflowEngine

/// Each assertion subject evaluated against the world as it stands.
extension ScenarioWorld {
    func evaluate(_ assertion: Assertion) -> AssertionResult {
        let verdict: CheckVerdict
        do {
            verdict = try check(assertion.check)
        } catch {
            verdict = CheckVerdict(passed: false, actual: "cannot check: \(error)")
        }
        return AssertionResult(assertion: assertion, verdict: verdict)
    }

    private func check(_ check: Assertion.Check) throws -> CheckVerdict {
        switch check {
        case .subscription(let check): return try subscriptionVerdict(check)
        case .device(let name, let status):
            guard let device = try netbox.devices(["limit": "0"]).results.first(where: { $0.name == name }) else {
                return CheckVerdict(passed: false, actual: "NetBox has no device \(name)")
            }
            return CheckVerdict(passed: device.status.rawValue == status, actual: "\(name) is \(device.status.rawValue)")
        case .prefix(let check): return try prefixVerdict(check)
        case .address(let check): return try addressVerdict(check)
        case .cable(let check): return try cableVerdict(check)
        case .config(let check):
            let config = try fleet.runningConfig(check.device).render()
            return check.evaluate(runningConfig: config, rejectedLines: rejectedLines(of: check.device))
        case .adjacency(let a, let b, let up):
            let found = fleet.adjacencies().contains { $0.connects(a, b) }
            return CheckVerdict(passed: found == up, actual: "IS-IS adjacency \(a) - \(b) \(found ? "up" : "down")")
        case .path(let check):
            let paths = try fleet.path(from: check.from, to: check.to)
            let chosen = paths.first { $0.devices == check.via } ?? paths.first
            return check.evaluate(path: chosen?.devices)
        case .allLoopbacksReachable:
            let unreachable = fleet.reachability().unreachablePairs
            let shown = unreachable.prefix(5).map { "\($0.from) -> \($0.to.device) (\($0.to.address))" }
            return CheckVerdict(passed: unreachable.isEmpty, actual: unreachable.isEmpty ? "every loopback reachable"
                : "\(unreachable.count) unreachable: " + shown.joined(separator: ", ") + (unreachable.count > 5 ? ", …" : ""))
        case .process(let check):
            guard let record = process(named: check.process) else {
                return CheckVerdict(passed: false, actual: "no process named '\(check.process)' was started")
            }
            let observed = outcome(of: record)
            let steps = stepLog(of: record).map(\.name)
            return check.evaluate(outcome: observed.status, message: observed.message, steps: steps, audit: auditTrail(of: record))
        case .noLeakedResources:
            let leaks = try LeakFinder(world: self).leaks()
            return CheckVerdict(passed: leaks.isEmpty, actual: leaks.isEmpty ? "nothing leaked" : "leaked " + leaks.joined(separator: "; "))
        }
    }

    private func subscriptionVerdict(_ check: SubscriptionCheck) throws -> CheckVerdict {
        let id: String
        do {
            guard case .string(let resolved) = try resolve(check.subscription) else {
                return CheckVerdict(passed: false, actual: "\(check.subscription) is not a subscription id")
            }
            id = resolved
        } catch {
            return CheckVerdict(passed: false, actual: error.description)
        }
        var problems: [String] = []
        var found: [String] = []
        func compare(_ label: String, _ expected: ScenarioValue?, _ path: [String]) throws {
            guard let expected else { return }
            let actual = subscriptionField(id, path: path).map(Self.value)
            let text = actual?.description ?? "missing"
            found.append("\(label) \(text)")
            if !Self.same(try resolve(expected), actual) { problems.append("\(label) \(text)") }
        }
        try compare("status", check.status.map(ScenarioValue.string), ["status"])
        try compare("insync", check.insync.map(ScenarioValue.bool), ["insync"])
        try compare("description", check.description.map(ScenarioValue.string), ["description"])
        for key in check.fields.keys.sorted() {
            try compare(key, check.fields[key], key.split(separator: ".").map(String.init))
        }
        return CheckVerdict(passed: problems.isEmpty, actual: problems.isEmpty ? found.joined(separator: ", ") : problems.joined(separator: ", "))
    }

    /// Values equal as a reader would see them: numbers by value, the rest by their text.
    static func same(_ expected: ScenarioValue, _ actual: ScenarioValue?) -> Bool {
        guard let actual else { return expected == .null }
        switch (expected, actual) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        default: return expected.description == actual.description
        }
    }

    private func prefixVerdict(_ check: PrefixCheck) throws -> CheckVerdict {
        let found = try netbox.prefixes(["limit": "0"]).results.first { $0.prefix.description == check.prefix }
        guard let found else { return CheckVerdict(passed: !check.allocated, actual: "no prefix \(check.prefix)") }
        let actual = "prefix \(found.prefix) \(found.status.rawValue), description \"\(found.description)\""
        return CheckVerdict(passed: check.allocated && (check.description.map { $0 == found.description } ?? true), actual: actual)
    }

    private func addressVerdict(_ check: AddressCheck) throws -> CheckVerdict {
        let found = try netbox.ipAddresses(["limit": "0"]).results.first {
            $0.address.description == check.address || $0.address.hostText == check.address
        }
        guard let found else { return CheckVerdict(passed: !check.allocated, actual: "no address \(check.address)") }
        let port = found.assignedInterfaceID.flatMap { id in interfaceIDs.first { $0.value == id }?.key }
        let actual = "address \(found.address) assigned to \(port?.description ?? "nothing"), description \"\(found.description)\""
        let passed = check.allocated && (check.assignedTo.map { $0 == port } ?? true)
            && (check.description.map { $0 == found.description } ?? true)
        return CheckVerdict(passed: passed, actual: actual)
    }

    private func cableVerdict(_ check: CableCheck) throws -> CheckVerdict {
        let ends = Set(check.between.compactMap { interfaceIDs[$0] })
        guard ends.count == check.between.count else {
            return CheckVerdict(passed: false, actual: "NetBox has no interface " + check.between.filter { interfaceIDs[$0] == nil }.map(\.description).joined(separator: ", "))
        }
        let cable = try netbox.cables(["limit": "0"]).results.first { Set($0.aTerminations + $0.bTerminations) == ends }
        guard let cable else { return CheckVerdict(passed: !check.exists, actual: "no cable between them") }
        return CheckVerdict(passed: check.exists && (check.status.map { $0 == cable.status.rawValue } ?? true),
                            actual: "cable \(cable.id) \(cable.status.rawValue)")
    }

    /// Lines the router refused during the scenario: rejected in a paste (also by a
    /// `router_rejects_config` pattern, which the fleet applies) or in a refused session.
    func rejectedLines(of device: String) -> [String] {
        var lines: [String] = []
        for entry in fleet.history(device: device) {
            switch entry.event {
            case .paste(_, let results, _, _): lines += results.filter(\.isRejected).map(\.text)
            case .refused(let refused, _): lines += refused
            default: break
            }
        }
        return lines
    }

    /// The process's steps (`<step>: <status>`), each followed by the NetBox changes
    /// (`netbox create dcim.cable 12`) and router pastes (`paste loc1-core`) it made.
    func auditTrail(of record: ProcessRecord) -> [String] {
        guard let id = record.processID else { return [] }
        let changes = netbox.changes().filter { $0.actor.hasPrefix(id + "/") }
        let pastes = fleet.history().filter { $0.actor.hasPrefix("process \(id) / ") }
        var trail: [String] = []
        var seen: Set<String> = []
        for step in stepLog(of: record) {
            trail.append("\(step.name): \(step.status.rawValue)")
            guard seen.insert(step.name).inserted else { continue }
            trail += changes.filter { $0.actor == "\(id)/\(step.name)" }
                .map { "netbox \($0.action.rawValue) \($0.objectType.rawValue) \($0.objectID)" }
            trail += pastes.filter { $0.actor == "process \(id) / \(step.name)" }
                .map { "paste \($0.device ?? "?")" }
        }
        return trail
    }
}
