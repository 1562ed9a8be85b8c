import Foundation
import IPAddressing

/// All NetBox objects and the indexes the API needs. Not thread-safe: only `NetBox` touches it,
/// under its lock. Every mutation goes through `record`, which feeds the change log and the
/// write-through to SQLite.
final class NetBoxStore {
    var sites = Table<Site>()
    var manufacturers = Table<Manufacturer>()
    var deviceTypes = Table<DeviceType>()
    var deviceRoles = Table<DeviceRole>()
    var devices = Table<Device>()
    var interfaces = Table<Interface>()
    var cables = Table<Cable>()
    var prefixes = Table<Prefix>()
    var ipAddresses = Table<IPAddress>()

    var siteBySlug: [String: Int] = [:]
    var manufacturerBySlug: [String: Int] = [:]
    var deviceTypeBySlug: [String: Int] = [:]
    var deviceRoleBySlug: [String: Int] = [:]
    /// Lower-cased device name → ids (NetBox names are unique per site only).
    var devicesByName: [String: [Int]] = [:]
    /// Interface ids of each device in NetBox's natural name order.
    var interfacesByDevice: [Int: [Int]] = [:]
    var ipByHost: [IPHostKey: Int] = [:]
    private var v4Prefixes = PrefixTrie(family: .v4)
    private var v6Prefixes = PrefixTrie(family: .v6)
    /// Number of IP addresses assigned to each interface.
    private(set) var ipCountByInterface: [Int: Int] = [:]
    /// Device ids in NetBox's list order (natural name order), rebuilt after a device change.
    private var cachedDeviceOrder: [Int]?
    var hosts: [IPFamily: HostIndex] = [.v4: HostIndex(), .v6: HostIndex()]

    /// Changes made by the operation in progress, taken by `NetBox` when it returns.
    var pending: [PendingChange] = []

    struct PendingChange {
        let action: ObjectChange.Action
        let type: ObjectType
        let id: Int
        let before: ObjectSnapshot?
        let after: ObjectSnapshot?
    }

    func record<T: NetBoxObject>(_ action: ObjectChange.Action, before: T?, after: T?) {
        let id = after?.id ?? before!.id
        pending.append(PendingChange(
            action: action, type: T.objectType, id: id, before: before?.snapshot, after: after?.snapshot))
    }

    /// Stores a new object and logs its creation.
    @discardableResult
    func create<T: NetBoxObject>(_ object: T) -> T {
        put(object.snapshot)
        record(.create, before: nil, after: object)
        return object
    }

    // MARK: index maintenance (callers record the change)

    func putSite(_ site: Site) {
        if let old = sites[site.id] { siteBySlug[old.slug] = nil }
        sites.put(site)
        siteBySlug[site.slug] = site.id
    }

    func putManufacturer(_ manufacturer: Manufacturer) {
        manufacturers.put(manufacturer)
        manufacturerBySlug[manufacturer.slug] = manufacturer.id
    }

    func putDeviceType(_ type: DeviceType) {
        deviceTypes.put(type)
        deviceTypeBySlug[type.slug] = type.id
    }

    func putDeviceRole(_ role: DeviceRole) {
        deviceRoles.put(role)
        deviceRoleBySlug[role.slug] = role.id
    }

    func putDevice(_ device: Device) {
        if let old = devices[device.id] { devicesByName[old.name.lowercased()]?.removeAll { $0 == device.id } }
        devices.put(device)
        devicesByName[device.name.lowercased(), default: []].append(device.id)
        deviceOrderChanged()
    }

    /// `sorted: false` lets a bulk load append and sort each device's list once at the end.
    func putInterface(_ interface: Interface, keepSorted: Bool = true) {
        let isNew = interfaces[interface.id] == nil
        interfaces.put(interface)
        guard isNew else { return }
        interfacesByDevice[interface.deviceID, default: []].append(interface.id)
        if keepSorted { sortInterfaces(ofDevice: interface.deviceID) }
    }

    func sortInterfaces(ofDevice deviceID: Int) {
        interfacesByDevice[deviceID]?.sort { a, b in
            let left = interfaces[a]!, right = interfaces[b]!
            let order = NaturalOrder.compare(left.name, right.name)
            return order == .orderedSame ? a < b : order == .orderedAscending
        }
    }

