import Hummingbird

/// One of the served APIs (`/api`, `/netbox`, `/lab`): its routes, and how it words the errors
/// that happen before or around a handler, each in the style of the system it imitates.
protocol APIArea: Sendable {
    /// First path segment (`api`, `netbox`, `lab`).
    var prefix: String { get }
    var routes: RouteTable { get }
    /// Whether reading also needs the token (NetBox with LOGIN_REQUIRED), not just writing.
    var tokenForReads: Bool { get }
    func notFound(_ call: HTTPCall) -> Reply
    func methodNotAllowed(_ call: HTTPCall, allowed: [HTTPRequest.Method]) -> Reply
    /// A thrown error as this API reports it; nil for errors it does not know.
    func reply(for error: any Error, _ call: HTTPCall) -> Reply?
    /// The body of a 5xx whose details must stay in the server log (see `InternalError`).
    func internalError(_ message: String, status: HTTPResponse.Status) -> Reply
    /// Headers every answer of this area carries.
    var extraHeaders: [(name: String, value: String)] { get }
}

extension APIArea {
    var extraHeaders: [(name: String, value: String)] { [] }
    func internalError(_ message: String, status: HTTPResponse.Status) -> Reply { .detail(message, status: status) }
}
