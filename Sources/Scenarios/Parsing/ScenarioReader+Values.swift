import Yams
import YAMLReading

/// Values, references, engineer plays, outcomes and faults.
extension ScenarioReader {
    func value(_ node: Node, _ path: YAMLPath) -> ScenarioValue? {
        switch node {
        case .scalar:
            switch YAMLScalar(node) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .double(let value): return .double(value)
            case .string(let text): return self.text(text, node, path)
            }
        case .sequence(let sequence):
            let values = sequence.enumerated().map { value($0.element, path.index($0.offset)) }
            return values.contains(nil) ? nil : .list(values.compactMap { $0 })
        case .mapping:
            return mappingValue(node, path)
        case .alias:
            reader.fail(node, path, "YAML aliases are not supported in scenario values")
            return nil
        }
    }

    /// `{ref: a.b}`, `{interface: {device:, port:}}` or a plain mapping.
    private func mappingValue(_ node: Node, _ path: YAMLPath) -> ScenarioValue? {
        guard let entries = reader.entries(node, path) else { return nil }
        if entries.count == 1, let entry = entries.first, entry.key == "ref" {
            guard let written = reader.nonEmptyString(entry.value, path.key("ref"), expected: "a reference like node_a.subscription_id"),
                  let reference = reference(written, entry.value, path.key("ref")) else { return nil }
            return .reference(reference)
        }
        if entries.count == 1, let entry = entries.first, entry.key == "interface" {
            return interface(entry.value, path.key("interface")).map(ScenarioValue.interface)
        }
        var values: [String: ScenarioValue] = [:]
        var valid = true
        for entry in entries {
            if let parsed = value(entry.value, path.key(entry.key)) { values[entry.key] = parsed } else { valid = false }
        }
        return valid ? .map(values) : nil
    }

    /// A string, a single `${…}` reference, or a template mixing text and references.
    private func text(_ string: String, _ node: Node, _ path: YAMLPath) -> ScenarioValue? {
        var parts: [TemplatePart] = []
        var rest = Substring(string)
        while let open = rest.range(of: "${") {
            if open.lowerBound > rest.startIndex { parts.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                reader.fail(node, path, "unterminated reference in '\(string)'; write ${name} or ${name.field}")
                return nil
            }
            guard let reference = reference(String(rest[open.upperBound..<close]), node, path) else { return nil }
            parts.append(.reference(reference))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        switch parts.count {
        case 0: return .string("")
        case 1:
            if case .reference(let reference) = parts[0] { return .reference(reference) }
            return .string(string)
        default: return .template(parts)
        }
    }

    /// `name` or `name.field.subfield`, where `name` is an earlier action's `as:`.
    func reference(_ written: String, _ node: Node, _ path: YAMLPath) -> ResultReference? {
        let components = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let name = components.first, !components.contains(where: \.isEmpty),
              name.isScenarioIdentifier else {
            reader.fail(node, path, "'\(written)' is not a reference; expected name or name.field, e.g. node_a.subscription_id")
            return nil
        }
        guard checkDefined(name, node, path) else { return nil }
        return ResultReference(name: name, path: Array(components.dropFirst()))
    }

    func interface(_ node: Node, _ path: YAMLPath) -> InterfaceRef? {
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.interfaceKeys,
                                         required: ScenarioVocabulary.interfaceKeys, what: "interface (device and port)"),
              let device = fields["device"].flatMap({ reader.nonEmptyString($0, fields.path("device")) }),
              let port = fields["port"].flatMap({ reader.nonEmptyString($0, fields.path("port")) }) else { return nil }
        return InterfaceRef(device: device, port: port)
    }

    /// A list of values keyed by field: the form fields of one page or an engineer's answer.
    func valueMap(_ node: Node, _ path: YAMLPath) -> [String: ScenarioValue]? {
        guard let value = value(node, path) else { return nil }
        guard case .map(let values) = value else {
            return reader.mistyped(node, path, expected: "a mapping of field names to values")
        }
        return values
    }

    /// `form:` is one page (a mapping) or a list of pages.
    func formPages(_ node: Node, _ path: YAMLPath) -> [[String: ScenarioValue]]? {
        if case .sequence(let sequence) = node {
            let pages = sequence.enumerated().map { valueMap($0.element, path.index($0.offset)) }
            return pages.contains(nil) ? nil : pages.compactMap { $0 }
        }
        return valueMap(node, path).map { [$0] }
    }

    func engineer(_ node: Node, _ path: YAMLPath) -> EngineerPlay? {
        if case .scalar = node {
            switch reader.choice(node, path, from: ScenarioVocabulary.engineerModes, what: "engineer mode") {
            case "apply_and_confirm": return .applyAndConfirm
            case "confirm_only": return .confirmOnly
            case "leave_suspended": return .leaveSuspended
            default: return nil
            }
        }
        guard let fields = reader.mapping(node, path, keys: ScenarioVocabulary.engineerKeys, what: "engineer play")
        else { return nil }
        switch (fields["apply"], fields["answer"]) {
        case (let devices?, nil):
            return reader.strings(devices, fields.path("apply"), what: "a device or a list of devices").map { .apply(devices: $0) }
        case (nil, let answer?):
            return valueMap(answer, fields.path("answer")).map(EngineerPlay.answer)
        default:
            reader.fail(node, path, "an engineer play is one of \(ScenarioVocabulary.engineerModes.joined(separator: ", ")), {apply: [devices]} or {answer: {field: value}}")
            return nil
        }
    }

    /// `completed`, or `{failed: "message pattern"}`.
    func outcome(_ node: Node, _ path: YAMLPath) -> ExpectedOutcome? {
        let names = ScenarioOutcome.allCases.map(\.rawValue)
        if case .scalar = node {
            return reader.choice(node, path, from: names, what: "outcome").flatMap(ScenarioOutcome.init(rawValue:))
                .map { ExpectedOutcome($0) }
        }
        guard let entries = reader.entries(node, path, expected: "an outcome or {outcome: message pattern}") else { return nil }
        guard entries.count == 1, let entry = entries.first else {
            reader.fail(node, path, "expected one outcome with its message pattern, e.g. {failed: \"NetBox.*500\"}")
            return nil
        }
        guard let status = reader.choice(entry.keyNode, path.key(entry.key), from: names, what: "outcome")
            .flatMap(ScenarioOutcome.init(rawValue:)),
              let pattern = reader.pattern(entry.value, path.key(entry.key)) else { return nil }
        return ExpectedOutcome(status, messagePattern: pattern)
    }

    /// `fault: clear` or `fault: {<kind>: …}`.
    func fault(_ node: Node, _ path: YAMLPath) -> ScenarioFault? {
        let kinds = ScenarioVocabulary.faultKeys.keys.sorted()
        if case .scalar = node {
            return reader.choice(node, path, from: ScenarioVocabulary.faultWords, what: "fault") == nil ? nil : .clear
        }
        guard let entries = reader.entries(node, path, expected: "a fault mapping or clear") else { return nil }
        guard entries.count == 1, let entry = entries.first else {
            reader.fail(node, path, "a fault action injects one fault: one of \(kinds.joined(separator: ", "))")
            return nil
        }
        let at = path.key(entry.key)
        guard let keys = ScenarioVocabulary.faultKeys[entry.key] else {
            reader.fail(entry.keyNode, at, "unknown fault '\(entry.key)'; expected one of \(kinds.joined(separator: ", "))"
                            + Suggestion.hint(for: entry.key, in: kinds))
            return nil
        }
        let value = entry.value
        switch entry.key {
        case "netbox":
            guard let fields = reader.mapping(value, at, keys: keys, required: ["operation"], what: "NetBox fault"),
                  let operation = fields["operation"].flatMap({ reader.nonEmptyString($0, fields.path("operation")) })
            else { return nil }
            let occurrence = fields["occurrence"].map { reader.int($0, fields.path("occurrence"), minimum: 1) } ?? 1
            let status = fields["status"].map { reader.int($0, fields.path("status"), minimum: 100) } ?? 500
            let times = fields["times"].map { reader.int($0, fields.path("times"), minimum: 1) } ?? 1
            guard let occurrence, let status, let times else { return nil }
            return .netbox(PlannedNetBoxFault(operation: operation, occurrence: occurrence, status: status, times: times))
        case "router_unreachable":
            return reader.nonEmptyString(value, at, expected: "a device name").map { .routerUnreachable(device: $0) }
        case "router_rejects_config":
            if case .scalar = value {
                return reader.nonEmptyString(value, at, expected: "a device name").map { .routerRejectsConfig(device: $0, linePatterns: []) }
            }
            guard let fields = reader.mapping(value, at, keys: keys, required: ["device"], what: "config rejection"),
                  let device = fields["device"].flatMap({ reader.nonEmptyString($0, fields.path("device")) }) else { return nil }
            let lines = fields["lines"].map { reader.patterns($0, fields.path("lines")) } ?? []
            return lines.map { .routerRejectsConfig(device: device, linePatterns: $0) }
        case "link_down":
            return interface(value, at).map(ScenarioFault.linkDown)
        case "link_up":
            return interface(value, at).map(ScenarioFault.linkUp)
        default:
            guard let fields = reader.mapping(value, at, keys: keys, required: ["after_step"], what: "engine kill"),
                  let step = fields["after_step"].flatMap({ reader.int($0, fields.path("after_step"), minimum: 1) }) else { return nil }
            return .killEngine(afterStep: step)
        }
    }
}
