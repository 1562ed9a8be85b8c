import Foundation
import OrchLabJSON
import IPAddressing

extension NetBox {
    // MARK: devices

    /// `GET /api/dcim/devices/` with filters `id`, `name` (and `name__ic`), `q`, `status`, `site`,
    /// `site_id`, `role`, `role_id`, `device_type`; ordered by name.
    public func devices(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Device> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<Device>(query)
            filters.integer("id") { $0.id }
            filters.search { [$0.name, $0.description] }
            filters.text("name") { $0.name }
            filters.choice("status", DeviceStatus.self) { $0.status }
            filters.reference("site", resolve: { store.siteBySlug[$0].map { [$0] } ?? [] }) { $0.siteID }
            filters.referenceID("site_id", exists: { store.sites[$0] != nil }) { $0.siteID }
            filters.reference("role", resolve: { store.deviceRoleBySlug[$0].map { [$0] } ?? [] }) { $0.roleID }
            filters.referenceID("role_id", exists: { store.deviceRoles[$0] != nil }) { $0.roleID }
            filters.reference("device_type", resolve: { store.deviceTypeBySlug[$0].map { [$0] } ?? [] }) { $0.deviceTypeID }
            let names = query.values("name")
            let candidates = names.isEmpty
                ? store.deviceOrder.compactMap { store.devices[$0] }
                : Set(names.flatMap(store.device(named:))).compactMap { store.devices[$0] }.sorted(by: Self.deviceOrder)
            let rows = try filters.apply(to: candidates)
            return Page(all: ListOrdering<Device>.byID(names: ["name": \.name]).apply(rows, query), query: query)
        }
    }

    static func deviceOrder(_ a: Device, _ b: Device) -> Bool { byName(\Device.name)(a, b) }

    public func device(id: Int) throws(NetBoxError) -> Device { try fetch(Device.self, id: id) }

    /// `POST /api/dcim/devices/`: `name`, `device_type`, `role`, `site` (ids), `status`, `description`.
    public func createDevice(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Device {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let name = payload.string("name", maxLength: NetBoxLimits.maxDeviceNameLength)
            let typeID = payload.reference("device_type", required: true) { store.deviceTypes[$0] != nil }
            let roleID = payload.reference("role", required: true) { store.deviceRoles[$0] != nil }
            let siteID = payload.reference("site", required: true) { store.sites[$0] != nil }
            let status = payload.choice("status", DeviceStatus.self) ?? .active
            let description = payload.string("description") ?? ""
            try payload.throwIfInvalid()
            guard let typeID, let roleID, let siteID else { throw .fields(payload.errors) }
            if let name, store.device(named: name).contains(where: { store.devices[$0]?.siteID == siteID }) {
                throw .model("Device name must be unique per site and tenant.")
            }
            let device = Device(
                id: store.devices.nextID(), name: name ?? "", deviceTypeID: typeID, roleID: roleID, siteID: siteID,
                status: status, description: description, primaryIPv4ID: nil, primaryIPv6ID: nil,
                created: now, lastUpdated: now)
            return store.create(device)
        }
    }

    /// `PATCH /api/dcim/devices/{id}/`: any of `name`, `status`, `description`, `site`, `role`,
    /// `device_type`, `primary_ip4`, `primary_ip6` (IP ids assigned to this device's interfaces).
    public func updateDevice(id: Int, _ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Device {
        try patch(Device.self, id: id, fields, actor: actor) { store, device, payload throws(NetBoxError) in
            let old = device
            if let name = payload.string("name", maxLength: NetBoxLimits.maxDeviceNameLength) { device.name = name }
            if let status = payload.choice("status", DeviceStatus.self) { device.status = status }
            if let description = payload.string("description") { device.description = description }
            if let site = payload.reference("site", exists: { store.sites[$0] != nil }) { device.siteID = site }
            if let role = payload.reference("role", exists: { store.deviceRoles[$0] != nil }) { device.roleID = role }
            if let type = payload.reference("device_type", exists: { store.deviceTypes[$0] != nil }) { device.deviceTypeID = type }
            for (field, family) in [("primary_ip4", IPFamily.v4), ("primary_ip6", .v6)] where payload.has(field) {
                let ipID = payload.reference(field) { store.ipAddresses[$0] != nil }
                if let ipID, let problem = store.primaryIPProblem(ipID, device: id, family: family) {
                    payload.fail(field, problem)
                }
                if family == .v4 { device.primaryIPv4ID = ipID } else { device.primaryIPv6ID = ipID }
            }
            try payload.throwIfInvalid()
            let siteID = device.siteID
            if device.name != old.name || siteID != old.siteID,
               store.device(named: device.name).contains(where: { $0 != id && store.devices[$0]?.siteID == siteID }) {
                throw .model("Device name must be unique per site and tenant.")
            }
        }
    }

    // MARK: interfaces

    /// `GET /api/dcim/interfaces/` with filters `id`, `device`, `device_id`, `name`, `type`,
    /// `speed` (+ `__gte`/`__lte`), `occupied`, `cabled`, `enabled`, `mgmt_only`, `mark_connected`,
    /// `cable_id`; ordered by device then natural interface name.
    public func interfaces(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Interface> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<Interface>(query)
            filters.integer("id") { $0.id }
            filters.reference("device", resolve: store.device(named:)) { $0.deviceID }
            filters.referenceID("device_id", exists: { store.devices[$0] != nil }) { $0.deviceID }
            filters.search { [$0.name, $0.description] }
            filters.text("name") { $0.name }
            filters.text("type") { $0.type }
            filters.integer("speed") { $0.speedKbps }
            filters.integer("cable_id") { $0.cableID }
            filters.boolean("occupied") { $0.occupied }
            filters.boolean("cabled") { $0.cableID != nil }
            filters.boolean("enabled") { $0.enabled }
            filters.boolean("mgmt_only") { $0.mgmtOnly }
            filters.boolean("mark_connected") { $0.markConnected }
            let candidates = store.interfaceCandidates(query)
            let rows = try filters.apply(to: candidates)
            return Page(all: ListOrdering<Interface>.byID(names: ["name": \.name]).apply(rows, query), query: query)
        }
    }

    public func interface(id: Int) throws(NetBoxError) -> Interface { try fetch(Interface.self, id: id) }

    /// `PATCH /api/dcim/interfaces/{id}/`: `description`, `enabled`, `mgmt_only`, `mark_connected`, `speed`.
    public func updateInterface(id: Int, _ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Interface {
        try patch(Interface.self, id: id, fields, actor: actor) { _, interface, payload throws(NetBoxError) in
            if let description = payload.string("description") { interface.description = description }
            if let enabled = payload.bool("enabled") { interface.enabled = enabled }
            if let mgmtOnly = payload.bool("mgmt_only") { interface.mgmtOnly = mgmtOnly }
            if let mark = payload.bool("mark_connected") { interface.markConnected = mark }
            if payload.has("speed") { interface.speedKbps = payload.int("speed") }
            if interface.markConnected && interface.cableID != nil {
                payload.fail("mark_connected", "Cannot mark as connected with a cable attached.")
            }
        }
    }
}

