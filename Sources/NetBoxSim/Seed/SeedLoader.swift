import Foundation
import IPAddressing

/// Turns a seed into stored objects. Every object is checked and given its id before anything
/// touches the store, so a seed with an error changes nothing.
struct SeedLoader {
    let store: NetBoxStore
    let now: Date

    private var sites: [Site] = [], manufacturers: [Manufacturer] = [], deviceTypes: [DeviceType] = []
    private var roles: [DeviceRole] = [], devices: [Device] = [], interfaces: [Interface] = []
    private var prefixes: [Prefix] = [], ips: [IPAddress] = [], cables: [Cable] = []

    private var siteIDs: [String: Int] = [:], manufacturerIDs: [String: Int] = [:]
    private var typeIDs: [String: Int] = [:], roleIDs: [String: Int] = [:]
    private var deviceIDs: [String: Int] = [:]
    private var interfaceIDs: [SeedRef: Int] = [:]
    private var ipIDs: [String: Int] = [:]

    init(store: NetBoxStore, now: Date) {
        self.store = store
        self.now = now
    }

    private struct SeedRef: Hashable { let device: String, interface: String }

    /// Hands out ids: fixed ones are checked for clashes, the others continue after the largest
    /// id in use (stored or fixed in the seed).
    private struct IDAllocator {
        var next: Int
        var taken: Set<Int>
        init(lastID: Int, fixed: [Int?], existing: Set<Int>) {
            next = max(lastID, fixed.compactMap { $0 }.max() ?? 0) + 1
            taken = existing
        }
        mutating func id(_ fixed: Int?, object: @autoclosure () -> String) throws(NetBoxSeedError) -> Int {
            guard let fixed else { defer { next += 1 }; return next }
            guard fixed > 0 else { throw NetBoxSeedError(object: object(), problem: "id \(fixed) is not positive") }
            guard taken.insert(fixed).inserted else {
                throw NetBoxSeedError(object: object(), problem: "id \(fixed) is already in use")
            }
            return fixed
        }
    }

    private func allocator<T>(_ table: Table<T>, _ fixed: [Int?]) -> IDAllocator {
        IDAllocator(lastID: table.lastID, fixed: fixed, existing: Set(table.ids))
    }

    private func choice<C: NetBoxChoice>(_ value: String, _: C.Type, _ object: String) throws(NetBoxSeedError) -> C {
        guard let choice = C(rawValue: value) else {
            let allowed = C.allCases.map(\.rawValue).joined(separator: ", ")
            throw NetBoxSeedError(object: object, problem: "unknown status '\(value)' (one of \(allowed))")
        }
        return choice
    }

    private func lookup(_ map: [String: Int], _ stored: [String: Int], _ key: String, _ what: String, _ object: String) throws(NetBoxSeedError) -> Int {
        guard let id = map[key] ?? stored[key] else { throw NetBoxSeedError(object: object, problem: "unknown \(what) '\(key)'") }
        return id
    }

    private func requireNewSlug(_ slug: String, _ seen: [String: Int], _ stored: [String: Int], _ object: String) throws(NetBoxSeedError) {
        if seen[slug] != nil || stored[slug] != nil { throw NetBoxSeedError(object: object, problem: "duplicate slug") }
    }

    mutating func build(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        try buildOrganisation(seed)
        try buildDevices(seed)
        try buildInterfaces(seed)
        try buildIPAM(seed)
        try buildCables(seed)
        try assignPrimaryIPs(seed)
    }

    private mutating func buildOrganisation(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        var ids = allocator(store.sites, seed.sites.map(\.id))
        for site in seed.sites {
            let object = "site '\(site.slug)'"
            try requireNewSlug(site.slug, siteIDs, store.siteBySlug, object)
            let status = try choice(site.status, SiteStatus.self, object)
            let id = try ids.id(site.id, object: object)
            siteIDs[site.slug] = id
            sites.append(Site(id: id, name: site.name, slug: site.slug, status: status, description: site.description, created: now, lastUpdated: now))
        }
        ids = allocator(store.manufacturers, seed.manufacturers.map(\.id))
        for maker in seed.manufacturers {
            let object = "manufacturer '\(maker.slug)'"
            try requireNewSlug(maker.slug, manufacturerIDs, store.manufacturerBySlug, object)
            let id = try ids.id(maker.id, object: object)
            manufacturerIDs[maker.slug] = id
            manufacturers.append(Manufacturer(id: id, name: maker.name, slug: maker.slug, created: now, lastUpdated: now))
        }
        ids = allocator(store.deviceTypes, seed.deviceTypes.map(\.id))
        for type in seed.deviceTypes {
            let object = "device type '\(type.slug)'"
            try requireNewSlug(type.slug, typeIDs, store.deviceTypeBySlug, object)
            let maker = try lookup(manufacturerIDs, store.manufacturerBySlug, type.manufacturer, "manufacturer", object)
            let id = try ids.id(type.id, object: object)
            typeIDs[type.slug] = id
            deviceTypes.append(DeviceType(id: id, manufacturerID: maker, model: type.model, slug: type.slug, created: now, lastUpdated: now))
        }
        ids = allocator(store.deviceRoles, seed.deviceRoles.map(\.id))
        for role in seed.deviceRoles {
            let object = "device role '\(role.slug)'"
            try requireNewSlug(role.slug, roleIDs, store.deviceRoleBySlug, object)
            let id = try ids.id(role.id, object: object)
            roleIDs[role.slug] = id
            roles.append(DeviceRole(id: id, name: role.name, slug: role.slug, color: role.color, created: now, lastUpdated: now))
        }
    }

