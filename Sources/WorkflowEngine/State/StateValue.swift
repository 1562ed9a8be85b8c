import Foundation

/// A value a step may put into the state.
public protocol StateValue: Sendable {
    func stateJSON(_ encoding: inout StateEncoding) throws -> JSON
}

/// Collects the domain models found while a step's return value is turned into JSON, so the engine
/// saves exactly the models the step returned.
public struct StateEncoding {
    let ids: IDGenerator
    var models: [EncodedSubscription] = []

    init(ids: IDGenerator) {
        self.ids = ids
    }
}

extension JSON: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON { self }
}

extension String: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON { .string(self) }
}

extension Int: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON { .int(self) }
}

extension Bool: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON { .bool(self) }
}

extension Double: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON { .double(self) }
}

extension Optional: StateValue where Wrapped: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON {
        try self?.stateJSON(&encoding) ?? .null
    }
}

extension Array: StateValue where Element: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON {
        .array(try map { try $0.stateJSON(&encoding) })
    }
}

extension Dictionary: StateValue where Key == String, Value: StateValue {
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON {
        .object(try mapValues { try $0.stateJSON(&encoding) })
    }
}

/// Any `Encodable` value, stored as its JSON encoding: `["ports": Encoded(ports)]`.
public struct Encoded<Value: Encodable & Sendable>: StateValue {
    public let value: Value
    public init(_ value: Value) { self.value = value }
    public func stateJSON(_ encoding: inout StateEncoding) throws -> JSON { try JSON(encoding: value) }
}
