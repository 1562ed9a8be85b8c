/// What the fleet is built from: the routers, their physical ports and the wiring between them.
/// The topology loader produces it; the fleet knows nothing of where it came from.
public struct FleetSpec: Sendable, Equatable {
    public var routers: [RouterSpec]
    public var links: [LinkSpec]
    public init(routers: [RouterSpec] = [], links: [LinkSpec] = []) {
        self.routers = routers; self.links = links
    }
}

public struct RouterSpec: Sendable, Equatable {
    /// The device name; it is also the hostname the router starts with.
    public var name: String
    /// Physical port names (e.g. `1/1/c2/1`). Loopbacks are virtual and created on demand by
    /// `interface loopback N`, as on a real router, so they are not listed here.
    public var ports: [String]
    public init(name: String, ports: [String]) {
        self.name = name; self.ports = ports
    }
}

public struct PortRef: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var device: String
    public var port: String
    public init(device: String, port: String) {
        self.device = device; self.port = port
    }
    public var description: String { "\(device):\(port)" }
}

/// A physical wire between two ports: what is really plugged in, whatever NetBox documents.
public struct LinkSpec: Sendable, Equatable, Hashable {
    public var a: PortRef
    public var b: PortRef
    public init(a: PortRef, b: PortRef) {
        self.a = a; self.b = b
    }
}