    private mutating func buildDevices(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        var ids = allocator(store.devices, seed.devices.map(\.id))
        devices.reserveCapacity(seed.devices.count)
        for device in seed.devices {
            let object = "device '\(device.name)'"
            guard deviceIDs[device.name] == nil, store.device(named: device.name).isEmpty else {
                throw NetBoxSeedError(object: object, problem: "duplicate name")
            }
            let site = try lookup(siteIDs, store.siteBySlug, device.site, "site", object)
            let type = try lookup(typeIDs, store.deviceTypeBySlug, device.deviceType, "device type", object)
            let role = try lookup(roleIDs, store.deviceRoleBySlug, device.role, "device role", object)
            let status = try choice(device.status, DeviceStatus.self, object)
            let id = try ids.id(device.id, object: object)
            deviceIDs[device.name] = id
            devices.append(Device(
                id: id, name: device.name, deviceTypeID: type, roleID: role, siteID: site, status: status,
                description: device.description, primaryIPv4ID: nil, primaryIPv6ID: nil, created: now, lastUpdated: now))
        }
    }

    private mutating func buildInterfaces(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        var ids = allocator(store.interfaces, seed.interfaces.map(\.id))
        interfaces.reserveCapacity(seed.interfaces.count)
        interfaceIDs.reserveCapacity(seed.interfaces.count)
        for interface in seed.interfaces {
            let object = "interface '\(interface.device) \(interface.name)'"
            guard let deviceID = deviceIDs[interface.device] else {
                throw NetBoxSeedError(object: object, problem: "unknown device '\(interface.device)'")
            }
            let ref = SeedRef(device: interface.device, interface: interface.name)
            guard interfaceIDs[ref] == nil else { throw NetBoxSeedError(object: object, problem: "duplicate name on the device") }
            let id = try ids.id(interface.id, object: object)
            interfaceIDs[ref] = id
            interfaces.append(Interface(
                id: id, deviceID: deviceID, name: interface.name, type: interface.type, speedKbps: interface.speedKbps,
                enabled: interface.enabled, mgmtOnly: interface.mgmtOnly, markConnected: false,
                description: interface.description, cableID: nil, cableEnd: nil, created: now, lastUpdated: now))
        }
    }

    private func interfaceID(_ ref: NetBoxSeed.InterfaceRef, _ object: String) throws(NetBoxSeedError) -> Int {
        guard let id = interfaceIDs[SeedRef(device: ref.device, interface: ref.interface)] else {
            throw NetBoxSeedError(object: object, problem: "unknown interface '\(ref.device) \(ref.interface)'")
        }
        return id
    }

    private mutating func buildIPAM(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        var ids = allocator(store.prefixes, seed.prefixes.map(\.id))
        var networks = Set<IPNetwork>()
        for prefix in seed.prefixes {
            let object = "prefix '\(prefix.prefix)'"
            let network: IPNetwork
            do throws(IPParseError) { network = try IPNetwork.parse(prefix.prefix) } catch {
                throw NetBoxSeedError(object: object, problem: error.fieldMessage)
            }
            guard networks.insert(network).inserted, !store.hasPrefix(network) else {
                throw NetBoxSeedError(object: object, problem: "duplicate prefix")
            }
            let status = try choice(prefix.status, PrefixStatus.self, object)
            prefixes.append(Prefix(
                id: try ids.id(prefix.id, object: object), prefix: network, status: status, isPool: prefix.isPool,
                markUtilized: false, description: prefix.description, created: now, lastUpdated: now))
        }
        ids = allocator(store.ipAddresses, seed.ipAddresses.map(\.id))
        var hosts = Set<IPHostKey>()
        for ip in seed.ipAddresses {
            let object = "IP address '\(ip.address)'"
            let address: IPInterfaceAddress
            do throws(IPParseError) { address = try IPInterfaceAddress.parse(ip.address) } catch {
                throw NetBoxSeedError(object: object, problem: "malformed address")
            }
            guard hosts.insert(IPHostKey(address)).inserted, store.ipByHost[IPHostKey(address)] == nil else {
                throw NetBoxSeedError(object: object, problem: "duplicate address")
            }
            let status = try choice(ip.status, IPAddressStatus.self, object)
            let interface = try ip.assignedInterface.map { ref throws(NetBoxSeedError) in try interfaceID(ref, object) }
            let id = try ids.id(ip.id, object: object)
            ipIDs[address.description] = id
            ips.append(IPAddress(
                id: id, address: address, status: status, description: ip.description, dnsName: "",
                assignedInterfaceID: interface, created: now, lastUpdated: now))
        }
    }

