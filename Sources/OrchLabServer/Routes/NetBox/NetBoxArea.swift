import Hummingbird
import NetBoxSim

/// `/netbox`: NetBox 4.7's REST API over the simulated NetBox, so pynetbox pointed at
/// `http://host:port/netbox` works unchanged. Every read needs the token (LOGIN_REQUIRED).
struct NetBoxArea: APIArea {
    let prefix = "netbox"
    let tokenForReads = true
    let extraHeaders = [(name: "API-Version", value: "4.7")]
    private(set) var routes = RouteTable()

    init(netbox: NetBox) {
        let cache = NetBoxReadCache()
        routes.on(.get, "api") { call in
            .netbox(.object(Dictionary(uniqueKeysWithValues: NetBoxArea.apps.map { ($0, .string("\(call.origin)/netbox/api/\($0)/")) })))
        }
        routes.on(.get, "api/status") { _ in
            .netbox(["netbox-version": "4.7.3", "django-version": "6.1", "python-version": "3.12.1", "plugins": [:],
                     "installed-apps": [:], "rq-workers-running": 0, "hostname": "orchlab"])
        }
        for app in ["dcim", "ipam"] {
            routes.on(.get, "api/\(app)") { call in
                .netbox(.object(Dictionary(uniqueKeysWithValues: NetBoxEndpoint.all.filter { $0.type.path.hasPrefix(app + "/") }.map {
                    (String($0.type.path.dropFirst(app.count + 1)), JSON.string("\(call.origin)/netbox/api/\($0.type.path)/"))
                })))
            }
        }
        for endpoint in NetBoxEndpoint.all {
            let path = "api/\(endpoint.type.path)"
            routes.on(.get, path) { call in
                try cache.reply(call, netbox: netbox) {
                    .netbox(try endpoint.list(netbox, NetBoxArea.query(call), NetBoxArea.serializer(call)))
                }
            }
            routes.on(.get, "\(path)/:id") { call in
                try cache.reply(call, netbox: netbox) {
                    .netbox(try endpoint.detail(netbox, try NetBoxArea.id(call), NetBoxArea.serializer(call)))
                }
            }
            if let create = endpoint.create {
                routes.on(.post, path) { call in
                    let serializer = NetBoxArea.serializer(call), actor = NetBoxArea.actor(call)
                    let created: JSON = try await offload {
                        switch try NetBoxArea.body(call) {
                        case .one(let fields): try create(netbox, fields, actor, serializer)
                        case .many(let list): .array(try list.map { try create(netbox, $0, actor, serializer) })
                        }
                    }
                    return .netbox(created, status: .created)
                }
            }
            if let update = endpoint.update {
                let patch: Handler = { call in
                    let id = try NetBoxArea.id(call)
                    guard case .one(let fields) = try NetBoxArea.body(call) else { throw ReplyError(NetBoxArea.expectedDictionary("list")) }
                    let serializer = NetBoxArea.serializer(call), actor = NetBoxArea.actor(call)
                    return .netbox(try await offload { try update(netbox, id, fields, actor, serializer) })
                }
                routes.on(.patch, "\(path)/:id", patch)
                routes.on(.put, "\(path)/:id", patch)
                routes.on(.patch, path, NetBoxBulk.update(endpoint, update, netbox: netbox))
                routes.on(.put, path, NetBoxBulk.update(endpoint, update, netbox: netbox))
            }
            if let delete = endpoint.delete {
                routes.on(.delete, "\(path)/:id") { call in
                    let id = try NetBoxArea.id(call), actor = NetBoxArea.actor(call)
                    try await offload { try delete(netbox, id, actor) }
                    return .noContent
                }
                routes.on(.delete, path, NetBoxBulk.delete(delete, netbox: netbox))
            }
            let listOptions = NetBoxMetadata.options(endpoint.type, action: "POST", detail: false)
            routes.on(.options, path) { _ in .netbox(listOptions) }
            let detailOptions = NetBoxMetadata.options(endpoint.type, action: "PUT", detail: true)
            routes.on(.options, "\(path)/:id") { call in
                _ = try NetBoxArea.id(call)
                return .netbox(detailOptions)
            }
        }
        addAvailableRoutes(netbox)
    }

    private mutating func addAvailableRoutes(_ netbox: NetBox) {
        routes.on(.get, "api/ipam/prefixes/:id/available-prefixes") { call in
            let id = try NetBoxArea.id(call)
            return .netbox(NetBoxArea.serializer(call).availablePrefixes(try netbox.availablePrefixes(in: id)))
        }
        routes.on(.post, "api/ipam/prefixes/:id/available-prefixes") { call in
            let id = try NetBoxArea.id(call), serializer = NetBoxArea.serializer(call), actor = NetBoxArea.actor(call)
            return .netbox(try await offload {
                try netbox.withAllocation(NetBoxArea.body(call)) { requests in
                    try netbox.allocatePrefixes(in: id, requests, actor: actor)
                } render: { prefix, reader in serializer.prefix(prefix, reader, asCreated: true) }
            }, status: .created)
        }
        routes.on(.get, "api/ipam/prefixes/:id/available-ips") { call in
            let id = try NetBoxArea.id(call)
            let limit = call.queryValue("limit").flatMap(Int.init).map { $0 <= 0 ? 1000 : min($0, 1000) } ?? 50
            return .netbox(NetBoxArea.serializer(call).availableIPs(try netbox.availableIPs(in: id, limit: limit)))
        }
        routes.on(.post, "api/ipam/prefixes/:id/available-ips") { call in
            let id = try NetBoxArea.id(call), serializer = NetBoxArea.serializer(call), actor = NetBoxArea.actor(call)
            return .netbox(try await offload {
                try netbox.withAllocation(NetBoxArea.body(call)) { requests in
                    try netbox.allocateIPs(in: id, requests, actor: actor)
                } render: { ip, reader in serializer.ipAddress(ip, reader) }
            }, status: .created)
        }
    }

