import Testing
@testable import RouterSim
import IPAddressing

@Suite struct ProblemTests {
    private func kinds(_ fleet: Fleet) -> Set<NetworkProblem.Kind> { Set(fleet.problems().map(\.kind)) }

    @Test func distinctNETsFormEveryAdjacencyWithoutProblems() throws {
        let fleet = try Workshop.configuredFleet()
        #expect(fleet.problems().isEmpty, "\(fleet.problems())")
        #expect(fleet.adjacencies().count == 4)
    }

    @Test func duplicateAddressesAcrossDevices() throws {
        let fleet = try Workshop.configuredFleet()
        _ = try fleet.apply(paste: "interface loopback 5\n ipv6 address 2001:db8::1/128\n", to: "loc3-core", actor: "t")
        let problem = try #require(fleet.problems().first { $0.kind == .duplicateAddress })
        #expect(problem.subjects == ["loc1-core:loopback0", "loc3-core:loopback5"])
        #expect(problem.detail == "2001:db8::1 is configured on loc1-core:loopback0, loc3-core:loopback5")
    }

    @Test func mismatchedSubnetsBreakTheAdjacency() throws {
        let fleet = try Workshop.configuredFleet()
        _ = try fleet.apply(paste: "interface 1/1/c1/1\n no ipv6 address\n ipv6 address 2001:db8:77::1/127\n", to: "loc2-core", actor: "t")
        #expect(kinds(fleet).contains(.subnetMismatch))
        #expect(fleet.adjacencies().count == 3)
        #expect(!fleet.adjacencies().contains { $0.connects("loc1-core", "loc2-core") })
    }

    @Test func oneSidedISISAndPassiveSide() throws {
        let fleet = try Workshop.configuredFleet()
        _ = try fleet.apply(paste: "interface 1/1/c1/1\n no ipv6 router isis\n", to: "loc2-core", actor: "t")
        let problem = try #require(fleet.problems().first { $0.kind == .oneSidedISIS })
        #expect(problem.detail.hasSuffix("(no ipv6 router isis)"))
        _ = try fleet.apply(paste: "interface 1/1/c1/1\n ipv6 router isis\nrouter isis\n passive-interface 1/1/c1/1\n", to: "loc2-core", actor: "t")
        #expect(fleet.problems().first { $0.kind == .oneSidedISIS }?.detail.hasSuffix("(passive)") == true)
        #expect(fleet.adjacencies().count == 3)
    }

    @Test func areaLevelAndNetworkTypeMismatches() throws {
        let fleet = try Workshop.configuredFleet()
        _ = try fleet.apply(paste: "router isis\n no net \(Workshop.net(router: 4))\n net 49.0002.0100.0000.0004.00\n", to: "loc4-core", actor: "t")
        #expect(kinds(fleet).contains(.areaMismatch))
        #expect(fleet.adjacencies().count == 3)
        _ = try fleet.apply(paste: "router isis\n net \(Workshop.net(router: 4))\n is-type level-1\n", to: "loc4-core", actor: "t")
        #expect(kinds(fleet).contains(.levelMismatch))
        _ = try fleet.apply(paste: "router isis\n is-type level-2-only\ninterface 1/1/c1/1\n no isis network point-to-point\n", to: "loc4-core", actor: "t")
        #expect(kinds(fleet) == [.networkTypeMismatch])
        #expect(fleet.adjacencies().count == 3)
    }

    @Test func addressedInterfaceWithLinkDownOrNoCable() throws {
        let fleet = try Workshop.configuredFleet()
        _ = try fleet.apply(paste: "interface 1/1/c3/1\n shutdown\ninterface 1/1/c4/1\n ipv6 address 2001:db8:99::/127\n", to: "loc3-core", actor: "t")
        let down = fleet.problems().filter { $0.kind == .addressedInterfaceDown }.map(\.detail)
        #expect(down.contains("loc3-core:1/1/c3/1 has addresses but its link is down (loc3-core:1/1/c3/1 is shut down)"))
        #expect(down.contains("loc4-core:1/1/c1/1 has addresses but its link is down (loc3-core:1/1/c3/1 is shut down)"))
        #expect(down.contains("loc3-core:1/1/c4/1 has addresses but no cable"))
        #expect(fleet.reachability().isReachable(from: "loc1-core", to: IPv6Address("2001:db8::4")!) == false)
    }

    @Test func isisOnInterfacesWithoutAProcess() throws {
        let fleet = Fleet(spec: Workshop.spec())
        _ = try fleet.apply(paste: "interface 1/1/c2/1\n ipv6 router isis\n", to: "loc1-core", actor: "t")
        #expect(fleet.problems().map(\.kind) == [.isisWithoutNET])
    }
}
