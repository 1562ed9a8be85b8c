/// Why a workshop workflow step refused to go on. Messages name the object concerned.
public enum WorkshopError: Error, Sendable, Equatable, CustomStringConvertible {
    case memberCount(subscriptionID: String, found: Int)
    case deviceNotFound(String)
    case alreadyEnrolled(device: String, subscriptionID: String)
    case interfaceNotFound(Int)
    case notAnInterfaceID(field: String, value: String)
    /// A form's answer that its page did not offer (a form asking one page and mapping another).
    case notOffered(field: String, value: String)
    case missingPrimaryIP(device: String, family: String)
    case poolNotFound(prefixID: Int)
    /// A port of the new circuit is already cabled to something else.
    case portCabled(interfaceID: Int, cableID: Int)
    /// The circuit's /127 has no address left for a side (someone else took it).
    case noAddressLeft(prefix: String)
    /// Validation found the subscription out of step with NetBox or the routers.
    case drift([Difference])

    public var description: String {
        switch self {
        case .memberCount(let id, let found):
            "Circuit subscription \(id) must have exactly 2 members, found \(found)"
        case .deviceNotFound(let name): "NetBox has no device named \(name)"
        case .alreadyEnrolled(let device, let id): "Device \(device) is already enrolled as Node subscription \(id)"
        case .interfaceNotFound(let id): "NetBox has no interface with id \(id)"
        case .notAnInterfaceID(let field, let value): "\(field) must be a NetBox interface id, not '\(value)'"
        case .notOffered(let field, let value): "\(field) offered no choice '\(value)'"
        case .missingPrimaryIP(let device, let family): "NetBox device \(device) has no primary \(family) address"
        case .poolNotFound(let id): "NetBox has no circuit address pool (prefix id \(id))"
        case .portCabled(let interface, let cable): "NetBox interface \(interface) is already connected by cable \(cable)"
        case .noAddressLeft(let prefix): "NetBox prefix \(prefix) has no free address left"
        case .drift(let differences):
            "\(differences.count) difference\(differences.count == 1 ? "" : "s") found: "
                + differences.map(\.description).joined(separator: "; ")
        }
    }
}

/// One thing that differs between a subscription and what NetBox or a router holds.
public struct Difference: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where: `netbox device 7`, `loc1-core running-config interface 1/1/c2/1`, `subscription`.
    public let source: String
    public let field: String
    /// What the subscription says.
    public let expected: String
    public let found: String

    public init(source: String, field: String, expected: String, found: String) {
        self.source = source; self.field = field; self.expected = expected; self.found = found
    }

    public var description: String { "\(source) \(field): expected \(expected), found \(found)" }
}
