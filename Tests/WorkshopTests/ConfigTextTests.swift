import Catalogues
@testable import WorkshopStarter
import RouterSim
import Testing
@testable import Workshop

/// The texts engineers paste, checked byte for byte against the workshop's texts (docs/workshop.md).
@Suite struct ConfigTextTests {
    static let nodeTemplate = """
        ! Paste the following config into loc1-core:
        ! to complete configuring the device
        !
        enable
        configure terminal
        !
        hostname loc1-core
        !
        interface loopback 0
        !
        ip address 10.0.0.1/32
        ipv6 address 2001:db8::1/128
        !
        exit
        !
        end
        copy running-config startup-config
        """

    static let circuitTemplate = """
        ! Paste the following config into loc1-core:
        ! to complete configuring the device
        interface 1/1/c2/1
         description Circuit Connection to loc2-core port 1/1/c1/1
         ipv6 address 2001:db8:10::/127
         ipv6 router isis
         isis network point-to-point
        !
        router isis
         net 49.0001.0123.4567.890a.0001.00
         is-type level-2-only
         metric-style wide
         passive-interface default
         no passive-interface 1/1/c2/1
         address-family ipv6 unicast
          metric 15000000
          redistribute connected
          exit-address-family
        !
        end
        !
        """

    static let endpointA = CircuitEndpoint(node: "loc1-core", port: "1/1/c2/1", farNode: "loc2-core", farPort: "1/1/c1/1",
                                           address: "2001:db8:10::/127")

    @Test func nodeTextIsTheWorkshopTemplate() {
        #expect(NodeConfig.render(nodeName: "loc1-core", ipv4Loopback: "10.0.0.1/32", ipv6Loopback: "2001:db8::1/128")
            == Self.nodeTemplate)
    }

    @Test func routerWideCircuitTextIsTheWorkshopTemplate() {
        #expect(CircuitConfig.render(Self.endpointA, underMaintenance: true, placement: .routerWide) == Self.circuitTemplate)
        #expect(CircuitConfig.render(Self.endpointA, underMaintenance: false, placement: .routerWide)
            == Self.circuitTemplate.replacingOccurrences(of: "metric 15000000", with: "metric 10"))
    }

    @Test func perInterfaceTextMovesOnlyTheMetricOntoTheInterface() {
        let text = CircuitConfig.render(Self.endpointA, underMaintenance: false, placement: .perInterface)
        let expected = Self.circuitTemplate
            .replacingOccurrences(of: " isis network point-to-point\n", with: " isis network point-to-point\n isis ipv6 metric 10 level-2\n")
            .replacingOccurrences(of: "  metric 15000000\n", with: "")
        #expect(text == expected)
    }

    @Test(arguments: MetricPlacement.allCases)
    func everyTextAppliesCleanlyAndRemovalRestoresThePort(_ placement: MetricPlacement) throws {
        let fleet = Fleet(spec: FleetSpec(routers: [RouterSpec(name: "loc1-core", ports: ["1/1/c1/1", "1/1/c2/1"])]))
        let fresh = try fleet.runningConfig("loc1-core").interfaces["1/1/c2/1"]
        for text in [
            NodeConfig.render(nodeName: "loc1-core", ipv4Loopback: "10.0.0.1/32", ipv6Loopback: "2001:db8::1/128"),
            CircuitConfig.render(Self.endpointA, underMaintenance: true, placement: placement),
            CircuitConfig.render(Self.endpointA, underMaintenance: false, placement: placement),
        ] {
            let result = try fleet.apply(paste: text, to: "loc1-core", actor: "test")
            #expect(result.isClean, "\(result.rejectedLines)")
        }
        let configured = try #require(try fleet.runningConfig("loc1-core").interfaces["1/1/c2/1"])
        #expect(ValidateCircuit.effectiveMetric(configured, try fleet.runningConfig("loc1-core").isis) == 10)

        #expect(try fleet.apply(paste: CircuitConfig.removal(Self.endpointA), to: "loc1-core", actor: "test").isClean)
        let config = try fleet.runningConfig("loc1-core")
        #expect(config.interfaces["1/1/c2/1"] == fresh)
        #expect(config.isis?.isPassive("1/1/c2/1") == true)
        #expect(try fleet.apply(paste: NodeConfig.removal(nodeName: "loc1-core"), to: "loc1-core", actor: "test").isClean)
        #expect(try fleet.runningConfig("loc1-core").interfaces["loopback0"] == nil)
        // An engineer may paste it again after a crash shows the page twice: still clean, still removed.
        #expect(try fleet.apply(paste: NodeConfig.removal(nodeName: "loc1-core"), to: "loc1-core", actor: "test").isClean)
        #expect(try fleet.runningConfig("loc1-core").interfaces["loopback0"] == nil)
    }
}
