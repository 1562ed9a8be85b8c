import Hummingbird

typealias Handler = @Sendable (HTTPCall) async throws -> Reply

/// Routes of one API area, matched on decoded path segments. Unlike a plain router it tells
/// "no such path" from "path exists, method not allowed", which the APIs answer differently.
struct RouteTable: Sendable {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Route: Sendable {
        let method: HTTPRequest.Method
        let pattern: [Segment]
        let handler: Handler
    }

    enum Resolution {
        case found(Handler, parameters: [String: String])
        case methodNotAllowed(allowed: [HTTPRequest.Method])
        case notFound
    }

    private var routes: [Route] = []

    /// `path` like `processes/:pid/resume`; `:name` segments capture.
    mutating func on(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        let pattern = path.split(separator: "/").map { part in
            part.hasPrefix(":") ? Segment.parameter(String(part.dropFirst())) : .literal(String(part))
        }
        routes.append(Route(method: method, pattern: pattern, handler: handler))
    }

    /// The same routes with every handler passed through `wrap`.
    func wrapping(_ wrap: (@escaping Handler) -> Handler) -> RouteTable {
        var table = self
        table.routes = routes.map { Route(method: $0.method, pattern: $0.pattern, handler: wrap($0.handler)) }
        return table
    }

    func resolve(_ method: HTTPRequest.Method, _ segments: [String]) -> Resolution {
        var allowed: [HTTPRequest.Method] = []
        for route in routes {
            guard let parameters = match(route.pattern, segments) else { continue }
            if route.method == method { return .found(route.handler, parameters: parameters) }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    private func match(_ pattern: [Segment], _ segments: [String]) -> [String: String]? {
        guard pattern.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(pattern, segments) {
            switch segment {
            case .literal(let text): guard text == value else { return nil }
            case .parameter(let name): parameters[name] = value
            }
        }
        return parameters
    }
}
