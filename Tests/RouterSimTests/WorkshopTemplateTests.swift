import Testing
@testable import RouterSim

@Suite struct WorkshopTemplateTests {
    @Test func nodeTemplateAppliesWithNoRejectedLineAndSavesStartup() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let result = try fleet.apply(paste: Workshop.node("loc1-core", ipv4: "10.0.0.1/32", ipv6: "2001:db8::1/128"),
                                     to: "loc1-core", actor: "process 1 / Provide Config to User")
        #expect(result.rejectedLines.isEmpty, "\(result.rejectedLines)")
        #expect(result.savedStartup)
        let config = try fleet.runningConfig("loc1-core")
        let loopback = try #require(config.interfaces["loopback0"])
        #expect(loopback.ipv4?.description == "10.0.0.1/32")
        #expect(loopback.ipv6.map(\.description) == ["2001:db8::1/128"])
        #expect(try fleet.startupConfig("loc1-core") == config)
    }

    @Test func circuitTemplateStartingWithoutConfigureTerminalApplies() throws {
        let fleet = Fleet(spec: Workshop.spec())
        let result = try fleet.apply(paste: Workshop.circuit("loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1",
                                                             address: "2001:db8:10::/127", metric: 15_000_000),
                                     to: "loc1-core", actor: "process 2 / Provide Config to User")
        #expect(result.rejectedLines.isEmpty, "\(result.rejectedLines)")
        #expect(!result.savedStartup)
        // The first configuration line at exec level says it entered configuration implicitly.
        let first = try #require(result.lines.first { if case .applied = $0.outcome { true } else { false } })
        #expect(first.text == "interface 1/1/c2/1")
        #expect(first.outcome == .applied(note: "entered global configuration implicitly (configuration command at exec level)"))
        let config = try fleet.runningConfig("loc1-core")
        let port = try #require(config.interfaces["1/1/c2/1"])
        #expect(port.description == "Circuit Connection to loc2-core port 1/1/c1/1")
        #expect(port.runsISIS && port.isisPointToPoint)
        let isis = try #require(config.isis)
        #expect(isis.nets.map(\.description) == [Workshop.net])
        #expect(isis.isType == .level2Only && isis.metricStyle == .wide && isis.passiveByDefault)
        #expect(!isis.isPassive("1/1/c2/1") && isis.isPassive("1/1/c3/1"))
        #expect(isis.ipv6Unicast?.metric == LevelMetric(level1: 15_000_000, level2: 15_000_000))
        #expect(isis.ipv6Unicast?.redistributeConnected == true)
    }

    @Test func workshopNetworkFormsAdjacenciesAndReachesEveryLoopback() throws {
        let fleet = try Workshop.configuredFleet()
        #expect(fleet.adjacencies().count == 4)
        let matrix = fleet.reachability()
        #expect(matrix.loopbacks.count == 4)
        #expect(matrix.isFullyReachable, "\(matrix.unreachablePairs)")
        #expect(fleet.problems().isEmpty, "\(fleet.problems())")
        let route = try #require(try fleet.routes(on: "loc1-core").first { $0.prefix.description == "2001:db8::4/128" })
        #expect(route.source == .isis)
        #expect(route.metric == 20)
        #expect(route.nextHops.map(\.device) == ["loc3-core"])
    }
}

@Suite struct WorkshopLifecycleTests {
    /// Circuits go in under maintenance (router-wide metric 15000000), then a modify-circuit
    /// paste puts loc1-core back to normal: the diff names exactly the metric line and the
    /// route costs follow.
    @Test func maintenanceThenNormalTrafficMode() throws {
        let fleet = try Workshop.configuredFleet(metric: 15_000_000)
        #expect(try fleet.routes(on: "loc1-core").first { $0.prefix.description == "2001:db8::2/128" }?.metric == 15_000_000)
        #expect(fleet.reachability().isFullyReachable)

        let normal = Workshop.circuit("loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1",
                                      address: "2001:db8:10::/127", metric: 10, net: Workshop.net(router: 1))
        let result = try fleet.apply(paste: normal, to: "loc1-core", actor: "process 7 / modify circuit")
        #expect(result.isClean)
        let changed = result.diff.split(separator: "\n").filter { ($0.hasPrefix("-") || $0.hasPrefix("+")) && !$0.hasPrefix("---") && !$0.hasPrefix("+++") }
        #expect(changed == ["-  metric 15000000", "+  metric 10"])
        // Router-wide: both of loc1's circuits now cost 10 from loc1's side, not from the far side.
        #expect(try fleet.routes(on: "loc1-core").first { $0.prefix.description == "2001:db8::2/128" }?.metric == 10)
        #expect(try fleet.routes(on: "loc1-core").first { $0.prefix.description == "2001:db8::3/128" }?.metric == 10)
        #expect(try fleet.routes(on: "loc2-core").first { $0.prefix.description == "2001:db8::1/128" }?.metric == 15_000_000)
        #expect(fleet.history(device: "loc1-core").last?.actor == "process 7 / modify circuit")
    }
}
