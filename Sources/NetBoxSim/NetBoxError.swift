import OrchLabJSON
/// An API error exactly as NetBox reports it: the HTTP status and the JSON body NetBox sends.
///
/// The body shapes differ on purpose (field errors are dicts of lists, available-prefixes errors
/// are a list of dicts of strings, 404/409 are `{"detail": ...}`), because clients such as
/// pynetbox surface them verbatim.
public struct NetBoxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    public let body: JSON

    public init(status: Int, body: JSON) {
        self.status = status
        self.body = body
    }

    public var description: String { "NetBox \(status): \(body.serialized())" }

    /// Field validation: `{"field": ["msg", ...]}`.
    public static func fields(_ errors: [String: [String]]) -> NetBoxError {
        NetBoxError(status: 400, body: .object(errors.mapValues { .array($0.map(JSON.string)) }))
    }

    public static func field(_ name: String, _ message: String) -> NetBoxError { fields([name: [message]]) }

    /// Model-level validation: `{"__all__": ["msg"]}`.
    public static func model(_ message: String) -> NetBoxError { field("__all__", message) }

    /// available-prefixes payload errors are a list of dicts holding a plain string.
    public static func listShaped(_ name: String, _ message: String) -> NetBoxError {
        NetBoxError(status: 400, body: [[name: .string(message)]])
    }

    /// 404 for an unknown id; `verboseName` is the model's name ("Device", "Prefix", …).
    public static func notFound(_ verboseName: String) -> NetBoxError {
        NetBoxError(status: 404, body: ["detail": .string("No \(verboseName) matches the given query.")])
    }

    public static let insufficientResources = NetBoxError(
        status: 409, body: ["detail": "Insufficient resources are available to satisfy the request"])

    /// An unhandled server exception (NetBox answers 500 with this body, e.g. a cable to a missing interface).
    public static func serverError(_ message: String, exception: String) -> NetBoxError {
        NetBoxError(status: 500, body: [
            "error": .string(message), "exception": .string(exception),
            "netbox_version": "4.7.3", "python_version": "3.12.1",
        ])
    }

    /// The messages of one field (dict-shaped bodies) or of the list-shaped form.
    public func messages(for field: String) -> [String] {
        if let list = body[field]?.arrayValue { return list.compactMap(\.stringValue) }
        if let text = body[field]?.stringValue { return [text] }
        if let items = body.arrayValue { return items.compactMap { $0[field]?.stringValue } }
        return []
    }

    public var detail: String? { body["detail"]?.stringValue }
}
