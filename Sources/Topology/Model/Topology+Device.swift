extension Topology {
    /// A device as written: fields it does not set come from its group, then its kind, then `defaults`.
    public struct Device: Sendable, Equatable {
        public var name: String
        public var id: Int?
        public var kind: String?
        public var group: String?
        public var traits: DeviceTraits
        public var description: String?
        /// NetBox id of the first interface made from the device type's templates; the others follow in order.
        public var firstInterfaceID: Int?
        /// Interfaces beyond the device type's templates.
        public var interfaces: [InterfaceSpec]
        /// Addresses (with prefix length) of IP addresses assigned to this device; they override the loopback's.
        public var primaryIPv4: String?
        public var primaryIPv6: String?
        public var origin: Origin

        public init(
            name: String, id: Int? = nil, kind: String? = nil, group: String? = nil, traits: DeviceTraits = DeviceTraits(),
            description: String? = nil, firstInterfaceID: Int? = nil, interfaces: [InterfaceSpec] = [],
            primaryIPv4: String? = nil, primaryIPv6: String? = nil, origin: Origin = Origin(path: "")
        ) {
            self.name = name; self.id = id; self.kind = kind; self.group = group; self.traits = traits
            self.description = description; self.firstInterfaceID = firstInterfaceID; self.interfaces = interfaces
            self.primaryIPv4 = primaryIPv4; self.primaryIPv6 = primaryIPv6; self.origin = origin
        }
    }

    /// Fields a device can inherit from `defaults`, its kind or its group (as containerlab nodes do).
    public struct DeviceTraits: Sendable, Equatable {
        /// Site slug, role slug, device type slug.
        public var site: String?
        public var role: String?
        public var deviceType: String?
        public var status: String?
        public var loopback: Loopback?
        public var origin: Origin

        public init(
            site: String? = nil, role: String? = nil, deviceType: String? = nil, status: String? = nil,
            loopback: Loopback? = nil, origin: Origin = Origin(path: "")
        ) {
            self.site = site; self.role = role; self.deviceType = deviceType; self.status = status
            self.loopback = loopback; self.origin = origin
        }

        /// These traits with `other`'s set fields on top; loopbacks merge field by field.
        func overridden(by other: DeviceTraits) -> DeviceTraits {
            var merged = self
            merged.site = other.site ?? site
            merged.role = other.role ?? role
            merged.deviceType = other.deviceType ?? deviceType
            merged.status = other.status ?? status
            if let top = other.loopback {
                merged.loopback = loopback.map { $0.overridden(by: top) } ?? top
            }
            return merged
        }
    }

    /// A named set of traits: an entry of `kinds` or `groups`.
    public struct TraitSet: Sendable, Equatable {
        public var name: String
        public var traits: DeviceTraits
        public init(name: String, traits: DeviceTraits) {
            self.name = name; self.traits = traits
        }
    }

    /// The device's loopback interface; its addresses become the device's primary IPs.
    public struct Loopback: Sendable, Equatable {
        public var name: String?
        public var id: Int?
        public var description: String?
        public var ipv4: LoopbackAddress?
        public var ipv6: LoopbackAddress?
        public var origin: Origin

        public init(
            name: String? = nil, id: Int? = nil, description: String? = nil, ipv4: LoopbackAddress? = nil,
            ipv6: LoopbackAddress? = nil, origin: Origin = Origin(path: "")
        ) {
            self.name = name; self.id = id; self.description = description; self.ipv4 = ipv4; self.ipv6 = ipv6
            self.origin = origin
        }

        func overridden(by other: Loopback) -> Loopback {
            Loopback(
                name: other.name ?? name, id: other.id ?? id, description: other.description ?? description,
                ipv4: other.ipv4 ?? ipv4, ipv6: other.ipv6 ?? ipv6, origin: other.origin)
        }
    }

    /// Written either as a bare address (`10.0.0.1/32`) or as a mapping with id, status and description.
    public struct LoopbackAddress: Sendable, Equatable {
        public var address: String
        public var id: Int?
        public var status: String?
        public var description: String?
        public var origin: Origin

        public init(
            address: String, id: Int? = nil, status: String? = nil, description: String? = nil,
            origin: Origin = Origin(path: "")
        ) {
            self.address = address; self.id = id; self.status = status; self.description = description
            self.origin = origin
        }
    }
}
