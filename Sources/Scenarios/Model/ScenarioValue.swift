/// A value written in a scenario: a form field, an expected subscription field, an answer.
///
/// References stay unresolved here; the execution resolves them against the results of earlier
/// actions (`${node_a.subscription_id}`) or against NetBox (`{interface: {device:, port:}}`).
public indirect enum ScenarioValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ScenarioValue])
    case map([String: ScenarioValue])
    /// The whole value is one reference: `${node_a.subscription_id}` or `{ref: node_a.subscription_id}`.
    case reference(ResultReference)
    /// A string with references inside it: `"Node ${node_a.node_name}"`.
    case template([TemplatePart])
    /// A NetBox interface named by device and port; it resolves to the interface id.
    case interface(InterfaceRef)

    /// Every result reference inside this value, in order of appearance.
    public var references: [ResultReference] {
        switch self {
        case .reference(let reference): return [reference]
        case .template(let parts):
            return parts.compactMap { if case .reference(let reference) = $0 { reference } else { nil } }
        case .list(let values): return values.flatMap(\.references)
        case .map(let values): return values.keys.sorted().flatMap { values[$0]!.references }
        default: return []
        }
    }
}

extension ScenarioValue: CustomStringConvertible {
    /// A compact, YAML-like rendering used in messages and reports.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .map(let values):
            return "{" + values.keys.sorted().map { "\($0): \(values[$0]!)" }.joined(separator: ", ") + "}"
        case .reference(let reference): return reference.description
        case .template(let parts): return parts.map(\.description).joined()
        case .interface(let interface): return interface.description
        }
    }
}

/// `${name.path.to.field}`: a field of the result of the earlier action named `name` (its `as:`).
public struct ResultReference: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    /// Empty when the reference names the result itself (the execution picks its subscription id).
    public var path: [String]

    public init(name: String, path: [String] = []) {
        self.name = name
        self.path = path
    }

    public var description: String { "${" + ([name] + path).joined(separator: ".") + "}" }
}

public enum TemplatePart: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    case reference(ResultReference)

    public var description: String {
        switch self {
        case .text(let text): return text
        case .reference(let reference): return reference.description
        }
    }
}

/// A router port as NetBox names it: device and interface name.
public struct InterfaceRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var device: String
    public var port: String

    public init(device: String, port: String) {
        self.device = device
        self.port = port
    }

    public var description: String { "\(device):\(port)" }
}
