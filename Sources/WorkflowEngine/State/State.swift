/// A process's state: a JSON object that each step reads and extends.
///
/// Between steps the state is plain JSON (domain models appear as their JSON dump, for the audit
/// trail); steps that need a model load it from the store by subscription id.
public struct State: JSONObjectReading, Sendable, Hashable {
    public internal(set) var values: [String: JSON]
    public var readingContext: String { "state" }

    public init(_ values: [String: JSON] = [:]) {
        self.values = values
    }

    public var json: JSON { .object(values) }

    /// Shallow merge: a step's returned keys replace whole values; keys are never deleted.
    func merging(_ updates: [String: JSON]) -> State {
        State(values.merging(updates) { _, new in new })
    }

    /// Deep merge, used for form input: objects merge key by key, everything else is replaced.
    func deepMerging(_ updates: [String: JSON]) -> State {
        State(State.deepMerge(values, updates))
    }

    static func deepMerge(_ base: [String: JSON], _ updates: [String: JSON]) -> [String: JSON] {
        var result = base
        for (key, new) in updates {
            if case .object(let old)? = result[key], case .object(let newObject) = new {
                result[key] = .object(deepMerge(old, newObject))
            } else {
                result[key] = new
            }
        }
        return result
    }

    func removing(_ keys: [String]) -> State {
        var copy = self
        for key in keys { copy.values[key] = nil }
        return copy
    }
}