extension NetBoxStore {
    /// Interfaces in list order, narrowed to the named devices when the query names them
    /// (the common case: a workflow asks for one router's ports).
    func interfaceCandidates(_ query: NetBoxQuery) -> [Interface] {
        var deviceIDs = query.values("device").flatMap(device(named:))
        deviceIDs += query.values("device_id").compactMap { Int($0) }
        if deviceIDs.isEmpty {
            deviceIDs = deviceOrder
        } else {
            deviceIDs = Set(deviceIDs).compactMap { devices[$0] }.sorted(by: NetBox.deviceOrder).map(\.id)
        }
        return deviceIDs.flatMap { (interfacesByDevice[$0] ?? []).compactMap { interfaces[$0] } }
    }

    /// Why an IP cannot be a device's primary address, or nil when it can.
    func primaryIPProblem(_ ipID: Int, device deviceID: Int, family: IPFamily) -> String? {
        guard let ip = ipAddresses[ipID] else { return nil }
        if ip.address.family != family {
            return "IP address \(ip.address) is not an \(family.label) address."
        }
        guard let interfaceID = ip.assignedInterfaceID, interfaces[interfaceID]?.deviceID == deviceID else {
            return "The specified IP address (\(ip.address)) is not assigned to this device."
        }
        return nil
    }
}
