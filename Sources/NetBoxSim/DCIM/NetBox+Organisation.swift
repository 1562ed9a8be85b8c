import Foundation
import OrchLabJSON

/// Creates for the objects a lab is usually seeded with, so a client can also build a lab through
/// the API (as the workshop's loader script does). Uniqueness messages follow Django's wording.
extension NetBox {
    /// `POST /api/dcim/sites/`: `name`, `slug` (required, unique), `status` (default active), `description`.
    public func createSite(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Site {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let (name, slug) = Self.nameAndSlug(&payload, model: "site", names: Set(store.sites.values.map(\.name)), slugs: store.siteBySlug)
            let status = payload.choice("status", SiteStatus.self) ?? .active
            let description = payload.string("description") ?? ""
            try payload.throwIfInvalid()
            let site = Site(id: store.sites.nextID(), name: name, slug: slug, status: status, description: description, created: now, lastUpdated: now)
            return store.create(site)
        }
    }

    /// `POST /api/dcim/manufacturers/`: `name`, `slug` (required, unique).
    public func createManufacturer(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Manufacturer {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let (name, slug) = Self.nameAndSlug(
                &payload, model: "manufacturer", names: Set(store.manufacturers.values.map(\.name)), slugs: store.manufacturerBySlug)
            try payload.throwIfInvalid()
            let maker = Manufacturer(id: store.manufacturers.nextID(), name: name, slug: slug, created: now, lastUpdated: now)
            return store.create(maker)
        }
    }

    /// `POST /api/dcim/device-types/`: `manufacturer` (id), `model`, `slug` (required).
    public func createDeviceType(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> DeviceType {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let maker = payload.reference("manufacturer", required: true) { store.manufacturers[$0] != nil }
            let model = payload.string("model", required: true) ?? ""
            let slug = payload.string("slug", required: true) ?? ""
            try payload.throwIfInvalid()
            if store.deviceTypeBySlug[slug] != nil {
                throw .model("Device type with this Manufacturer and Slug already exists.")
            }
            let type = DeviceType(id: store.deviceTypes.nextID(), manufacturerID: maker ?? 0, model: model, slug: slug, created: now, lastUpdated: now)
            return store.create(type)
        }
    }

    /// `POST /api/dcim/device-roles/`: `name`, `slug` (required, unique), `color`.
    public func createDeviceRole(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> DeviceRole {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let (name, slug) = Self.nameAndSlug(
                &payload, model: "device role", names: Set(store.deviceRoles.values.map(\.name)), slugs: store.deviceRoleBySlug)
            let color = payload.string("color") ?? "9e9e9e"
            try payload.throwIfInvalid()
            let role = DeviceRole(id: store.deviceRoles.nextID(), name: name, slug: slug, color: color, created: now, lastUpdated: now)
            return store.create(role)
        }
    }

    /// `POST /api/dcim/interfaces/`: `device` (id), `name`, `type` (required), `speed`, `enabled`,
    /// `mgmt_only`, `mark_connected`, `description`.
    public func createInterface(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Interface {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let deviceID = payload.reference("device", required: true) { store.devices[$0] != nil }
            let name = payload.string("name", required: true) ?? ""
            let type = payload.string("type", required: true) ?? ""
            let interface = Interface(
                id: 0, deviceID: deviceID ?? 0, name: name, type: type, speedKbps: payload.int("speed"),
                enabled: payload.bool("enabled") ?? true, mgmtOnly: payload.bool("mgmt_only") ?? false,
                markConnected: payload.bool("mark_connected") ?? false, description: payload.string("description") ?? "",
                cableID: nil, cableEnd: nil, created: now, lastUpdated: now)
            try payload.throwIfInvalid()
            let taken = store.interfacesByDevice[interface.deviceID, default: []].contains { store.interfaces[$0]?.name == name }
            if taken { throw .model("Interface with this Device and Name already exists.") }
            var created = interface
            created.id = store.interfaces.nextID()
            return store.create(created)
        }
    }

    /// Required, unique `name` and `slug` with Django's messages.
    private static func nameAndSlug(
        _ payload: inout Payload, model: String, names: Set<String>, slugs: [String: Int]
    ) -> (String, String) {
        let name = payload.string("name", required: true) ?? ""
        let slug = payload.string("slug", required: true) ?? ""
        if names.contains(name) { payload.fail("name", "\(model) with this name already exists.") }
        if slugs[slug] != nil { payload.fail("slug", "\(model) with this slug already exists.") }
        return (name, slug)
    }
}
