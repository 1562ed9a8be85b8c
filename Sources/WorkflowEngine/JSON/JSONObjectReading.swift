/// Typed reads from a JSON object (the process state, or the answers of one form page), with
/// errors that name the missing or mistyped key.
public protocol JSONObjectReading {
    var values: [String: JSON] { get }
    /// What is being read, for error messages ("state", "form page 'Router'").
    var readingContext: String { get }
}

/// A missing or mistyped key in the state or in a form page's answers.
public struct StateError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case missing
        case wrongType(expected: String, found: String)
        case undecodable(String)
    }

    public let key: String
    public let problem: Problem
    public let context: String

    public var description: String {
        switch problem {
        case .missing: "\(context): missing key '\(key)'"
        case .wrongType(let expected, let found): "\(context): key '\(key)' should be \(expected) but is \(found)"
        case .undecodable(let reason): "\(context): key '\(key)' cannot be decoded: \(reason)"
        }
    }
}

extension JSONObjectReading {
    public subscript(key: String) -> JSON? { values[key] }

    /// The domain model of the subscription dump under `key`: the state keeps the last saved
    /// dump, so an input step's page can render from it without side effects.
    public func model<Model: ProductModel>(_ type: Model.Type, at key: String = "subscription") throws -> Model {
        try decode(Model.self, key)
    }

    public func contains(_ key: String) -> Bool { values[key] != nil }

    /// The value of `key`; a missing key (or JSON null) is an error.
    public func value(_ key: String) throws(StateError) -> JSON {
        guard let value = values[key], value != .null else {
            throw StateError(key: key, problem: .missing, context: readingContext)
        }
        return value
    }

    public func string(_ key: String) throws(StateError) -> String { try typed(key, "a string") { $0.stringValue } }
    public func int(_ key: String) throws(StateError) -> Int { try typed(key, "an integer") { $0.intValue } }
    public func bool(_ key: String) throws(StateError) -> Bool { try typed(key, "a boolean") { $0.boolValue } }
    public func double(_ key: String) throws(StateError) -> Double { try typed(key, "a number") { $0.doubleValue } }
    public func object(_ key: String) throws(StateError) -> [String: JSON] { try typed(key, "an object") { $0.objectValue } }
    public func array(_ key: String) throws(StateError) -> [JSON] { try typed(key, "an array") { $0.arrayValue } }

    public func strings(_ key: String) throws(StateError) -> [String] {
        try typed(key, "an array of strings") { value in
            guard let array = value.arrayValue else { return nil }
            let strings = array.compactMap(\.stringValue)
            return strings.count == array.count ? strings : nil
        }
    }

    /// nil when the key is missing or null; an error when it holds another type.
    public func optionalString(_ key: String) throws(StateError) -> String? {
        guard let value = values[key], value != .null else { return nil }
        return try string(key)
    }

    public func optionalInt(_ key: String) throws(StateError) -> Int? {
        guard let value = values[key], value != .null else { return nil }
        return try int(key)
    }

    public func optionalBool(_ key: String) throws(StateError) -> Bool? {
        guard let value = values[key], value != .null else { return nil }
        return try bool(key)
    }

    /// Decodes the value of `key` as any `Decodable` type.
    public func decode<T: Decodable>(_ type: T.Type, _ key: String) throws(StateError) -> T {
        let value = try value(key)
        do {
            return try value.decode(as: T.self)
        } catch {
            throw StateError(key: key, problem: .undecodable("\(error)"), context: readingContext)
        }
    }

    private func typed<T>(_ key: String, _ expected: String, _ cast: (JSON) -> T?) throws(StateError) -> T {
        let value = try value(key)
        guard let typed = cast(value) else {
            throw StateError(key: key, problem: .wrongType(expected: expected, found: value.typeName), context: readingContext)
        }
        return typed
    }
}