    private mutating func buildCables(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        var ids = allocator(store.cables, seed.cables.map(\.id))
        var used: [Int: String] = [:]
        let position = Dictionary(uniqueKeysWithValues: interfaces.enumerated().map { ($1.id, $0) })
        for cable in seed.cables {
            let object = "cable '\(cable.a.device) \(cable.a.interface) – \(cable.b.device) \(cable.b.interface)'"
            let a = try interfaceID(cable.a, object), b = try interfaceID(cable.b, object)
            guard a != b else { throw NetBoxSeedError(object: object, problem: "both ends are the same interface") }
            for id in [a, b] {
                if let other = used[id] { throw NetBoxSeedError(object: object, problem: "interface already cabled by \(other)") }
                used[id] = object
                if InterfaceTypeLabel.virtualTypes.contains(interfaces[position[id]!].type) {
                    throw NetBoxSeedError(object: object, problem: "cables cannot be terminated to virtual interfaces")
                }
            }
            let status = try choice(cable.status, CableStatus.self, object)
            let id = try ids.id(cable.id, object: object)
            cables.append(Cable(
                id: id, aTerminations: [a], bTerminations: [b], status: status, label: "",
                description: cable.description, created: now, lastUpdated: now))
            interfaces[position[a]!].cableID = id
            interfaces[position[a]!].cableEnd = "A"
            interfaces[position[b]!].cableID = id
            interfaces[position[b]!].cableEnd = "B"
        }
    }

    private mutating func assignPrimaryIPs(_ seed: NetBoxSeed) throws(NetBoxSeedError) {
        let ipByID = Dictionary(uniqueKeysWithValues: ips.map { ($0.id, $0) })
        let deviceOfInterface = Dictionary(uniqueKeysWithValues: interfaces.map { ($0.id, $0.deviceID) })
        for (index, device) in seed.devices.enumerated() {
            for (text, family) in [(device.primaryIPv4, IPFamily.v4), (device.primaryIPv6, .v6)] {
                guard let text else { continue }
                let object = "device '\(device.name)'"
                let key = (try? IPInterfaceAddress.parse(text))?.description ?? text
                guard let ipID = ipIDs[key], let ip = ipByID[ipID] else {
                    throw NetBoxSeedError(object: object, problem: "primary IP '\(text)' is not among the seed's IP addresses")
                }
                guard ip.address.family == family else {
                    throw NetBoxSeedError(object: object, problem: "primary IP '\(text)' is not an \(family.label) address")
                }
                guard let interface = ip.assignedInterfaceID, deviceOfInterface[interface] == devices[index].id else {
                    throw NetBoxSeedError(object: object, problem: "primary IP '\(text)' is not assigned to one of its interfaces")
                }
                if family == .v4 { devices[index].primaryIPv4ID = ipID } else { devices[index].primaryIPv6ID = ipID }
            }
        }
    }

    /// Stores everything built; cannot fail.
    func commit() {
        for site in sites { store.putSite(site) }
        for maker in manufacturers { store.putManufacturer(maker) }
        for type in deviceTypes { store.putDeviceType(type) }
        for role in roles { store.putDeviceRole(role) }
        for device in devices { store.putDevice(device) }
        store.interfaces.reserveCapacity(store.interfaces.count + interfaces.count)
        for interface in interfaces { store.putInterface(interface, keepSorted: false) }
        for deviceID in Set(interfaces.map(\.deviceID)) { store.sortInterfaces(ofDevice: deviceID) }
        for prefix in prefixes { store.putPrefix(prefix) }
        for ip in ips { store.putIPAddress(ip) }
        for cable in cables { store.putCable(cable) }
    }
}
