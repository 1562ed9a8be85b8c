extension NetBox {
    /// `GET /api/dcim/sites/` with filters `id`, `name`, `slug`, `status`, `q`; ordered by name.
    public func sites(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Site> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<Site>(query)
            filters.integer("id") { $0.id }
            filters.text("name") { $0.name }
            filters.text("slug") { $0.slug }
            filters.choice("status", SiteStatus.self) { $0.status }
            filters.search { [$0.name, $0.slug, $0.description] }
            return Page(all: try filters.apply(to: store.sites.values).sorted(by: Self.byName(\.name)), query: query)
        }
    }

    /// `GET /api/dcim/manufacturers/` with filters `id`, `name`, `slug`, `q`; ordered by name.
    public func manufacturers(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<Manufacturer> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<Manufacturer>(query)
            filters.integer("id") { $0.id }
            filters.text("name") { $0.name }
            filters.text("slug") { $0.slug }
            filters.search { [$0.name, $0.slug] }
            return Page(all: try filters.apply(to: store.manufacturers.values).sorted(by: Self.byName(\.name)), query: query)
        }
    }

    /// `GET /api/dcim/device-types/` with filters `id`, `model`, `slug`, `manufacturer` (slug),
    /// `manufacturer_id`, `q`; ordered by model.
    public func deviceTypes(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<DeviceType> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<DeviceType>(query)
            filters.integer("id") { $0.id }
            filters.text("model") { $0.model }
            filters.text("slug") { $0.slug }
            filters.reference("manufacturer", resolve: { store.manufacturerBySlug[$0].map { [$0] } ?? [] }) { $0.manufacturerID }
            filters.referenceID("manufacturer_id", exists: { store.manufacturers[$0] != nil }) { $0.manufacturerID }
            filters.search { [$0.model, $0.slug] }
            return Page(all: try filters.apply(to: store.deviceTypes.values).sorted(by: Self.byName(\.model)), query: query)
        }
    }

    /// `GET /api/dcim/device-roles/` with filters `id`, `name`, `slug`, `q`; ordered by name.
    public func deviceRoles(_ query: NetBoxQuery = [:]) throws(NetBoxError) -> Page<DeviceRole> {
        try locked { store throws(NetBoxError) in
            var filters = FilterSet<DeviceRole>(query)
            filters.integer("id") { $0.id }
            filters.text("name") { $0.name }
            filters.text("slug") { $0.slug }
            filters.search { [$0.name, $0.slug] }
            return Page(all: try filters.apply(to: store.deviceRoles.values).sorted(by: Self.byName(\.name)), query: query)
        }
    }

    public func site(id: Int) throws(NetBoxError) -> Site { try fetch(Site.self, id: id) }
    public func manufacturer(id: Int) throws(NetBoxError) -> Manufacturer { try fetch(Manufacturer.self, id: id) }
    public func deviceType(id: Int) throws(NetBoxError) -> DeviceType { try fetch(DeviceType.self, id: id) }
    public func deviceRole(id: Int) throws(NetBoxError) -> DeviceRole { try fetch(DeviceRole.self, id: id) }

    /// Natural order on a name field, ties by id.
    static func byName<T: NetBoxObject>(_ name: KeyPath<T, String>) -> (T, T) -> Bool {
        { a, b in
            let order = NaturalOrder.compare(a[keyPath: name], b[keyPath: name])
            return order == .orderedSame ? a.id < b.id : order == .orderedAscending
        }
    }
}
