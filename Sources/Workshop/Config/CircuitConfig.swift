/// IS-IS metrics of a circuit (docs/workshop.md, "Constants and descriptions").
public enum ISISMetric {
    public static let maintenance = 15_000_000
    public static let normal = 10
    public static let net = "49.0001.0123.4567.890a.0001.00"

    public static func value(underMaintenance: Bool) -> Int { underMaintenance ? maintenance : normal }
}

/// Where a circuit's endpoint text puts the IS-IS metric.
public enum MetricPlacement: String, Sendable, CaseIterable {
    /// `isis ipv6 metric N level-2` on the circuit's interface: maintenance drains only that circuit.
    case perInterface = "per-interface"
    /// The workshop's template verbatim: `metric N` under `address-family ipv6 unicast`, the
    /// router-wide default, so maintenance on one circuit re-weights every circuit of the router.
    case routerWide = "router-wide"
}

/// Which IS-IS NET a circuit's endpoint text sets on its router.
public enum NETAssignment: String, Sendable, CaseIterable {
    /// Each router its own NET, derived from its IPv4 loopback (`NetworkEntityTitle`), as
    /// operators do: neighbours have distinct system IDs and form adjacencies.
    case perRouter = "per-router"
    /// The workshop's template verbatim: `49.0001.0123.4567.890a.0001.00` on every router, one
    /// system ID for all, so real IS-IS (and OrchLab's fleet) refuses every adjacency.
    case workshopTemplate = "workshop-template"
}

/// One side of a circuit as its router sees it.
public struct CircuitEndpoint: Sendable, Hashable {
    public var node: String
    public var port: String
    public var farNode: String
    public var farPort: String
    /// With prefix length: `2001:db8:10::/127`.
    public var address: String
    /// The router's IPv4 loopback (`10.0.0.1/32`), from which its own NET is derived.
    public var loopback: String

    public init(node: String, port: String, farNode: String, farPort: String, address: String, loopback: String = "") {
        self.node = node; self.port = port; self.farNode = farNode; self.farPort = farPort; self.address = address
        self.loopback = loopback
    }

    /// The NET this side's text sets.
    public func net(_ assignment: NETAssignment) throws(NetworkEntityTitleError) -> String {
        switch assignment {
        case .workshopTemplate: ISISMetric.net
        case .perRouter: try NetworkEntityTitle(loopback: loopback).description
        }
    }

    public var description: String { Descriptions.port(farNode: farNode, farPort: farPort) }
}

/// The circuit texts an engineer pastes into each router (docs/workshop.md,
/// "The config texts").
public enum CircuitConfig {
    /// Create and modify circuit's text for one side. With `.routerWide` and the template's NET
    /// it is the workshop's template byte for byte; `.perInterface` moves the metric onto the
    /// interface, and `net` is the router's own NET unless the template's is asked for.
    public static func render(_ endpoint: CircuitEndpoint, underMaintenance: Bool, placement: MetricPlacement,
                              net: String = ISISMetric.net) -> String {
        let metric = ISISMetric.value(underMaintenance: underMaintenance)
        let interfaceMetric = placement == .perInterface ? "\n isis ipv6 metric \(metric) level-2" : ""
        let routerMetric = placement == .routerWide ? "\n  metric \(metric)" : ""
        return """
            ! Paste the following config into \(endpoint.node):
            ! to complete configuring the device
            interface \(endpoint.port)
             description \(endpoint.description)
             ipv6 address \(endpoint.address)
             ipv6 router isis
             isis network point-to-point\(interfaceMetric)
            !
            router isis
             net \(net)
             is-type level-2-only
             metric-style wide
             passive-interface default
             no passive-interface \(endpoint.port)
             address-family ipv6 unicast\(routerMetric)
              redistribute connected
              exit-address-family
            !
            end
            !
            """
    }

    /// Terminate circuit's text for one side: undoes everything the create text set on the
    /// interface and makes it passive again.
    public static func removal(_ endpoint: CircuitEndpoint) -> String {
        """
        ! Paste the following config into \(endpoint.node):
        ! to remove the circuit from the device
        interface \(endpoint.port)
         no description
         no ipv6 address \(endpoint.address)
         no ipv6 router isis
         no isis network point-to-point
         no isis ipv6 metric level-2
        !
        router isis
         passive-interface \(endpoint.port)
        !
        end
        !
        """
    }
}
