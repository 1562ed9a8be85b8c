import Foundation
import OrchLabJSON

extension NetBox {
    /// `GET /api/dcim/cables/` with filters `id`, `status`, `device` (names; cables touching the
    /// device), `device_id`, `interface_id`, `label`; ordered by id.
    public func cables(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Cable> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<Cable>(query)
            let devicesOf = { (cable: Cable) -> Set<Int> in
                Set((cable.aTerminations + cable.bTerminations).compactMap { store.interfaces[$0]?.deviceID })
            }
            filters.integer("id") { $0.id }
            filters.choice("status", CableStatus.self) { $0.status }
            filters.text("label") { $0.label }
            let named = query.values("device")
            if !named.isEmpty {
                var ids = Set<Int>()
                var unknown: [String] = []
                for name in named {
                    let found = store.device(named: name)
                    if found.isEmpty { unknown.append(name) } else { ids.formUnion(found) }
                }
                if let first = unknown.first {
                    throw .field("device", "Select a valid choice. \(first) is not one of the available choices.")
                }
                filters.add { !devicesOf($0).isDisjoint(with: ids) }
            }
            if let ids = Self.intSet(query.values("device_id")) { filters.add { !devicesOf($0).isDisjoint(with: ids) } }
            if let ids = Self.intSet(query.values("interface_id")) {
                filters.add { !Set($0.aTerminations + $0.bTerminations).isDisjoint(with: ids) }
            }
            let rows = try filters.apply(to: store.cables.values)
            return Page(all: ListOrdering<Cable>.byID(names: ["label": \.label]).apply(rows, query), query: query)
        }
    }

    static func intSet(_ values: [String]) -> Set<Int>? {
        values.isEmpty ? nil : Set(values.compactMap { Int($0) })
    }

    public func cable(id: Int) throws(NetBoxError) -> Cable { try fetch(Cable.self, id: id) }

    /// `POST /api/dcim/cables/`: `a_terminations`/`b_terminations` as lists of
    /// `{"object_type": "dcim.interface", "object_id": N}`, `status` (default `connected`),
    /// `label`, `description`. Enforces NetBox's cable rules.
    public func createCable(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Cable {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            let status = payload.choice("status", CableStatus.self) ?? .connected
            let label = payload.string("label") ?? ""
            let description = payload.string("description") ?? ""
            try payload.throwIfInvalid()
            let a = try Self.terminationIDs(fields["a_terminations"])
            let b = try Self.terminationIDs(fields["b_terminations"])
            guard !a.isEmpty, !b.isEmpty else {
                throw .model("Must define A and B terminations when creating a new cable.")
            }
            for id in a + b where store.interfaces[id] == nil {
                throw .serverError("Interface matching query does not exist.", exception: "DoesNotExist")
            }
            if !Set(a).isDisjoint(with: b) { throw .model("A and B terminations cannot connect to the same object.") }
            for id in a + b {
                let interface = store.interfaces[id]!
                if let existing = interface.cableID {
                    throw .model("Duplicate termination found for dcim.interface \(id): cable \(existing)")
                }
                if InterfaceTypeLabel.virtualTypes.contains(interface.type) {
                    throw .model("Cables cannot be terminated to \(InterfaceTypeLabel.label(interface.type)) interfaces")
                }
                if interface.markConnected {
                    let device = store.devices[interface.deviceID]?.name ?? ""
                    throw .model("Cannot connect a cable to \(device) > \(interface.name) because it is marked as connected.")
                }
            }
            let cable = Cable(
                id: store.cables.nextID(), aTerminations: a, bTerminations: b, status: status,
                label: label, description: description, created: now, lastUpdated: now)
            store.create(cable)
            for (ends, end) in [(a, "A"), (b, "B")] {
                for id in ends { store.setCable(cable.id, end: end, onInterface: id, now: now) }
            }
            return cable
        }
    }

    private static func terminationIDs(_ value: JSON?) throws(NetBoxError) -> [Int] {
        guard let items = value?.arrayValue else { return [] }
        var ids: [Int] = []
        for item in items {
            let type = item["object_type"]?.stringValue ?? "dcim.interface"
            guard type == "dcim.interface" else {
                throw .model("Cable terminations of type \(type) are not supported by the simulator.")
            }
            guard let id = item["object_id"]?.intValue else {
                throw .field("a_terminations", "Invalid termination: object_id must be an integer.")
            }
            ids.append(id)
        }
        return ids
    }

    /// `PATCH /api/dcim/cables/{id}/`: `status`, `label`, `description`.
    public func updateCable(id: Int, _ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Cable {
        try patch(Cable.self, id: id, fields, actor: actor) { _, cable, payload throws(NetBoxError) in
            if let status = payload.choice("status", CableStatus.self) { cable.status = status }
            if let label = payload.string("label") { cable.label = label }
            if let description = payload.string("description") { cable.description = description }
        }
    }

    /// `DELETE /api/dcim/cables/{id}/`: frees both ends.
    public func deleteCable(id: Int, actor: String = "") throws(NetBoxError) {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            guard let cable = store.cables[id] else { throw .notFound("Cable") }
            for interfaceID in cable.aTerminations + cable.bTerminations {
                store.setCable(nil, end: nil, onInterface: interfaceID, now: now)
            }
            store.remove(.cable, id: id)
            store.record(.delete, before: cable, after: nil)
        }
    }
}

extension NetBoxStore {
    func setCable(_ cableID: Int?, end: String?, onInterface id: Int, now: Date) {
        guard let old = interfaces[id] else { return }
        var interface = old
        interface.cableID = cableID
        interface.cableEnd = end
        interface.lastUpdated = now
        putInterface(interface)
        record(.update, before: old, after: interface)
    }
}