    static let apps = ["circuits", "core", "dcim", "extras", "ipam", "plugins", "tenancy", "users", "virtualization", "vpn", "wireless"]

    static func serializer(_ call: HTTPCall) -> NetBoxSerializer { NetBoxSerializer(baseURL: call.origin + "/netbox") }

    static func query(_ call: HTTPCall) -> NetBoxQuery { NetBoxQuery(call.query.map { (name: $0.name, value: $0.value) }) }

    static func actor(_ call: HTTPCall) -> String { "api" }

    /// The `{id}` segment; Django's `<int:pk>` does not match anything else, so that is the HTML 404.
    static func id(_ call: HTTPCall) throws(ReplyError) -> Int {
        guard let id = Int(call.parameter("id")), id >= 0 else { throw ReplyError(htmlNotFound(call)) }
        return id
    }

    enum Body {
        case one(NetBoxEndpoint.Fields)
        case many([NetBoxEndpoint.Fields])
    }

    /// The JSON body as DRF reads it: a dict, or a list of dicts for bulk calls; an empty body is `{}`.
    static func body(_ call: HTTPCall) throws(ReplyError) -> Body {
        guard !call.body.isEmpty else { return .one([:]) }
        guard call.bodyIsValidUTF8 else {
            throw ReplyError(.netbox(["detail": "JSON parse error - 'utf-8' codec can't decode the request body: invalid start byte"],
                                     status: .badRequest))
        }
        let text = call.bodyText
        let value: JSON
        do {
            value = try JSON.parse(text)
        } catch {
            let message = PythonJSONError.message(for: text) ?? "the document nests too deeply"
            throw ReplyError(.netbox(["detail": .string("JSON parse error - \(message)")], status: .badRequest))
        }
        switch value {
        case .object(let fields): return .one(fields)
        case .array(let items):
            var list: [NetBoxEndpoint.Fields] = []
            for item in items {
                guard let fields = item.objectValue else { throw ReplyError(expectedDictionary(Self.pythonType(item))) }
                list.append(fields)
            }
            return .many(list)
        default: throw ReplyError(expectedDictionary(Self.pythonType(value)))
        }
    }

    static func expectedDictionary(_ found: String) -> Reply {
        .netbox(["non_field_errors": .array([.string("Invalid data. Expected a dictionary, but got \(found).")])], status: .badRequest)
    }

    private static func pythonType(_ value: JSON) -> String {
        switch value {
        case .string: "str"
        case .int: "int"
        case .double: "float"
        case .bool: "bool"
        case .array: "list"
        case .object: "dict"
        case .null: "NoneType"
        }
    }

    static func htmlNotFound(_ call: HTTPCall) -> Reply {
        let path = "/" + (["netbox"] + call.segments).joined(separator: "/") + "/"
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="UTF-8"><title>Page Not Found | NetBox</title></head>
            <body><h1>Page Not Found</h1><p>The requested page does not exist: \(escapeHTML(path))</p></body>
            </html>
            """
        return Reply(status: .notFound, contentType: "text/html; charset=utf-8", body: page)
    }

    private static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func notFound(_ call: HTTPCall) -> Reply { Self.htmlNotFound(call) }

    func methodNotAllowed(_ call: HTTPCall, allowed: [HTTPRequest.Method]) -> Reply {
        .netbox(["detail": .string("Method \"\(call.method.rawValue)\" not allowed.")], status: .methodNotAllowed)
    }

    func internalError(_ message: String, status: HTTPResponse.Status) -> Reply {
        .netbox(["error": .string(message), "exception": "InternalError", "netbox_version": "4.7.3", "python_version": "3.12.1"],
                status: status)
    }

    func reply(for error: any Error, _ call: HTTPCall) -> Reply? {
        guard let error = error as? NetBoxError else { return nil }
        return .netbox(error.body, status: HTTPResponse.Status(code: error.status))
    }
}

extension NetBox {
    /// available-* POSTs: a dict allocates one and answers with one object, a list answers with a list.
    func withAllocation<Object>(_ body: NetBoxArea.Body, allocate: ([[String: JSON]]) throws -> [Object],
                                render: (Object, NetBoxReader) -> JSON) throws -> JSON {
        switch body {
        case .one(let fields):
            let object = try allocate([fields])[0]
            return withReader { render(object, $0) }
        case .many(let list):
            let objects = try allocate(list)
            return withReader { reader in .array(objects.map { render($0, reader) }) }
        }
    }
}
