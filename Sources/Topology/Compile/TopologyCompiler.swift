import NetBoxSim
import RouterSim
import IPAddressing
import YAMLReading

/// Checks a `Topology` as a whole and turns it into the NetBox seed and the router fleet. Every problem
/// goes to the diagnostic log; when there is any error the result is nil, so nothing half-loads.
/// One compiler compiles one topology.
final class TopologyCompiler {
    let log: DiagnosticLog
    var seed = NetBoxSeed()
    var fleet = FleetSpec()

    var siteSlugs = UniqueKeys<String>()
    var manufacturerSlugs = UniqueKeys<String>()
    var roleSlugs = UniqueKeys<String>()
    /// Template interfaces of each device type, already expanded (device name left empty).
    var templates: [String: [NetBoxSeed.Interface]] = [:]
    var kinds: [String: Topology.DeviceTraits] = [:]
    var groups: [String: Topology.DeviceTraits] = [:]
    var defaults = Topology.DeviceTraits()
    var deviceNames = UniqueKeys<String>()
    var deviceIDs = UniqueKeys<Int>()
    /// For each device, its interfaces by name and whether each can take a cable (not virtual).
    var ports: [String: [String: Bool]] = [:]
    var interfaceIDs = UniqueKeys<Int>()
    var interfaceBudget = InterfaceBudget()
    /// Devices whose type could not be resolved (already reported): their template interfaces are unknown,
    /// so references to them are not reported again as missing.
    var untypedDevices: Set<String> = []
    /// Devices that made it into the seed, with their index there.
    var addedDevices: [(index: Int, device: Topology.Device)] = []
    /// Each device's resolved loopback, in device order, and the addresses it makes primary.
    var loopbacks: [(device: String, loopback: Topology.Loopback)] = []
    var loopbackPrimaries: [String: [IPFamily: String]] = [:]

    init(log: DiagnosticLog) {
        self.log = log
    }

    func compile(_ topology: Topology) -> CompiledTopology? {
        catalog(topology)
        traitLayers(topology)
        for device in topology.devices { add(device) }
        let prefixes = self.prefixes(topology.prefixes)
        let hosts = addresses(topology, within: prefixes)
        primaryIPs(hosts: hosts)
        cables(topology.cables)
        links(topology.links)
        guard !log.hasErrors else { return nil }
        return CompiledTopology(seed: seed, fleet: fleet, warnings: log.sorted())
    }

    /// Sites, manufacturers, device roles and device types: the objects devices refer to by slug.
    private func catalog(_ topology: Topology) {
        var catalog = NamedObjects(what: "site")
        for site in topology.sites {
            let slug = catalog.register(site.name, slug: site.slug, id: site.id, site.origin, in: self)
            seed.sites.append(NetBoxSeed.Site(
                id: site.id, name: site.name, slug: slug, status: site.status ?? "active",
                description: site.description ?? ""))
        }
        siteSlugs = catalog.slugs
        catalog = NamedObjects(what: "manufacturer")
        for manufacturer in topology.manufacturers {
            let slug = catalog.register(manufacturer.name, slug: manufacturer.slug, id: manufacturer.id, manufacturer.origin, in: self)
            seed.manufacturers.append(NetBoxSeed.Manufacturer(id: manufacturer.id, name: manufacturer.name, slug: slug))
        }
        manufacturerSlugs = catalog.slugs
        catalog = NamedObjects(what: "device role")
        for role in topology.deviceRoles {
            let slug = catalog.register(role.name, slug: role.slug, id: role.id, role.origin, in: self)
            seed.deviceRoles.append(NetBoxSeed.DeviceRole(id: role.id, name: role.name, slug: slug, color: role.color ?? "9e9e9e"))
        }
        roleSlugs = catalog.slugs
        var ids = UniqueKeys<Int>()
        var typeSlugs = UniqueKeys<String>()
        for type in topology.deviceTypes {
            let slug = type.slug ?? Slug.make(from: type.model)
            let isNew = typeSlugs.claim(slug, "device type slug '\(slug)'", by: type.origin, field: "slug", log: log)
            claim(type.id, in: &ids, "device type", type.origin)
            if let manufacturer = type.manufacturer {
                check(manufacturer, in: manufacturerSlugs, "manufacturer", type.origin, field: "manufacturer")
            }
            if isNew { templates[slug] = expandTemplates(type.interfaces) }
            seed.deviceTypes.append(NetBoxSeed.DeviceType(
                id: type.id, manufacturer: type.manufacturer ?? "", model: type.model, slug: slug))
        }
    }

