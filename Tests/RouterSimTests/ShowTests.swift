import Testing
@testable import RouterSim

@Suite struct ShowTests {
    @Test func ipv6InterfaceBriefListsStatusAndAddresses() throws {
        let fleet = try Workshop.configuredFleet()
        _ = try fleet.apply(paste: "interface 1/1/c4/1\n shutdown\n", to: "loc4-core", actor: "t")
        let text = try fleet.show("loc4-core", "sh ipv6 int br")
        #expect(text == """
        loopback0              [up/up]
            2001:db8::4
        1/1/c1/1               [up/up]
            2001:db8:10:3::1
        1/1/c2/1               [down/down]
            unassigned
        1/1/c3/1               [down/down]
            unassigned
        1/1/c4/1               [administratively down/down]
            unassigned

        """)
    }

    @Test func isisNeighborsAndDatabase() throws {
        let fleet = try Workshop.configuredFleet()
        let neighbors = try fleet.show("loc4-core", "show isis neighbors")
        #expect(neighbors.split(separator: "\n").last == "loc3-core       L2   1/1/c1/1      2001:db8:10:3::           UP    30       00")
        let database = try fleet.show("loc4-core", "show isis database")
        #expect(database.contains("loc4-core.00-00       * 0x00000001"))
        #expect(database.contains("  Metric: 10         IS-Extended loc3-core.00\n"))
        #expect(database.contains("  Metric: 0          IPv6-Ext 2001:db8::4/128\n"))
        #expect(database.contains("  Metric: 10         IPv6 2001:db8:10:3::/127\n"))
        #expect(database.components(separatedBy: ".00-00").count - 1 == 4)
    }

    @Test func ipv6RouteShowsCodesDistanceMetricAndNextHops() throws {
        let fleet = try Workshop.configuredFleet()
        let text = try fleet.show("loc4-core", "show ipv6 route")
        #expect(text.hasPrefix("IPv6 Routing Table - default - 9 entries\nCodes: C - Connected, L - Local, I2 - ISIS L2\n"))
        #expect(text.contains("I2  2001:db8::1/128 [115/20]\n     via 2001:db8:10:3::, 1/1/c1/1\n"))
        #expect(text.contains("C   2001:db8:10:3::/127 [0/0]\n     via 1/1/c1/1, directly connected\n"))
        #expect(text.contains("L   2001:db8::4/128 [0/0]\n     via loopback0, receive\n"))
    }

    @Test func interfacesStatusShowsCablingAndState() throws {
        let fleet = try Workshop.configuredFleet()
        let lines = try fleet.show("loc1-core", "show interfaces status").split(separator: "\n").map(String.init)
        #expect(lines == [
            "Port          Name                Status      Connected to",
            "1/1/c1/1                          notconnect  -",
            "1/1/c2/1      Circuit Connection  connected   loc2-core:1/1/c1/1",
            "1/1/c3/1      Circuit Connection  connected   loc3-core:1/1/c2/1",
            "1/1/c4/1                          notconnect  -",
        ])
    }
}
