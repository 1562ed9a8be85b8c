import Testing
@testable import RouterSim
import IPAddressing

@Suite struct NetworkTests {
    private func route(_ fleet: Fleet, _ device: String, _ prefix: String) throws -> Route? {
        try fleet.routes(on: device).first { $0.prefix.description == prefix }
    }

    @Test func routerWideMetricAppliesToEveryISISInterface() throws {
        let fleet = try Workshop.configuredFleet(metric: 10)
        #expect(try route(fleet, "loc1-core", "2001:db8::4/128")?.metric == 20)
        _ = try fleet.apply(paste: "router isis\n address-family ipv6 unicast\n  metric 15000000\n", to: "loc1-core", actor: "t")
        let adjacencies = fleet.adjacencies().filter { $0.a.device == "loc1-core" }
        #expect(adjacencies.map(\.aMetric) == [15_000_000, 15_000_000])
        // Both loc1 circuits are drained; the cheapest way out is still the direct one to loc3.
        let toLoc4 = try #require(try route(fleet, "loc1-core", "2001:db8::4/128"))
        #expect(toLoc4.metric == 15_000_010)
        #expect(toLoc4.nextHops.map(\.interface) == ["1/1/c3/1"])
        // The other direction is not affected: metrics are per sending side.
        #expect(try route(fleet, "loc4-core", "2001:db8::1/128")?.metric == 20)
    }

    @Test func interfaceMetricOverridesTheRouterWideOneToDrainOneCircuit() throws {
        let fleet = try Workshop.configuredFleet(metric: 10)
        let result = try fleet.apply(paste: "interface 1/1/c3/1\n isis ipv6 metric 15000000 level-2\n", to: "loc1-core", actor: "drain")
        #expect(result.isClean)
        let toLoc3 = try #require(try route(fleet, "loc1-core", "2001:db8::3/128"))
        #expect(toLoc3.metric == 20)
        #expect(toLoc3.nextHops.map(\.device) == ["loc2-core"])
        #expect(try fleet.path(from: "loc1-core", to: "loc4-core").map(\.devices) == [["loc1-core", "loc2-core", "loc3-core", "loc4-core"]])
        #expect(try route(fleet, "loc3-core", "2001:db8::1/128")?.nextHops.map(\.device) == ["loc1-core"])
        // `isis metric` is overridden by the IPv6-specific one but beats the router-wide one.
        _ = try fleet.apply(paste: "interface 1/1/c2/1\n isis metric 100\n", to: "loc1-core", actor: "t")
        #expect(fleet.adjacencies().first { $0.a.port == "1/1/c2/1" && $0.a.device == "loc1-core" }?.aMetric == 100)
    }

    @Test func equalCostPathsAreAllKept() throws {
        let fleet = try Workshop.configuredFleet(metric: 10)
        _ = try fleet.apply(paste: "interface 1/1/c3/1\n isis metric 20\n", to: "loc1-core", actor: "t")
        let paths = try fleet.path(from: "loc1-core", to: "loc4-core")
        #expect(paths.map(\.devices) == [["loc1-core", "loc2-core", "loc3-core", "loc4-core"], ["loc1-core", "loc3-core", "loc4-core"]])
        #expect(paths.map(\.cost) == [30, 30])
        #expect(paths[1].hops.first?.from == PortRef(device: "loc1-core", port: "1/1/c3/1"))
        let toLoc4 = try #require(try route(fleet, "loc1-core", "2001:db8::4/128"))
        #expect(toLoc4.nextHops.map(\.device) == ["loc2-core", "loc3-core"])
        #expect(toLoc4.nextHops.map { $0.address?.description } == ["2001:db8:10::1", "2001:db8:10:2::1"])
        #expect(try fleet.path(from: "loc1-core", to: "loc1-core").map(\.cost) == [0])
    }

    @Test func connectedRoutesWinAndCarryLocalEntries() throws {
        let fleet = try Workshop.configuredFleet()
        let routes = try fleet.routes(on: "loc1-core")
        #expect(routes.first { $0.prefix.description == "2001:db8:10::/127" }?.source == .connected)
        #expect(routes.first { $0.prefix.description == "2001:db8:10::/128" }?.source == .local)
        #expect(routes.first { $0.prefix.description == "2001:db8::1/128" }?.source == .local)
        // loc2-loc3 link prefix is learned through IS-IS at its interface metric.
        #expect(routes.first { $0.prefix.description == "2001:db8:10:1::/127" }?.metric == 20)
    }

    @Test func noISISMeansOnlyConnectedRoutesAndNoReachability() throws {
        let fleet = Fleet(spec: Workshop.spec())
        for device in fleet.deviceNames {
            _ = try fleet.apply(paste: "interface loopback0\n ipv6 address 2001:db8::\(device.dropFirst(3).prefix(1))/128\n", to: device, actor: "t")
        }
        #expect(fleet.adjacencies().isEmpty)
        #expect(try fleet.routes(on: "loc1-core").map(\.source) == [.local])
        let matrix = fleet.reachability()
        #expect(matrix.isReachable(from: "loc1-core", to: IPv6Address("2001:db8::1")!) == true)
        #expect(matrix.isReachable(from: "loc1-core", to: IPv6Address("2001:db8::2")!) == false)
        #expect(matrix.unreachablePairs.count == 12)
        #expect(try fleet.path(from: "loc1-core", to: "loc2-core").isEmpty)
    }

    @Test func networkIsRecomputedOnlyAfterAChange() throws {
        let fleet = try Workshop.configuredFleet()
        _ = fleet.adjacencies()
        #expect(fleet.state.withLock { $0.network != nil })
        _ = try fleet.apply(paste: "! nothing\nbogus\n", to: "loc1-core", actor: "t")
        #expect(fleet.state.withLock { $0.network != nil })
        _ = try fleet.apply(paste: "hostname renamed\n", to: "loc1-core", actor: "t")
        #expect(fleet.state.withLock { $0.network == nil })
        #expect(fleet.adjacencies().count == 4)
    }

    /// Without `redistribute connected`, a loopback is advertised when it runs IS-IS (passive
    /// under `passive-interface default`) or is made passive by name; otherwise it is not.
    @Test func loopbacksAdvertisedAsPassiveISISInterfaces() throws {
        let fleet = try Workshop.configuredFleet()
        for device in fleet.deviceNames {
            _ = try fleet.apply(paste: "router isis\n address-family ipv6 unicast\n  no redistribute connected\n", to: device, actor: "t")
        }
        let loc2 = IPv6Address("2001:db8::2")!, loc4 = IPv6Address("2001:db8::4")!
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: loc2) == false)
        _ = try fleet.apply(paste: "interface loopback 0\n ipv6 router isis\n", to: "loc2-core", actor: "t")
        _ = try fleet.apply(paste: "router isis\n no passive-interface default\n passive-interface loopback0\n", to: "loc4-core", actor: "t")
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: loc2) == true)
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: loc4) == true)
        #expect(try fleet.routes(on: "loc1-core").first { $0.prefix.description == "2001:db8::2/128" }?.metric == 20)
        #expect(fleet.adjacencies().count == 4)
    }
}
