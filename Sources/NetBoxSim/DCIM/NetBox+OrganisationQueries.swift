extension NetBox {
    /// `GET /api/dcim/sites/` with filters `id`, `name`, `slug`, `status`, `q`; ordered by name.
    public func sites(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Site> {
        try locked { store throws(NetBoxError) in
            try Self.namedList(store.sites.values, query, name: \.name) { filters in
                filters.choice("status", SiteStatus.self) { $0.status }
            }
        }
    }

    /// `GET /api/dcim/manufacturers/` with filters `id`, `name`, `slug`, `q`; ordered by name.
    public func manufacturers(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Manufacturer> {
        try locked { store throws(NetBoxError) in try Self.namedList(store.manufacturers.values, query, name: \.name) { _ in } }
    }

    /// `GET /api/dcim/device-types/` with filters `id`, `model`, `slug`, `manufacturer` (slug),
    /// `manufacturer_id`, `q`; ordered by model.
    public func deviceTypes(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<DeviceType> {
        try locked { store throws(NetBoxError) in
            try Self.namedList(store.deviceTypes.values, query, name: \.model, nameFilter: "model") { filters in
                filters.reference("manufacturer", resolve: { store.manufacturerBySlug[$0].map { [$0] } ?? [] }) { $0.manufacturerID }
                filters.referenceID("manufacturer_id", exists: { store.manufacturers[$0] != nil }) { $0.manufacturerID }
            }
        }
    }

    /// `GET /api/dcim/device-roles/` with filters `id`, `name`, `slug`, `q`; ordered by name.
    public func deviceRoles(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<DeviceRole> {
        try locked { store throws(NetBoxError) in try Self.namedList(store.deviceRoles.values, query, name: \.name) { _ in } }
    }

    public func site(id: Int) throws(NetBoxError) -> Site { try fetch(Site.self, id: id) }
    public func manufacturer(id: Int) throws(NetBoxError) -> Manufacturer { try fetch(Manufacturer.self, id: id) }
    public func deviceType(id: Int) throws(NetBoxError) -> DeviceType { try fetch(DeviceType.self, id: id) }
    public func deviceRole(id: Int) throws(NetBoxError) -> DeviceRole { try fetch(DeviceRole.self, id: id) }

    /// A list of objects identified by a name and a slug: `id`, name, `slug` and `q` filters plus
    /// the type's own, natural name order, `ordering=`.
    private static func namedList<T: NetBoxObject & Sluggable>(
        _ rows: [T], _ query: NetBoxQuery, name: KeyPath<T, String>, nameFilter: String = "name",
        _ extra: (inout FilterSet<T>) -> Void
    ) throws(NetBoxError) -> Page<T> {
        var filters = FilterSet<T>(query)
        filters.integer("id") { $0.id }
        filters.text(nameFilter) { $0[keyPath: name] }
        filters.text("slug") { $0.slug }
        filters.search { [$0[keyPath: name], $0.slug] }
        extra(&filters)
        let sorted = try filters.apply(to: rows).sorted(by: byName(name))
        return Page(all: ListOrdering<T>.byID(names: [nameFilter: name, "slug": \T.slug]).apply(sorted, query), query: query)
    }

    /// Natural order on a name field, ties by id.
    static func byName<T: NetBoxObject>(_ name: KeyPath<T, String>) -> (T, T) -> Bool {
        { a, b in
            let order = NaturalOrder.compare(a[keyPath: name], b[keyPath: name])
            return order == .orderedSame ? a.id < b.id : order == .orderedAscending
        }
    }
}

/// Objects NetBox identifies by slug.
protocol Sluggable { var slug: String { get } }
extension Site: Sluggable {}
extension Manufacturer: Sluggable {}
extension DeviceType: Sluggable {}
extension DeviceRole: Sluggable {}