    func putCable(_ cable: Cable) { cables.put(cable) }

    func putPrefix(_ prefix: Prefix) {
        if let old = prefixes[prefix.id] {
            guard old.prefix != prefix.prefix else { prefixes.put(prefix); return }
            removePrefix(old.id)
        }
        prefixes.put(prefix)
        updateTrie(prefix.prefix.family) { $0.insert(prefix.prefix) }
    }

    func removePrefix(_ id: Int) {
        guard let old = prefixes.remove(id) else { return }
        updateTrie(old.prefix.family) { $0.remove(old.prefix) }
    }

    func putIPAddress(_ ip: IPAddress) {
        if ipAddresses[ip.id] != nil { removeIPAddress(ip.id) }
        ipAddresses.put(ip)
        if let interfaceID = ip.assignedInterfaceID { ipCountByInterface[interfaceID, default: 0] += 1 }
        ipByHost[IPHostKey(ip.address)] = ip.id
        hosts[ip.address.family]!.insert(ip.address.host)
    }

    func removeIPAddress(_ id: Int) {
        guard let old = ipAddresses.remove(id) else { return }
        if let interfaceID = old.assignedInterfaceID { ipCountByInterface[interfaceID]? -= 1 }
        ipByHost[IPHostKey(old.address)] = nil
        hosts[old.address.family]!.remove(old.address.host)
    }

    // MARK: lookups

    func device(named name: String) -> [Int] { devicesByName[name.lowercased()] ?? [] }

    func trie(_ family: IPFamily) -> PrefixTrie { family == .v4 ? v4Prefixes : v6Prefixes }

    private func updateTrie(_ family: IPFamily, _ change: (inout PrefixTrie) -> Void) {
        if family == .v4 { change(&v4Prefixes) } else { change(&v6Prefixes) }
    }

    func hasPrefix(_ network: IPNetwork) -> Bool { trie(network.family).contains(network) }

    func prefixDepth(_ prefix: Prefix) -> Int { trie(prefix.prefix.family).ancestorCount(of: prefix.prefix) }
    func prefixChildren(_ prefix: Prefix) -> Int { trie(prefix.prefix.family).descendantCount(of: prefix.prefix) }

    func ipCount(ofInterface interfaceID: Int) -> Int { ipCountByInterface[interfaceID] ?? 0 }

    var deviceOrder: [Int] {
        if let cachedDeviceOrder { return cachedDeviceOrder }
        let order = devices.values.sorted(by: NetBox.deviceOrder).map(\.id)
        cachedDeviceOrder = order
        return order
    }

    func deviceOrderChanged() { cachedDeviceOrder = nil }

    /// An independent store with the same objects, indexes and id sequences. Every field is a
    /// value, so this copies references and the first write to either side pays for its table.
    func copy() -> NetBoxStore {
        let copy = NetBoxStore()
        copy.sites = sites; copy.manufacturers = manufacturers; copy.deviceTypes = deviceTypes
        copy.deviceRoles = deviceRoles; copy.devices = devices; copy.interfaces = interfaces
        copy.cables = cables; copy.prefixes = prefixes; copy.ipAddresses = ipAddresses
        copy.siteBySlug = siteBySlug; copy.manufacturerBySlug = manufacturerBySlug
        copy.deviceTypeBySlug = deviceTypeBySlug; copy.deviceRoleBySlug = deviceRoleBySlug
        copy.devicesByName = devicesByName; copy.interfacesByDevice = interfacesByDevice; copy.ipByHost = ipByHost
        copy.v4Prefixes = v4Prefixes; copy.v6Prefixes = v6Prefixes; copy.ipCountByInterface = ipCountByInterface
        copy.cachedDeviceOrder = cachedDeviceOrder; copy.hosts = hosts
        return copy
    }
}

/// An IP address's host, whatever its mask: NetBox treats `10.0.0.1/32` and `10.0.0.1/24` as the
/// same address for duplicates and for available-ips.
struct IPHostKey: Hashable {
    let family: IPFamily
    let host: UInt128
    init(_ address: IPInterfaceAddress) { family = address.family; host = address.host }
    init(family: IPFamily, host: UInt128) { self.family = family; self.host = host }
}
