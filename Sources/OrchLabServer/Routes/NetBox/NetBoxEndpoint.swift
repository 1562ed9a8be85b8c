import NetBoxSim

/// One NetBox model's REST endpoint: list, detail and whichever writes the simulator offers,
/// each answering with the serializer's JSON.
struct NetBoxEndpoint: Sendable {
    typealias Fields = [String: JSON]

    let type: ObjectType
    let list: @Sendable (NetBox, NetBoxQuery, NetBoxSerializer) throws -> JSON
    let detail: @Sendable (NetBox, Int, NetBoxSerializer) throws -> JSON
    let create: (@Sendable (NetBox, Fields, String, NetBoxSerializer) throws -> JSON)?
    let update: (@Sendable (NetBox, Int, Fields, String, NetBoxSerializer) throws -> JSON)?
    let delete: (@Sendable (NetBox, Int, String) throws -> Void)?

    init<Object: Sendable>(
        _ type: ObjectType,
        list: @escaping @Sendable (NetBox, NetBoxQuery) throws -> Page<Object>,
        get: @escaping @Sendable (NetBox, Int) throws -> Object,
        render: @escaping @Sendable (NetBoxSerializer, Object, NetBoxReader, _ brief: Bool) -> JSON,
        create: (@Sendable (NetBox, Fields, String) throws -> Object)? = nil,
        update: (@Sendable (NetBox, Int, Fields, String) throws -> Object)? = nil,
        delete: (@Sendable (NetBox, Int, String) throws -> Void)? = nil
    ) {
        self.type = type
        self.list = { netbox, query, serializer in
            let page = try list(netbox, query)
            let brief = query.values("brief").contains { ["1", "true", "True"].contains($0) }
            return netbox.withReader { reader in
                serializer.list(page, type: type, query: query) { render(serializer, $0, reader, brief) }
            }
        }
        self.detail = { netbox, id, serializer in
            let object = try get(netbox, id)
            return netbox.withReader { render(serializer, object, $0, false) }
        }
        if let create {
            self.create = { (netbox: NetBox, fields: Fields, actor: String, serializer: NetBoxSerializer) throws -> JSON in
                let object = try create(netbox, fields, actor)
                return netbox.withReader { render(serializer, object, $0, false) }
            }
        } else {
            self.create = nil
        }
        if let update {
            self.update = { (netbox: NetBox, id: Int, fields: Fields, actor: String, serializer: NetBoxSerializer) throws -> JSON in
                let object = try update(netbox, id, fields, actor)
                return netbox.withReader { render(serializer, object, $0, false) }
            }
        } else {
            self.update = nil
        }
        self.delete = delete
    }

    /// Every endpoint the workshop's workflows and topologies use.
    static let all: [NetBoxEndpoint] = [
        NetBoxEndpoint(.site, list: { try $0.sites($1) }, get: { try $0.site(id: $1) },
                       render: { $0.site($1, $2, brief: $3) }, create: { try $0.createSite($1, actor: $2) }),
        NetBoxEndpoint(.manufacturer, list: { try $0.manufacturers($1) }, get: { try $0.manufacturer(id: $1) },
                       render: { serializer, maker, _, _ in serializer.manufacturer(maker) },
                       create: { try $0.createManufacturer($1, actor: $2) }),
        NetBoxEndpoint(.deviceType, list: { try $0.deviceTypes($1) }, get: { try $0.deviceType(id: $1) },
                       render: { serializer, type, reader, _ in serializer.deviceType(type, reader) },
                       create: { try $0.createDeviceType($1, actor: $2) }),
        NetBoxEndpoint(.deviceRole, list: { try $0.deviceRoles($1) }, get: { try $0.deviceRole(id: $1) },
                       render: { serializer, role, reader, _ in serializer.deviceRole(role, reader) },
                       create: { try $0.createDeviceRole($1, actor: $2) }),
        NetBoxEndpoint(.device, list: { try $0.devices($1) }, get: { try $0.device(id: $1) },
                       render: { $0.device($1, $2, brief: $3) }, create: { try $0.createDevice($1, actor: $2) },
                       update: { try $0.updateDevice(id: $1, $2, actor: $3) }),
        NetBoxEndpoint(.interface, list: { try $0.interfaces($1) }, get: { try $0.interface(id: $1) },
                       render: { $0.interface($1, $2, brief: $3) }, create: { try $0.createInterface($1, actor: $2) },
                       update: { try $0.updateInterface(id: $1, $2, actor: $3) }),
        NetBoxEndpoint(.cable, list: { try $0.cables($1) }, get: { try $0.cable(id: $1) },
                       render: { $0.cable($1, $2, brief: $3) }, create: { try $0.createCable($1, actor: $2) },
                       update: { try $0.updateCable(id: $1, $2, actor: $3) }, delete: { try $0.deleteCable(id: $1, actor: $2) }),
        NetBoxEndpoint(.prefix, list: { try $0.prefixes($1) }, get: { try $0.prefix(id: $1) },
                       render: { $0.prefix($1, $2, brief: $3) }, create: { try $0.createPrefix($1, actor: $2) },
                       update: { try $0.updatePrefix(id: $1, $2, actor: $3) }, delete: { try $0.deletePrefix(id: $1, actor: $2) }),
        NetBoxEndpoint(.ipAddress, list: { try $0.ipAddresses($1) }, get: { try $0.ipAddress(id: $1) },
                       render: { $0.ipAddress($1, $2, brief: $3) }, create: { try $0.createIPAddress($1, actor: $2) },
                       update: { try $0.updateIPAddress(id: $1, $2, actor: $3) },
                       delete: { try $0.deleteIPAddress(id: $1, actor: $2) }),
    ]
}
