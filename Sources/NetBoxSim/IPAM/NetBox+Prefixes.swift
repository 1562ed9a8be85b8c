import Foundation
import OrchLabJSON
import IPAddressing

extension NetBox {
    /// `GET /api/ipam/prefixes/` with filters `id`, `prefix` (exact; unparsable → no rows),
    /// `within`, `within_include`, `contains`, `status`, `is_pool`, `family`, `mask_length`,
    /// `description`; ordered by family, network, length (parents first).
    public func prefixes(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Prefix> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<Prefix>(query)
            filters.integer("id") { $0.id }
            filters.choice("status", PrefixStatus.self) { $0.status }
            filters.boolean("is_pool") { $0.isPool }
            filters.integer("family") { $0.prefix.family.rawValue }
            filters.integer("mask_length") { $0.prefix.length }
            filters.search { [$0.prefix.description, $0.description] }
            filters.text("description") { $0.description }
            Self.networkFilter(&filters, query.values("prefix")) { wanted, prefix in wanted == prefix.prefix }
            Self.networkFilter(&filters, query.values("within")) { outer, prefix in
                outer.contains(prefix.prefix) && outer != prefix.prefix
            }
            Self.networkFilter(&filters, query.values("within_include")) { outer, prefix in outer.contains(prefix.prefix) }
            let contained = query.values("contains").map { text in
                (try? IPNetwork.parse(text)) ?? (try? IPInterfaceAddress.parse(text))?.network
            }
            if !contained.isEmpty {
                filters.add { prefix in contained.contains { $0.map(prefix.prefix.contains) ?? false } }
            }
            let rows = try filters.apply(to: store.prefixes.values).sorted { $0.prefix < $1.prefix }
            var ordering = ListOrdering<Prefix>.byID()
            ordering.fields["prefix"] = { ListOrdering<Prefix>.compare($0.prefix, $1.prefix) }
            return Page(all: ordering.apply(rows, query), query: query)
        }
    }

    /// A network-valued filter: an unparsable value matches nothing, as in NetBox.
    static func networkFilter<Row>(
        _ filters: inout FilterSet<Row>, _ values: [String], _ matches: @escaping (IPNetwork, Row) -> Bool
    ) {
        guard !values.isEmpty else { return }
        let networks = values.compactMap { text -> IPNetwork? in
            (try? IPNetwork.parse(text)) ?? (try? IPInterfaceAddress.parse(text, requireLength: true))?.network
        }
        filters.add { row in networks.contains { matches($0, row) } }
    }

    public func prefix(id: Int) throws(NetBoxError) -> Prefix { try fetch(Prefix.self, id: id) }

    /// `POST /api/ipam/prefixes/`: `prefix` (required), `status`, `is_pool`, `mark_utilized`, `description`.
    public func createPrefix(_ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Prefix {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            var payload = Payload(fields)
            var network: IPNetwork?
            if let text = payload.string("prefix", required: true) {
                do throws(IPParseError) { network = try IPNetwork.parse(text) } catch { payload.fail("prefix", error.fieldMessage) }
            }
            let prefix = try store.newPrefix(network, payload: &payload, now: now)
            return prefix
        }
    }

    /// `PATCH /api/ipam/prefixes/{id}/`: `status`, `is_pool`, `mark_utilized`, `description`.
    public func updatePrefix(id: Int, _ fields: [String: JSON], actor: String = "") throws(NetBoxError) -> Prefix {
        try patch(Prefix.self, id: id, fields, actor: actor) { _, prefix, payload throws(NetBoxError) in
            if let status = payload.choice("status", PrefixStatus.self) { prefix.status = status }
            if let isPool = payload.bool("is_pool") { prefix.isPool = isPool }
            if let utilized = payload.bool("mark_utilized") { prefix.markUtilized = utilized }
            if let description = payload.string("description") { prefix.description = description }
        }
    }

    /// `DELETE /api/ipam/prefixes/{id}/`; child prefixes and IPs stay, as in NetBox.
    public func deletePrefix(id: Int, actor: String = "") throws(NetBoxError) {
        try perform(actor: actor) { store, _ throws(NetBoxError) in
            guard let prefix = store.prefixes[id] else { throw .notFound("Prefix") }
            store.removePrefix(id)
            store.record(.delete, before: prefix, after: nil)
        }
    }
}

extension NetBoxStore {
    /// Validates the non-network fields of a new prefix and stores it (shared by plain create
    /// and available-prefixes allocation).
    func newPrefix(_ network: IPNetwork?, payload: inout Payload, now: Date) throws(NetBoxError) -> Prefix {
        let status = payload.choice("status", PrefixStatus.self) ?? .active
        let isPool = payload.bool("is_pool") ?? false
        let markUtilized = payload.bool("mark_utilized") ?? false
        let description = payload.string("description") ?? ""
        try payload.throwIfInvalid()
        guard let network else { throw .fields(payload.errors) }
        if hasPrefix(network) {
            throw .field("prefix", "Duplicate prefix found in global table: \(network)")
        }
        let prefix = Prefix(
            id: prefixes.nextID(), prefix: network, status: status, isPool: isPool, markUtilized: markUtilized,
            description: description, created: now, lastUpdated: now)
        return create(prefix)
    }
}
