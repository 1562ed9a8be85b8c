extension Topology {
    public struct Site: Sendable, Equatable {
        public var name: String
        /// Derived from the name when not written.
        public var slug: String?
        public var id: Int?
        public var status: String?
        public var description: String?
        public var origin: Origin
        public init(
            name: String, slug: String? = nil, id: Int? = nil, status: String? = nil, description: String? = nil,
            origin: Origin = Origin(path: "")
        ) {
            self.name = name; self.slug = slug; self.id = id; self.status = status; self.description = description
            self.origin = origin
        }
    }

    public struct Manufacturer: Sendable, Equatable {
        public var name: String
        public var slug: String?
        public var id: Int?
        public var origin: Origin
        public init(name: String, slug: String? = nil, id: Int? = nil, origin: Origin = Origin(path: "")) {
            self.name = name; self.slug = slug; self.id = id; self.origin = origin
        }
    }

    public struct DeviceRole: Sendable, Equatable {
        public var name: String
        public var slug: String?
        public var id: Int?
        public var color: String?
        public var origin: Origin
        public init(
            name: String, slug: String? = nil, id: Int? = nil, color: String? = nil, origin: Origin = Origin(path: "")
        ) {
            self.name = name; self.slug = slug; self.id = id; self.color = color; self.origin = origin
        }
    }

    public struct DeviceType: Sendable, Equatable {
        public var model: String
        public var slug: String?
        public var id: Int?
        /// Manufacturer slug.
        public var manufacturer: String?
        /// Interface templates: every device of this type gets these interfaces, in this order.
        public var interfaces: [InterfaceSpec]
        public var origin: Origin
        public init(
            model: String, slug: String? = nil, id: Int? = nil, manufacturer: String? = nil,
            interfaces: [InterfaceSpec] = [], origin: Origin = Origin(path: "")
        ) {
            self.model = model; self.slug = slug; self.id = id; self.manufacturer = manufacturer
            self.interfaces = interfaces; self.origin = origin
        }
    }

    /// One interface, or a numbered run of them when the name holds ranges (`1/1/c{1..36}/1`); `id` is then
    /// the id of the first, the others following in order.
    public struct InterfaceSpec: Sendable, Equatable {
        public var name: String
        public var id: Int?
        public var type: String?
        public var speedKbps: Int?
        public var enabled: Bool?
        public var mgmtOnly: Bool?
        public var description: String?
        public var origin: Origin
        public init(
            name: String, id: Int? = nil, type: String? = nil, speedKbps: Int? = nil, enabled: Bool? = nil,
            mgmtOnly: Bool? = nil, description: String? = nil, origin: Origin = Origin(path: "")
        ) {
            self.name = name; self.id = id; self.type = type; self.speedKbps = speedKbps; self.enabled = enabled
            self.mgmtOnly = mgmtOnly; self.description = description; self.origin = origin
        }
    }

    public struct Prefix: Sendable, Equatable {
        public var prefix: String
        public var id: Int?
        public var status: String?
        public var isPool: Bool?
        public var description: String?
        public var origin: Origin
        public init(
            prefix: String, id: Int? = nil, status: String? = nil, isPool: Bool? = nil, description: String? = nil,
            origin: Origin = Origin(path: "")
        ) {
            self.prefix = prefix; self.id = id; self.status = status; self.isPool = isPool
            self.description = description; self.origin = origin
        }
    }

    public struct Address: Sendable, Equatable {
        /// Address with prefix length, e.g. `10.0.0.1/32`.
        public var address: String
        public var id: Int?
        public var status: String?
        public var description: String?
        /// The interface it is assigned to, if any.
        public var interface: Endpoint?
        public var origin: Origin
        public init(
            address: String, id: Int? = nil, status: String? = nil, description: String? = nil,
            interface: Endpoint? = nil, origin: Origin = Origin(path: "")
        ) {
            self.address = address; self.id = id; self.status = status; self.description = description
            self.interface = interface; self.origin = origin
        }
    }

    /// `device:interface`, split at the first colon (interface names may hold colons, device names not).
    public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
        public var device: String
        public var interface: String
        public var origin: Origin
        public init(device: String, interface: String, origin: Origin = Origin(path: "")) {
            self.device = device; self.interface = interface; self.origin = origin
        }
        public init?(_ text: String, origin: Origin = Origin(path: "")) {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let device = String(text[..<colon]), interface = String(text[text.index(after: colon)...])
            guard !device.isEmpty, !interface.isEmpty else { return nil }
            self.init(device: device, interface: interface, origin: origin)
        }
        public var description: String { "\(device):\(interface)" }
    }

    /// A cable documented in NetBox (it may or may not match the physical wiring).
    public struct Cable: Sendable, Equatable {
        public var a: Endpoint
        public var b: Endpoint
        public var id: Int?
        public var status: String?
        public var description: String?
        public var origin: Origin
        public init(
            a: Endpoint, b: Endpoint, id: Int? = nil, status: String? = nil, description: String? = nil,
            origin: Origin = Origin(path: "")
        ) {
            self.a = a; self.b = b; self.id = id; self.status = status; self.description = description
            self.origin = origin
        }
    }

    /// A physical wire: what the router simulation connects, whatever NetBox documents.
    public struct Link: Sendable, Equatable {
        public var a: Endpoint
        public var b: Endpoint
        public var origin: Origin
        public init(a: Endpoint, b: Endpoint, origin: Origin = Origin(path: "")) {
            self.a = a; self.b = b; self.origin = origin
        }
    }
}
