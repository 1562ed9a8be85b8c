import Foundation
import OrchLabJSON

/// The object types the simulator holds, named as NetBox names them (`app_label.model`).
public enum ObjectType: String, Sendable, Codable, CaseIterable, Hashable {
    case site = "dcim.site"
    case manufacturer = "dcim.manufacturer"
    case deviceType = "dcim.devicetype"
    case deviceRole = "dcim.devicerole"
    case device = "dcim.device"
    case interface = "dcim.interface"
    case cable = "dcim.cable"
    case prefix = "ipam.prefix"
    case ipAddress = "ipam.ipaddress"

    /// The model's verbose name used in 404 bodies.
    public var verboseName: String {
        switch self {
        case .site: return "Site"
        case .manufacturer: return "Manufacturer"
        case .deviceType: return "DeviceType"
        case .deviceRole: return "DeviceRole"
        case .device: return "Device"
        case .interface: return "Interface"
        case .cable: return "Cable"
        case .prefix: return "Prefix"
        case .ipAddress: return "IPAddress"
        }
    }

    /// REST path below `/api/`.
    public var path: String {
        switch self {
        case .site: return "dcim/sites"
        case .manufacturer: return "dcim/manufacturers"
        case .deviceType: return "dcim/device-types"
        case .deviceRole: return "dcim/device-roles"
        case .device: return "dcim/devices"
        case .interface: return "dcim/interfaces"
        case .cable: return "dcim/cables"
        case .prefix: return "ipam/prefixes"
        case .ipAddress: return "ipam/ip-addresses"
        }
    }

    /// SQLite table holding this type in persistent mode.
    var table: String { "netbox_" + rawValue.replacingOccurrences(of: ".", with: "_") }
}

/// What every stored object offers the store, the change log and persistence.
protocol NetBoxObject: Sendable, Codable, Equatable {
    static var objectType: ObjectType { get }
    /// Optional fields, which synthesized encoding drops when nil but snapshots show as null.
    static var nullableKeys: [String] { get }
    var id: Int { get }
    var lastUpdated: Date { get set }
    var snapshot: ObjectSnapshot { get }
    /// Where the store keeps objects of this type.
    static var table: KeyPath<NetBoxStore, Table<Self>> { get }
}

extension NetBoxObject {
    static var nullableKeys: [String] { [] }

    /// The stored fields as JSON, nil optionals included as null.
    var snapshotJSON: JSON {
        guard case .object(var fields) = ((try? JSON(encoding: self)) ?? .null) else { return .null }
        for key in Self.nullableKeys where fields[key] == nil { fields[key] = .null }
        return .object(fields)
    }
}

extension Site: NetBoxObject {
    static var objectType: ObjectType { .site }
    var snapshot: ObjectSnapshot { .site(self) }
    static var table: KeyPath<NetBoxStore, Table<Site>> { \.sites }
}
extension Manufacturer: NetBoxObject {
    static var objectType: ObjectType { .manufacturer }
    var snapshot: ObjectSnapshot { .manufacturer(self) }
    static var table: KeyPath<NetBoxStore, Table<Manufacturer>> { \.manufacturers }
}
extension DeviceType: NetBoxObject {
    static var objectType: ObjectType { .deviceType }
    var snapshot: ObjectSnapshot { .deviceType(self) }
    static var table: KeyPath<NetBoxStore, Table<DeviceType>> { \.deviceTypes }
}
extension DeviceRole: NetBoxObject {
    static var objectType: ObjectType { .deviceRole }
    var snapshot: ObjectSnapshot { .deviceRole(self) }
    static var table: KeyPath<NetBoxStore, Table<DeviceRole>> { \.deviceRoles }
}
extension Device: NetBoxObject {
    static var objectType: ObjectType { .device }
    var snapshot: ObjectSnapshot { .device(self) }
    static var table: KeyPath<NetBoxStore, Table<Device>> { \.devices }
    static var nullableKeys: [String] { ["primary_ip4", "primary_ip6"] }
}
extension Interface: NetBoxObject {
    static var objectType: ObjectType { .interface }
    var snapshot: ObjectSnapshot { .interface(self) }
    static var table: KeyPath<NetBoxStore, Table<Interface>> { \.interfaces }
    static var nullableKeys: [String] { ["speed", "cable", "cable_end"] }
}
extension Cable: NetBoxObject {
    static var objectType: ObjectType { .cable }
    var snapshot: ObjectSnapshot { .cable(self) }
    static var table: KeyPath<NetBoxStore, Table<Cable>> { \.cables }
}
extension Prefix: NetBoxObject {
    static var objectType: ObjectType { .prefix }
    var snapshot: ObjectSnapshot { .prefix(self) }
    static var table: KeyPath<NetBoxStore, Table<Prefix>> { \.prefixes }
}
extension IPAddress: NetBoxObject {
    static var objectType: ObjectType { .ipAddress }
    var snapshot: ObjectSnapshot { .ipAddress(self) }
    static var table: KeyPath<NetBoxStore, Table<IPAddress>> { \.ipAddresses }
    static var nullableKeys: [String] { ["assigned_object_id"] }
}