    /// Names, slugs (derived from the name when not written) and ids of one kind of catalog object, each unique.
    private struct NamedObjects {
        let what: String
        var names = UniqueKeys<String>(), slugs = UniqueKeys<String>(), ids = UniqueKeys<Int>()

        init(what: String) {
            self.what = what
        }

        mutating func register(_ name: String, slug: String?, id: Int?, _ origin: Origin, in compiler: TopologyCompiler) -> String {
            let slug = slug ?? Slug.make(from: name)
            names.claim(name, "\(what) name '\(name)'", by: origin, field: "name", log: compiler.log)
            slugs.claim(slug, "\(what) slug '\(slug)'", by: origin, field: "slug", log: compiler.log)
            compiler.claim(id, in: &ids, what, origin)
            return slug
        }
    }

    /// A device type's interfaces stop at the most one device may have (every device of the type gets them all).
    private func expandTemplates(_ specs: [Topology.InterfaceSpec]) -> [NetBoxSeed.Interface] {
        var names = UniqueKeys<String>()
        var templates: [NetBoxSeed.Interface] = []
        for spec in specs {
            for name in expand(spec) where names.claim(name, "interface name '\(name)'", by: spec.origin, field: "name", log: log) {
                guard templates.count < TopologyLimits.maximumInterfacesPerDevice else {
                    log.error(
                        spec.origin, field: "name", "the device type has more than \(TopologyLimits.maximumInterfacesPerDevice) interfaces",
                        expected: "at most \(TopologyLimits.maximumInterfacesPerDevice) interfaces per device")
                    return templates
                }
                templates.append(interface(spec, device: "", name: name, id: nil))
            }
        }
        return templates
    }

    /// The names a (possibly ranged) interface spec stands for; none when the pattern is malformed.
    func expand(_ spec: Topology.InterfaceSpec) -> [String] {
        do {
            return try InterfaceNamePattern.expand(spec.name)
        } catch {
            log.error(spec.origin, field: "name", error.message, expected: "a name, optionally with ranges like 1/1/c{1..36}/1")
            return []
        }
    }

    func interface(_ spec: Topology.InterfaceSpec, device: String, name: String, id: Int?) -> NetBoxSeed.Interface {
        NetBoxSeed.Interface(
            id: id, device: device, name: name, type: spec.type ?? "other", speedKbps: spec.speedKbps,
            enabled: spec.enabled ?? true, mgmtOnly: spec.mgmtOnly ?? false, description: spec.description ?? "")
    }

    func claim(_ id: Int?, in ids: inout UniqueKeys<Int>, _ what: String, _ origin: Origin) {
        guard let id else { return }
        ids.claim(id, "\(what) id \(id)", by: origin, field: "id", log: log)
    }

    /// Reports `value` unless it is one of `known`'s keys, suggesting the closest one.
    func check(_ value: String, in known: UniqueKeys<String>, _ what: String, _ origin: Origin, field: String) {
        guard !known.contains(value) else { return }
        let names = known.owners.keys.sorted()
        log.error(
            origin, field: field, "unknown \(what) '\(value)'\(Suggestion.hint(for: value, in: names))",
            expected: names.isEmpty ? "a \(what) defined in this topology" : "one of \(Suggestion.list(names))")
    }
}
