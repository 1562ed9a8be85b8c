import WorkflowEngine

/// `${name.path}` and `{interface: …}` against the world: a process's subscription and its model.
extension ScenarioWorld {
    func resolve(_ value: ScenarioValue) throws(UnresolvedReference) -> ScenarioValue {
        try value.resolved(result: lookup, interface: { port in self.interfaceIDs[port].map { .string(String($0)) } })
    }

    /// A form page or answer with every reference resolved, as the engine takes it.
    func page(_ values: [String: ScenarioValue]) throws(UnresolvedReference) -> JSON {
        var object: [String: JSON] = [:]
        for key in values.keys.sorted() { object[key] = Self.json(try resolve(values[key]!)) }
        return .object(object)
    }

    /// `${x}` and `${x.subscription_id}` are the subscription id, `${x.process_id}` the process id;
    /// any other path reads the subscription's domain model (`${c1.circuit.circuit_id}`).
    func lookup(_ reference: ResultReference) -> ScenarioValue? {
        guard let record = process(named: reference.name) else { return nil }
        switch reference.path {
        case [], ["subscription_id"]: return subscriptionID(of: record).map(ScenarioValue.string)
        case ["process_id"]: return record.processID.map(ScenarioValue.string)
        default:
            guard let id = subscriptionID(of: record) else { return nil }
            return subscriptionField(id, path: reference.path).map(Self.value)
        }
    }

    /// A field of a subscription's domain model by path; list items by index (`members.0`).
    func subscriptionField(_ id: String, path: [String]) -> JSON? {
        guard var current = try? orchestrator.domainModel(id) else { return nil }
        for key in path {
            switch current {
            case .object(let object):
                guard let next = object[key] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    static func json(_ value: ScenarioValue) -> JSON {
        switch value {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .list(let values): return .array(values.map(json))
        case .map(let values): return .object(values.mapValues(json))
        // Resolved values hold no references; the text form is a safe fallback.
        case .string, .reference, .template, .interface: return .string(value.description)
        }
    }

    static func value(_ json: JSON) -> ScenarioValue {
        switch json {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return .double(value)
        case .string(let value): return .string(value)
        case .array(let values): return .list(values.map(value))
        case .object(let values): return .map(values.mapValues(value))
        }
    }
}
