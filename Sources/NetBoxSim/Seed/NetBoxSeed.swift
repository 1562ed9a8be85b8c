/// The objects a lab starts with, as the topology loader hands them to `NetBox`.
///
/// Objects refer to each other by natural key (slug or name), not by id, so a topology file reads
/// like the lab it describes; an `id` set here pins the NetBox id (to reproduce a real instance).
/// Loading a seed is all-or-nothing.
public struct NetBoxSeed: Sendable, Equatable {
    public var sites: [Site] = []
    public var manufacturers: [Manufacturer] = []
    public var deviceTypes: [DeviceType] = []
    public var deviceRoles: [DeviceRole] = []
    public var devices: [Device] = []
    public var interfaces: [Interface] = []
    public var prefixes: [Prefix] = []
    public var ipAddresses: [IPAddress] = []
    public var cables: [Cable] = []

    public init() {}

    public struct Site: Sendable, Equatable {
        public var id: Int?
        public var name: String
        public var slug: String
        public var status: String
        public var description: String
        public init(id: Int? = nil, name: String, slug: String, status: String = "active", description: String = "") {
            self.id = id; self.name = name; self.slug = slug; self.status = status; self.description = description
        }
    }

    public struct Manufacturer: Sendable, Equatable {
        public var id: Int?
        public var name: String
        public var slug: String
        public init(id: Int? = nil, name: String, slug: String) {
            self.id = id; self.name = name; self.slug = slug
        }
    }

    public struct DeviceType: Sendable, Equatable {
        public var id: Int?
        /// Manufacturer slug.
        public var manufacturer: String
        public var model: String
        public var slug: String
        public init(id: Int? = nil, manufacturer: String, model: String, slug: String) {
            self.id = id; self.manufacturer = manufacturer; self.model = model; self.slug = slug
        }
    }

    public struct DeviceRole: Sendable, Equatable {
        public var id: Int?
        public var name: String
        public var slug: String
        public var color: String
        public init(id: Int? = nil, name: String, slug: String, color: String = "9e9e9e") {
            self.id = id; self.name = name; self.slug = slug; self.color = color
        }
    }

    public struct Device: Sendable, Equatable {
        public var id: Int?
        public var name: String
        /// Device type slug, role slug and site slug.
        public var deviceType: String
        public var role: String
        public var site: String
        public var status: String
        public var description: String
        /// Addresses (with prefix length) of IP addresses in `ipAddresses` assigned to one of this
        /// device's interfaces.
        public var primaryIPv4: String?
        public var primaryIPv6: String?
        public init(
            id: Int? = nil, name: String, deviceType: String, role: String, site: String,
            status: String = "active", description: String = "", primaryIPv4: String? = nil, primaryIPv6: String? = nil
        ) {
            self.id = id; self.name = name; self.deviceType = deviceType; self.role = role; self.site = site
            self.status = status; self.description = description
            self.primaryIPv4 = primaryIPv4; self.primaryIPv6 = primaryIPv6
        }
    }

    public struct Interface: Sendable, Equatable {
        public var id: Int?
        /// Device name.
        public var device: String
        public var name: String
        /// NetBox interface type value, e.g. `400gbase-x-qsfpdd`, `100gbase-x-qsfp28`, `virtual`.
        public var type: String
        public var speedKbps: Int?
        public var enabled: Bool
        public var mgmtOnly: Bool
        public var description: String
        public init(
            id: Int? = nil, device: String, name: String, type: String, speedKbps: Int? = nil,
            enabled: Bool = true, mgmtOnly: Bool = false, description: String = ""
        ) {
            self.id = id; self.device = device; self.name = name; self.type = type; self.speedKbps = speedKbps
            self.enabled = enabled; self.mgmtOnly = mgmtOnly; self.description = description
        }
    }

    public struct Prefix: Sendable, Equatable {
        public var id: Int?
        /// CIDR, e.g. `2001:db8:10::/44`.
        public var prefix: String
        public var status: String
        public var isPool: Bool
        public var description: String
        public init(id: Int? = nil, prefix: String, status: String = "active", isPool: Bool = false, description: String = "") {
            self.id = id; self.prefix = prefix; self.status = status; self.isPool = isPool; self.description = description
        }
    }

    public struct InterfaceRef: Sendable, Equatable, Hashable {
        public var device: String
        public var interface: String
        public init(device: String, interface: String) {
            self.device = device; self.interface = interface
        }
    }

    public struct IPAddress: Sendable, Equatable {
        public var id: Int?
        /// Address with prefix length, e.g. `10.0.0.1/32`.
        public var address: String
        public var status: String
        public var description: String
        public var assignedInterface: InterfaceRef?
        public init(
            id: Int? = nil, address: String, status: String = "active", description: String = "",
            assignedInterface: InterfaceRef? = nil
        ) {
            self.id = id; self.address = address; self.status = status; self.description = description
            self.assignedInterface = assignedInterface
        }
    }

    public struct Cable: Sendable, Equatable {
        public var id: Int?
        public var a: InterfaceRef
        public var b: InterfaceRef
        /// `planned`, `connected` or `decommissioning`.
        public var status: String
        public var description: String
        public init(id: Int? = nil, a: InterfaceRef, b: InterfaceRef, status: String = "connected", description: String = "") {
            self.id = id; self.a = a; self.b = b; self.status = status; self.description = description
        }
    }
}
