/// A domain-model rule was broken: a required field is missing, a status change is unsafe, a
/// subscription is of another product, was changed by someone else meanwhile, or would drop a
/// block other subscriptions use.
public enum DomainError: Error, CustomStringConvertible, Equatable, Sendable {
    public struct MissingField: Equatable, Sendable, CustomStringConvertible {
        public let block: String
        public let field: String
        /// Where in the model: "circuit.members.0.port.port_name".
        public let path: String
        public var description: String { "field '\(field)' of block '\(block)' (\(path))" }
    }

    case missingRequiredFields(subscriptionID: String, lifecycle: Lifecycle, fields: [MissingField])
    case unknownRequiredField(block: String, field: String)
    case unsafeStatusChange(subscriptionID: String, to: Lifecycle, users: [String])
    case modelNotAnObject(String)
    case reservedModelKey(model: String, key: String)
    case wrongModelType(subscriptionID: String, expected: String, actual: String)
    case staleVersion(subscriptionID: String, expected: Int, found: Int?)
    case alreadyOutOfSync(subscriptionID: String)
    case blockInUse(subscriptionID: String, block: String, users: [String])

    public var description: String {
        switch self {
        case .missingRequiredFields(let id, let lifecycle, let fields):
            "Subscription \(id) cannot be '\(lifecycle.rawValue)': missing "
                + fields.map(\.description).joined(separator: ", ")
        case .unknownRequiredField(let block, let field):
            "Block '\(block)' declares a requirement for '\(field)', which is not one of its fields"
        case .unsafeStatusChange(let id, let to, let users):
            "Unsafe status change of Subscription \(id) to '\(to.rawValue)' with depending subscriptions: "
                + users.joined(separator: ", ")
        case .modelNotAnObject(let model): "\(model) does not encode as a JSON object"
        case .reservedModelKey(let model, let key): "\(model) uses the reserved subscription key '\(key)'"
        case .wrongModelType(let id, let expected, let actual):
            "Subscription \(id) is a \(actual), not a \(expected)"
        case .staleVersion(let id, let expected, let found):
            "Subscription \(id) was changed meanwhile (expected version \(expected), found \(found.map(String.init) ?? "none"))"
        case .alreadyOutOfSync(let id): "Subscription \(id) is already out of sync, cannot continue!"
        case .blockInUse(let id, let block, let users):
            "Subscription \(id) cannot drop its block '\(block)': in use by " + users.joined(separator: ", ")
        }
    }
}
