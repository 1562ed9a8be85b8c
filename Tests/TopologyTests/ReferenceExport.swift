import Foundation
import NetBoxSim

/// The workshop's NetBox export decoded independently of the importer, turned into the seed objects a
/// faithful topology must produce (ids, names, fields), each list sorted by id.
struct ReferenceExport: Decodable {
    struct Site: Decodable { let id: Int; let name, slug, status, description: String }
    struct Manufacturer: Decodable { let id: Int; let name, slug: String }
    struct DeviceType: Decodable { let id, manufacturer: Int; let model, slug: String }
    struct Role: Decodable { let id: Int; let name, slug, color: String }
    struct Device: Decodable {
        let id, device_type, device_role, site, primary_ip4, primary_ip6: Int
        let name, status, description: String
    }
    struct Interface: Decodable {
        let id, device: Int; let name, type, description: String; let speed: Int?; let enabled, mgmt_only: Bool
    }
    struct Prefix: Decodable { let id: Int; let prefix, status, description: String; let is_pool: Bool }
    struct Address: Decodable { let id, assigned_object_id: Int; let address, status, description: String }

    let sites: [Site], manufacturers: [Manufacturer], deviceTypes: [DeviceType], roles: [Role], devices: [Device]
    let interfaces: [Interface], prefixes: [Prefix], addresses: [Address]

    enum CodingKeys: String, CodingKey {
        case sites = "dcim.site", manufacturers = "dcim.manufacturer", deviceTypes = "dcim.devicetype"
        case roles = "dcim.devicerole", devices = "dcim.device", interfaces = "dcim.interface"
        case prefixes = "ipam.prefix", addresses = "ipam.ipaddress"
    }

    static func load(_ path: String) throws -> ReferenceExport {
        try JSONDecoder().decode(ReferenceExport.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    var seed: NetBoxSeed {
        let deviceNames = Dictionary(uniqueKeysWithValues: devices.map { ($0.id, $0.name) })
        let interfacesByID = Dictionary(uniqueKeysWithValues: interfaces.map { ($0.id, $0) })
        let addressText = Dictionary(uniqueKeysWithValues: addresses.map { ($0.id, $0.address) })
        func slug<T>(_ list: [T], _ id: Int, _ key: (T) -> (Int, String)) -> String {
            list.map(key).first { $0.0 == id }?.1 ?? "?"
        }
        var seed = NetBoxSeed()
        seed.sites = sites.map { .init(id: $0.id, name: $0.name, slug: $0.slug, status: $0.status, description: $0.description) }
        seed.manufacturers = manufacturers.map { .init(id: $0.id, name: $0.name, slug: $0.slug) }
        seed.deviceTypes = deviceTypes.map { type in
            .init(id: type.id, manufacturer: slug(manufacturers, type.manufacturer) { ($0.id, $0.slug) }, model: type.model, slug: type.slug)
        }
        seed.deviceRoles = roles.map { .init(id: $0.id, name: $0.name, slug: $0.slug, color: $0.color) }
        seed.devices = devices.map { device in
            .init(
                id: device.id, name: device.name, deviceType: slug(deviceTypes, device.device_type) { ($0.id, $0.slug) },
                role: slug(roles, device.device_role) { ($0.id, $0.slug) }, site: slug(sites, device.site) { ($0.id, $0.slug) },
                status: device.status, description: device.description, primaryIPv4: addressText[device.primary_ip4],
                primaryIPv6: addressText[device.primary_ip6])
        }
        seed.interfaces = interfaces.map {
            .init(
                id: $0.id, device: deviceNames[$0.device]!, name: $0.name, type: $0.type, speedKbps: $0.speed,
                enabled: $0.enabled, mgmtOnly: $0.mgmt_only, description: $0.description)
        }
        seed.prefixes = prefixes.map { .init(id: $0.id, prefix: $0.prefix, status: $0.status, isPool: $0.is_pool, description: $0.description) }
        seed.ipAddresses = addresses.map { address in
            let interface = interfacesByID[address.assigned_object_id]!
            return .init(
                id: address.id, address: address.address, status: address.status, description: address.description,
                assignedInterface: .init(device: deviceNames[interface.device]!, interface: interface.name))
        }
        return seed.sortedByID()
    }
}

extension NetBoxSeed {
    /// Every list sorted by id, so seeds built in different orders compare object by object.
    func sortedByID() -> NetBoxSeed {
        var seed = self
        seed.sites.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.manufacturers.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.deviceTypes.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.deviceRoles.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.devices.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.interfaces.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.prefixes.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.ipAddresses.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        seed.cables.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        return seed
    }
}
