import Testing
@testable import RouterSim

@Suite struct RenderTests {
    @Test func workshopConfigRendersCanonically() throws {
        let fleet = Fleet(spec: FleetSpec(routers: [RouterSpec(name: "loc1-core", ports: ["1/1/c10/1", "1/1/c2/1", "1/1/c1/1"])]))
        _ = try fleet.apply(paste: Workshop.node("loc1-core", ipv4: "10.0.0.1/32", ipv6: "2001:DB8:0::1/128"), to: "loc1-core", actor: "t")
        _ = try fleet.apply(paste: Workshop.circuit("loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1",
                                                    address: "2001:db8:10::/127", metric: 10), to: "loc1-core", actor: "t")
        let expected = """
        !
        hostname loc1-core
        !
        interface loopback0
         ip address 10.0.0.1 255.255.255.255
         ipv6 address 2001:db8::1/128
        !
        interface 1/1/c1/1
        !
        interface 1/1/c2/1
         description Circuit Connection to loc2-core port 1/1/c1/1
         ipv6 address 2001:db8:10::/127
         ipv6 router isis
         isis network point-to-point
        !
        interface 1/1/c10/1
        !
        router isis
         net 49.0001.0123.4567.890a.0001.00
         is-type level-2-only
         metric-style wide
         passive-interface default
         no passive-interface 1/1/c2/1
         !
         address-family ipv6 unicast
          metric 10
          redistribute connected
         exit-address-family
        !
        end

        """
        #expect(try fleet.show("loc1-core", "show running-config") == expected)
        #expect(try fleet.runningConfig("loc1-core").render() == expected)
        #expect(fleet.renderedRunningConfigs() == [expected])
    }

    /// The kept texts follow pastes, loopbacks added (the interface order changes) and reloads.
    @Test func renderedRunningConfigsFollowEveryChange() throws {
        let fleet = try Workshop.configuredFleet(metric: 10)
        func rendered() throws -> [String] { try fleet.deviceNames.map { try fleet.runningConfig($0).render() } }
        func kept(_ fleet: Fleet) throws -> [String] { try fleet.deviceNames.map { try fleet.runningConfigText($0) } }
        #expect(fleet.renderedRunningConfigs() == (try rendered()))
        let device = fleet.deviceNames[0]
        _ = try fleet.apply(paste: "conf t\ninterface loopback 12\n ipv6 address 2001:db8::12/128\nend", to: device, actor: "t")
        #expect(fleet.renderedRunningConfigs() == (try rendered()))
        #expect(try kept(fleet) == (try rendered()))
        #expect(try fleet.runningConfigText(device).contains("interface loopback12"))
        try fleet.reload(device, actor: "t")
        #expect(fleet.renderedRunningConfigs() == (try rendered()))
        #expect(try kept(fleet) == (try rendered()))
        #expect(fleet.copy().renderedRunningConfigs() == (try rendered()))
        #expect(try kept(fleet.copy()) == (try rendered()))
    }

    @Test func renderedConfigParsesBackToTheSameModel() throws {
        let fleet = try Workshop.configuredFleet(metric: 15_000_000)
        _ = try fleet.apply(paste: """
            conf t
            interface 1/1/c4/1
             description spare
             ip address 192.0.2.1 255.255.255.254
             ipv6 address 2001:db8:99::1/64
             ipv6 address 2001:db8:98::1/64
             isis metric 7 level-1
             isis ipv6 metric 9
             shutdown
            interface loopback 12
             ipv6 address 2001:db8::12/128
            router isis
             passive-interface loopback12
            """, to: "loc1-core", actor: "t")
        for device in fleet.deviceNames {
            let original = try fleet.runningConfig(device)
            var harness = SessionHarness(device: device)
            for line in original.render().configLines { harness.run(String(line)) }
            #expect(harness.config == original)
            #expect(harness.config.render() == original.render())
        }
    }

    @Test func interfacesSortNaturallyWithLoopbacksFirst() {
        var config = RouterConfig(hostname: "r", ports: ["1/1/c10/1", "1/1/c9/1", "1/1/c1/2", "1/1/c1/10"])
        config.interfaces["loopback10"] = InterfaceConfig(name: "loopback10")
        config.interfaces["loopback2"] = InterfaceConfig(name: "loopback2")
        #expect(config.sortedInterfaces.map(\.name) == ["loopback2", "loopback10", "1/1/c1/2", "1/1/c1/10", "1/1/c9/1", "1/1/c10/1"])
    }

    @Test func showRunningConfigInterfaceShowsOneBlock() throws {
        let fleet = try Workshop.configuredFleet()
        let text = try fleet.show("loc2-core", "show running-config interface loopback 0")
        #expect(text == "!\ninterface loopback0\n ip address 10.0.0.2 255.255.255.255\n ipv6 address 2001:db8::2/128\n!\nend\n")
        #expect(throws: RouterError.unknownInterface(device: "loc2-core", interface: "9/9")) {
            try fleet.show("loc2-core", "show running-config interface 9/9")
        }
    }
}
