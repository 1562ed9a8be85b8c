import Hummingbird
import NetBoxSim

/// NetBox 4's bulk writes on a list endpoint: `PATCH`/`PUT` with a JSON list of objects each
/// carrying its `id` (pynetbox `endpoint.update([...])`), and `DELETE` with a list of `{"id": N}`
/// (`endpoint.delete([...])`). All or nothing, as NetBox runs them in one transaction: if any
/// item fails nothing changes, and the 400 lists one error object per item (`{}` for the good ones).
enum NetBoxBulk {
    typealias Update = @Sendable (NetBox, Int, NetBoxEndpoint.Fields, String, NetBoxSerializer) throws -> JSON
    typealias Delete = @Sendable (NetBox, Int, String) throws -> Void

    static func update(_ endpoint: NetBoxEndpoint, _ update: @escaping Update, netbox: NetBox) -> Handler {
        { call in
            let items = try items(call)
            let serializer = NetBoxArea.serializer(call), actor = NetBoxArea.actor(call)
            return .netbox(try await offload {
                try netbox.batch(actor: actor) { () throws(NetBoxError) in
                    try each(items) { id, fields throws(NetBoxError) in
                        do { _ = try update(netbox, id, fields, actor, serializer) } catch { throw rethrown(error) }
                    }
                }
                return .array(try items.map { try endpoint.detail(netbox, $0.id, serializer) })
            })
        }
    }

    static func delete(_ delete: @escaping Delete, netbox: NetBox) -> Handler {
        { call in
            let items = try items(call)
            let actor = NetBoxArea.actor(call)
            try await offload {
                try netbox.batch(actor: actor) { () throws(NetBoxError) in
                    try each(items) { id, _ throws(NetBoxError) in
                        do { try delete(netbox, id, actor) } catch { throw rethrown(error) }
                    }
                }
            }
            return .noContent
        }
    }

    /// Runs `body` for every item, collecting NetBox's 400/404 answers per item; throws the
    /// list of per-item errors when any item failed (which makes the batch undo everything).
    private static func each(_ items: [(id: Int, fields: NetBoxEndpoint.Fields)],
                             _ body: (Int, NetBoxEndpoint.Fields) throws(NetBoxError) -> Void) throws(NetBoxError) {
        var errors: [JSON] = []
        var failed = false
        for item in items {
            do {
                try body(item.id, item.fields)
                errors.append([:])
            } catch where error.status == 400 || error.status == 404 {
                errors.append(error.body.objectValue != nil ? error.body : ["non_field_errors": error.body])
                failed = true
            }
        }
        if failed { throw NetBoxError(status: 400, body: .array(errors)) }
    }

    private static func rethrown(_ error: any Error) -> NetBoxError {
        error as? NetBoxError ?? .serverError("\(error)", exception: "OperationalError")
    }

    /// The body as NetBox's BulkOperationSerializer reads it: a list (at most
    /// `ServerLimits.maxBulkItems`) of objects with an integer `id`.
    static func items(_ call: HTTPCall) throws(ReplyError) -> [(id: Int, fields: NetBoxEndpoint.Fields)] {
        guard case .many(let list) = try NetBoxArea.body(call) else {
            throw ReplyError(.netbox(["non_field_errors": ["Expected a list of items but got type \"dict\"."]], status: .badRequest))
        }
        guard list.count <= ServerLimits.maxBulkItems else {
            throw ReplyError(.netbox(["non_field_errors": .array([.string("Ensure this field has no more than \(ServerLimits.maxBulkItems) elements.")])],
                                     status: .badRequest))
        }
        var items: [(id: Int, fields: NetBoxEndpoint.Fields)] = []
        var errors: [JSON] = []
        for fields in list {
            switch fields["id"] {
            case nil, .null?:
                errors.append(["id": ["This field is required."]])
            case let value?:
                if let id = value.intValue ?? value.stringValue.flatMap({ Int($0) }) {
                    var rest = fields
                    rest["id"] = nil
                    items.append((id, rest))
                    errors.append([:])
                } else {
                    errors.append(["id": ["A valid integer is required."]])
                }
            }
        }
        guard items.count == list.count else { throw ReplyError(.netbox(.array(errors), status: .badRequest)) }
        return items
    }
}
