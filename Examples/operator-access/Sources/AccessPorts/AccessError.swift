/// What goes wrong in the access workflows, with the object it concerns.
public enum AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnID(field: String, value: String)
    case routerNotFound(Int)
    case interfaceNotFound(Int)
    case portNotOnRouter(port: String, router: String)
    /// The port is marked connected for someone else.
    case portTaken(router: String, port: String, description: String)
    case poolNotFound(String)
    case poolExhausted(String)
    /// The router's running config or NetBox disagrees with the subscription (validate).
    case outOfSync(String)

    public var description: String {
        switch self {
        case .notAnID(let field, let value): "\(field) must be a NetBox id, not '\(value)'"
        case .routerNotFound(let id): "NetBox has no device \(id)"
        case .interfaceNotFound(let id): "NetBox has no interface \(id)"
        case .portNotOnRouter(let port, let router): "port \(port) is not on \(router)"
        case .portTaken(let router, let port, let description): "\(router):\(port) is already in use (\"\(description)\")"
        case .poolNotFound(let description): "NetBox has no prefix described \"\(description)\""
        case .poolExhausted(let pool): "no free /64 left in \(pool)"
        case .outOfSync(let what): "out of sync: \(what)"
        }
    }
}
