import Foundation
import OrchLabJSON
import IPAddressing

extension NetBox {
    /// `GET /api/ipam/ip-addresses/` with filters `id`, `address` (no mask matches any mask),
    /// `parent` (inside a prefix), `status`, `family`, `description`, `interface_id`,
    /// `assigned_object_id`, `device` (names), `device_id`, `dns_name`; ordered by host then mask.
    public func ipAddresses(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<IPAddress> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<IPAddress>(query)
            filters.integer("id") { $0.id }
            filters.choice("status", IPAddressStatus.self) { $0.status }
            filters.integer("family") { $0.address.family.rawValue }
            filters.search { [$0.address.description, $0.description, $0.dnsName] }
            filters.text("description") { $0.description }
            filters.text("dns_name") { $0.dnsName }
            filters.integer("interface_id") { $0.assignedInterfaceID }
            filters.integer("assigned_object_id") { $0.assignedInterfaceID }
            let deviceOf = { (ip: IPAddress) in ip.assignedInterfaceID.flatMap { store.interfaces[$0]?.deviceID } }
            filters.reference("device", resolve: store.device(named:), deviceOf)
            filters.referenceID("device_id", exists: { store.devices[$0] != nil }, deviceOf)
            let addresses = query.values("address")
            if !addresses.isEmpty {
                let wanted = addresses.compactMap { try? IPInterfaceAddress.parse($0) }
                let hasMask = Set(addresses.filter { $0.contains("/") }.compactMap { try? IPInterfaceAddress.parse($0) })
                filters.add { ip in
                    wanted.contains { IPHostKey($0) == IPHostKey(ip.address) && (!hasMask.contains($0) || $0.length == ip.address.length) }
                }
            }
            Self.networkFilter(&filters, query.values("parent")) { parent, ip in parent.contains(ip.address.network) }
            let rows = try filters.apply(to: store.ipAddresses.values).sorted { $0.address < $1.address }
            var ordering = ListOrdering<IPAddress>.byID()
            ordering.fields["address"] = { ListOrdering<IPAddress>.compare($0.address, $1.address) }
            return Page(all: ordering.apply(rows, query), query: query)
        }
    }

    public func ipAddress(id: Int) throws(NetBoxError) -> IPAddress { try fetch(IPAddress.self, id: id) }

    /// `POST /api/ipam/ip-addresses/`: `address` (without a mask it is a host route), `status`,
    /// `description`, `dns_name`, `assigned_object_type` + `assigned_object_id`.
    public func createIPAddress(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> IPAddress {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            var address: IPInterfaceAddress?
            if let text = payload.string("address", required: true) {
                do { address = try IPInterfaceAddress.parse(text) } catch {
                    payload.fail("address", "Enter a valid IPv4 or IPv6 address with optional mask.")
                }
            }
            return try store.newIPAddress(address, payload: &payload, now: now)
        }
    }

    /// `PATCH /api/ipam/ip-addresses/{id}/`: `status`, `description`, `dns_name`, assignment.
    public func updateIPAddress(id: Int, _ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> IPAddress {
        try patch(IPAddress.self, id: id, fields, actor: actor) { store, ip, payload throws(NetBoxError) in
            if let status = payload.choice("status", IPAddressStatus.self) { ip.status = status }
            if let description = payload.string("description") { ip.description = description }
            if let dnsName = payload.string("dns_name") { ip.dnsName = dnsName }
            if payload.has("assigned_object_id") { ip.assignedInterfaceID = store.assignedInterface(&payload) }
        }
    }

    /// `DELETE /api/ipam/ip-addresses/{id}/`; a device using it as primary IP loses it.
    public func deleteIPAddress(id: Int, actor: String = "") throws(NetBoxError) {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            guard let ip = store.ipAddresses[id] else { throw .notFound("IPAddress") }
            for old in store.devices.values where old.primaryIPv4ID == id || old.primaryIPv6ID == id {
                var device = old
                if device.primaryIPv4ID == id { device.primaryIPv4ID = nil }
                if device.primaryIPv6ID == id { device.primaryIPv6ID = nil }
                device.lastUpdated = now
                store.putDevice(device)
                store.record(.update, before: old, after: device)
            }
            store.removeIPAddress(id)
            store.record(.delete, before: ip, after: nil)
        }
    }
}

extension NetBoxStore {
    func assignedInterface(_ payload: inout Payload) -> Int? {
        guard let value = payload.fields["assigned_object_id"], value != .null else { return nil }
        if let type = payload.fields["assigned_object_type"]?.stringValue, type != "dcim.interface" {
            payload.fail("assigned_object_type", "Only dcim.interface assignments are simulated.")
            return nil
        }
        guard let id = value.intValue ?? value.stringValue.flatMap({ Int($0) }), interfaces[id] != nil else {
            payload.fail("assigned_object_id", "Related object not found using the provided value: \(value.stringValue ?? value.serialized()).")
            return nil
        }
        return id
    }

    /// Validates and stores a new IP (shared by plain create and available-ips allocation).
    func newIPAddress(_ address: IPInterfaceAddress?, payload: inout Payload, now: Date) throws(NetBoxError) -> IPAddress {
        let status = payload.choice("status", IPAddressStatus.self) ?? .active
        let description = payload.string("description") ?? ""
        let dnsName = payload.string("dns_name") ?? ""
        let interfaceID = assignedInterface(&payload)
        try payload.throwIfInvalid()
        guard let address else { throw .fields(payload.errors) }
        if let existing = ipByHost[IPHostKey(address)], let other = ipAddresses[existing] {
            throw .field("address", "Duplicate IP address found in global table: \(other.address)")
        }
        let ip = IPAddress(
            id: ipAddresses.nextID(), address: address, status: status, description: description, dnsName: dnsName,
            assignedInterfaceID: interfaceID, created: now, lastUpdated: now)
        return create(ip)
    }
}
