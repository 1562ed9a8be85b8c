import Foundation
import IPAddressing

public struct Prefix: Sendable, Equatable, Codable {
    public var id: Int
    public var prefix: IPNetwork
    public var status: PrefixStatus
    public var isPool: Bool
    public var markUtilized: Bool
    public var description: String
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey {
        case id, prefix, status, description, created
        case isPool = "is_pool", markUtilized = "mark_utilized", lastUpdated = "last_updated"
    }
}

public struct IPAddress: Sendable, Equatable, Codable {
    public var id: Int
    public var address: IPInterfaceAddress
    public var status: IPAddressStatus
    public var description: String
    public var dnsName: String
    /// Interface id (NetBox's `assigned_object_id` with type `dcim.interface`).
    public var assignedInterfaceID: Int?
    public var created: Date
    public var lastUpdated: Date

    enum CodingKeys: String, CodingKey {
        case id, address, status, description, created
        case dnsName = "dns_name", assignedInterfaceID = "assigned_object_id", lastUpdated = "last_updated"
    }
}
