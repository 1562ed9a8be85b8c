import Foundation

public struct Site: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var slug: String
    public var status: SiteStatus
    public var description: String
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey {
        case id, name, slug, status, description, created, lastUpdated = "last_updated"
    }
}

public struct Manufacturer: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var slug: String
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey { case id, name, slug, created, lastUpdated = "last_updated" }
}

public struct DeviceType: Sendable, Equatable, Codable {
    public var id: Int
    public var manufacturerID: Int
    public var model: String
    public var slug: String
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey {
        case id, model, slug, created, manufacturerID = "manufacturer", lastUpdated = "last_updated"
    }
}

public struct DeviceRole: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var slug: String
    public var color: String
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey { case id, name, slug, color, created, lastUpdated = "last_updated" }
}

public struct Device: Sendable, Equatable, Codable {
    public var id: Int
    public var name: String
    public var deviceTypeID: Int
    public var roleID: Int
    public var siteID: Int
    public var status: DeviceStatus
    public var description: String
    public var primaryIPv4ID: Int?
    public var primaryIPv6ID: Int?
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey {
        case id, name, status, description, created
        case deviceTypeID = "device_type", roleID = "role", siteID = "site"
        case primaryIPv4ID = "primary_ip4", primaryIPv6ID = "primary_ip6", lastUpdated = "last_updated"
    }
}

public struct Interface: Sendable, Equatable, Codable {
    public var id: Int
    public var deviceID: Int
    public var name: String
    public var type: String
    public var speedKbps: Int?
    public var enabled: Bool
    public var mgmtOnly: Bool
    public var markConnected: Bool
    public var description: String
    public var cableID: Int?
    /// "A" or "B" while cabled.
    public var cableEnd: String?
    public var created: Date
    public var lastUpdated: Date

    /// NetBox's `_occupied`: a cable (planned or connected) or `mark_connected`.
    public var occupied: Bool { cableID != nil || markConnected }

    enum CodingKeys: String, CodingKey {
        case id, name, type, enabled, description, created
        case deviceID = "device", speedKbps = "speed", mgmtOnly = "mgmt_only", markConnected = "mark_connected"
        case cableID = "cable", cableEnd = "cable_end", lastUpdated = "last_updated"
    }
}

public struct Cable: Sendable, Equatable, Codable {
    public var id: Int
    /// Interface ids of each end.
    public var aTerminations: [Int]
    public var bTerminations: [Int]
    public var status: CableStatus
    public var label: String
    public var description: String
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey {
        case id, status, label, description, created
        case aTerminations = "a_terminations", bTerminations = "b_terminations", lastUpdated = "last_updated"
    }
}
