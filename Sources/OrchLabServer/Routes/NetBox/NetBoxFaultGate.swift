import HTTPTypes
import NetBoxSim

/// The NetBox API with a scenario's fault plan in front: each call counts as the client
/// operation a workflow makes (`POST dcim/cables` is `createCable`), and a call the plan fails
/// answers with the planned status without touching NetBox, as an in-process client call would.
struct NetBoxFaultGate: APIArea {
    let area: NetBoxArea
    let routes: RouteTable

    init(_ area: NetBoxArea, faults: FaultInjector) {
        self.area = area
        routes = area.routes.wrapping { handler in
            { call in
                guard let operation = NetBoxFaultGate.operation(call) else { return try await handler(call) }
                switch faults.nextCall(operation, actor: "orchestrator", at: .zero) {
                case .status(let status)?:
                    return .netbox(["detail": .string("injected fault: \(operation.rawValue) answers \(status)")],
                                   status: HTTPResponse.Status(code: status))
                case .timeout(let applied)?:
                    // An HTTP client sees no answer in time: the gateway gives up, the work may be done.
                    if applied { _ = try await handler(call) }
                    return .netbox(["detail": .string("injected fault: \(operation.rawValue) timed out")], status: .gatewayTimeout)
                case .delay?, nil:
                    return try await handler(call)
                }
            }
        }
    }

    var prefix: String { area.prefix }
    var tokenForReads: Bool { area.tokenForReads }
    var extraHeaders: [(name: String, value: String)] { area.extraHeaders }
    func notFound(_ call: HTTPCall) -> Reply { area.notFound(call) }
    func methodNotAllowed(_ call: HTTPCall, allowed: [HTTPRequest.Method]) -> Reply { area.methodNotAllowed(call, allowed: allowed) }
    func reply(for error: any Error, _ call: HTTPCall) -> Reply? { area.reply(for: error, call) }
    func internalError(_ message: String, status: HTTPResponse.Status) -> Reply { area.internalError(message, status: status) }

    /// The client operation an HTTP call is (segments after `/netbox`), or nil for calls no
    /// workflow client makes (status, the API root).
    static func operation(_ call: HTTPCall) -> NetBoxOperation? {
        guard call.segments.first == "api" else { return nil }
        let path = Array(call.segments.dropFirst())
        guard path.count >= 2 else { return nil }
        let resource = path[0] + "/" + path[1], hasID = path.count >= 3, sub = path.count >= 4 ? path[3] : nil
        let method = call.method
        let write = method == .patch || method == .put
        switch (resource, sub) {
        case ("dcim/devices", nil):
            if write { return .updateDevice }
            if method == .get { return hasID ? .getDevice : call.query.contains { $0.name == "name" } ? .getDeviceByName : .listDevices }
        case ("dcim/interfaces", nil):
            if write { return .updateInterface }
            if method == .get { return hasID ? .getInterface : .listInterfaces }
        case ("ipam/prefixes", "available-prefixes"):
            return method == .post ? .allocatePrefix : method == .get ? .availablePrefixes : nil
        case ("ipam/prefixes", "available-ips"):
            return method == .post ? .allocateIP : method == .get ? .availableIPs : nil
        case ("ipam/prefixes", nil):
            if method == .delete { return .deletePrefix }
            if method == .get { return hasID ? .getPrefix : .listPrefixes }
        case ("ipam/ip-addresses", nil):
            if method == .delete { return .deleteIPAddress }
            if method == .get && !hasID { return .listIPAddresses }
        case ("dcim/cables", nil):
            switch method {
            case .post: return .createCable
            case .delete: return .deleteCable
            case .get: return hasID ? .getCable : .listCables
            default: return write ? .updateCable : nil
            }
        default:
            return nil
        }
        return nil
    }
}
