import IPAddressing

/// One router's configuration as a structured model; the running and startup configs are
/// values of this type and `render()` gives the canonical text.
public struct RouterConfig: Sendable, Equatable {
    public var hostname: String
    /// Keyed by canonical interface name; physical ports are always present, loopbacks only
    /// once configured.
    public var interfaces: [String: InterfaceConfig]
    public var isis: ISISConfig?

    public init(hostname: String, ports: [String]) {
        self.hostname = hostname
        self.interfaces = Dictionary(ports.map { ($0, InterfaceConfig(name: $0)) }, uniquingKeysWith: { first, _ in first })
        self.isis = nil
    }

    /// Interfaces in natural name order, loopbacks first (as routers list virtual interfaces).
    public var sortedInterfaces: [InterfaceConfig] { sortedInterfaceNames.compactMap { interfaces[$0] } }

    /// Whether `order` lists exactly this config's interface names (then it is their sorted order
    /// if it was sorted when made).
    func isInterfaceOrder(_ order: [String]) -> Bool {
        order.count == interfaces.count && order.allSatisfy { interfaces[$0] != nil }
    }

    var sortedInterfaceNames: [String] {
        // Each name's sort key once, not twice per comparison: the comparisons were most of a
        // render in a debug build.
        interfaces.keys.map(InterfaceName.SortKey.init).sorted().map(\.name)
    }
}

public struct InterfaceConfig: Sendable, Equatable {
    public var name: String
    public var description: String?
    public var ipv4: IPv4InterfaceAddress?
    /// Sorted.
    public var ipv6: [IPv6InterfaceAddress] = []
    /// `ipv6 router isis [TAG]`.
    public var runsISIS = false
    public var isisProcessTag: String?
    public var isisPointToPoint = false
    /// `isis metric N [level-X]`.
    public var isisMetric = LevelMetric()
    /// `isis ipv6 metric N [level-X]`, preferred over `isis metric` for IPv6.
    public var isisIPv6Metric = LevelMetric()
    public var shutdown = false

    public init(name: String) { self.name = name }

    public var isLoopback: Bool { InterfaceName.isLoopback(name) }
}

/// A metric that may differ per IS-IS level; a value given without a level sets both.
public struct LevelMetric: Sendable, Equatable {
    public var level1: UInt32?
    public var level2: UInt32?
    public init(level1: UInt32? = nil, level2: UInt32? = nil) {
        self.level1 = level1; self.level2 = level2
    }
    public var isEmpty: Bool { level1 == nil && level2 == nil }
}

public enum ISType: String, Sendable, Equatable, CaseIterable {
    case level1 = "level-1", level2Only = "level-2-only", level12 = "level-1-2"
    var hasLevel2: Bool { self != .level1 }
    var hasLevel1: Bool { self != .level2Only }
}

public enum MetricStyle: String, Sendable, Equatable, CaseIterable {
    case narrow, wide, transition
}

public struct ISISConfig: Sendable, Equatable {
    public var tag: String?
    /// Sorted; at most three, sharing one system ID.
    public var nets: [NET] = []
    /// IOS's default is level-1-2.
    public var isType: ISType = .level12
    /// IOS's default is narrow.
    public var metricStyle: MetricStyle = .narrow
    public var passiveByDefault = false
    /// Interfaces whose passiveness is the opposite of the default: `passive-interface X` when
    /// not passive by default, `no passive-interface X` when it is.
    public var passiveExceptions: Set<String> = []
    public var ipv6Unicast: ISISAddressFamily?

    public init(tag: String?) { self.tag = tag }

    public func isPassive(_ interface: String) -> Bool { passiveByDefault != passiveExceptions.contains(interface) }
    /// Explicitly made passive by name (which, as on IOS, also advertises its prefixes).
    func isExplicitlyPassive(_ interface: String) -> Bool { !passiveByDefault && passiveExceptions.contains(interface) }
}

/// `address-family ipv6 unicast` under `router isis`.
public struct ISISAddressFamily: Sendable, Equatable {
    /// Router-wide default metric for every IS-IS interface of the router.
    public var metric = LevelMetric()
    public var redistributeConnected = false
    public init() {}
}
