/// A reference the execution could not resolve.
public struct UnresolvedReference: Error, Sendable, Hashable, CustomStringConvertible {
    public var reference: String
    public var reason: String

    public init(reference: String, reason: String) {
        self.reference = reference
        self.reason = reason
    }

    public var description: String { "cannot resolve \(reference): \(reason)" }
}

extension ScenarioValue {
    /// This value with every reference replaced, for posting as a form or comparing.
    ///
    /// - Parameters:
    ///   - result: the value of `${name.path}` from earlier results, or `nil` if there is none.
    ///   - interface: the NetBox interface id for a device and port, or `nil` if there is none.
    public func resolved(
        result: (ResultReference) -> ScenarioValue?, interface: (InterfaceRef) -> ScenarioValue?
    ) throws(UnresolvedReference) -> ScenarioValue {
        switch self {
        case .null, .bool, .int, .double, .string: return self
        case .reference(let reference):
            return try Self.lookup(reference, in: result)
        case .template(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let literal): text += literal
                case .reference(let reference): text += try Self.lookup(reference, in: result).description
                }
            }
            return .string(text)
        case .interface(let port):
            guard let value = interface(port) else {
                throw UnresolvedReference(reference: port.description, reason: "NetBox has no such interface")
            }
            return value
        case .list(let values):
            var resolved: [ScenarioValue] = []
            for value in values { resolved.append(try value.resolved(result: result, interface: interface)) }
            return .list(resolved)
        case .map(let values):
            var resolved: [String: ScenarioValue] = [:]
            for (key, value) in values { resolved[key] = try value.resolved(result: result, interface: interface) }
            return .map(resolved)
        }
    }

    private static func lookup(
        _ reference: ResultReference, in result: (ResultReference) -> ScenarioValue?
    ) throws(UnresolvedReference) -> ScenarioValue {
        guard let value = result(reference) else {
            throw UnresolvedReference(reference: reference.description, reason: "no such result or field")
        }
        return value
    }
}
