/// What a step returns: keys to merge into the state. Domain models (`Subscription` values, also
/// inside arrays and dictionaries) are saved to the store in the same transaction as the step's
/// log row; a model that is changed but not returned is not saved.
///
///     return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
public struct StateUpdate: ExpressibleByDictionaryLiteral, Sendable {
    var entries: [(key: String, value: any StateValue)]
    /// Subscriptions to link to the process (written in the step's transaction).
    var linkedSubscriptions: [String] = []

    public init() { entries = [] }

    public init(dictionaryLiteral elements: (String, any StateValue)...) {
        entries = elements.map { (key: $0.0, value: $0.1) }
    }

    public init(_ values: [String: JSON]) {
        entries = values.map { (key: $0.key, value: $0.value) }
    }

    public mutating func set(_ key: String, _ value: any StateValue) {
        entries.append((key: key, value: value))
    }

    /// Converts to JSON, collecting every returned domain model for saving.
    func encode(_ encoding: inout StateEncoding) throws -> [String: JSON] {
        var result: [String: JSON] = [:]
        for (key, value) in entries {
            result[key] = try value.stateJSON(&encoding)
        }
        return result
    }
}
