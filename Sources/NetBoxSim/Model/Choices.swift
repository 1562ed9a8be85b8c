/// A NetBox choice field: a stored value and the label the API shows next to it.
public protocol NetBoxChoice: RawRepresentable, CaseIterable, Sendable, Codable, Hashable where RawValue == String {
    var label: String { get }
}

extension NetBoxChoice {
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

public enum DeviceStatus: String, NetBoxChoice {
    case offline, active, planned, staged, failed, inventory, decommissioning
}

public enum SiteStatus: String, NetBoxChoice {
    case planned, staging, active, decommissioning, retired
}

public enum CableStatus: String, NetBoxChoice {
    case connected, planned, decommissioning
}

public enum PrefixStatus: String, NetBoxChoice {
    case container, active, reserved, deprecated
}

public enum IPAddressStatus: String, NetBoxChoice {
    case active, reserved, deprecated, dhcp, slaac

    public var label: String {
        switch self {
        case .dhcp: return "DHCP"
        case .slaac: return "SLAAC"
        default: return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
        }
    }
}

/// Interface type labels NetBox shows for the types labs use; others show their value.
enum InterfaceTypeLabel {
    static let known: [String: String] = [
        "virtual": "Virtual", "bridge": "Bridge", "lag": "Link Aggregation Group (LAG)",
        "1000base-t": "1000BASE-T (1GE)", "10gbase-x-sfpp": "SFP+ (10GE)", "25gbase-x-sfp28": "SFP28 (25GE)",
        "100gbase-x-qsfp28": "QSFP28 (100GE)", "400gbase-x-qsfpdd": "QSFP-DD (400GE)",
        "400gbase-x-osfp": "OSFP (400GE)", "800gbase-x-qsfpdd": "QSFP-DD (800GE)", "other": "Other",
    ]

    static func label(_ value: String) -> String { known[value] ?? value }

    /// Types NetBox refuses to terminate cables on.
    static let virtualTypes: Set<String> = ["virtual", "bridge", "lag"]
}
