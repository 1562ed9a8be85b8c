import Catalogues
import WorkshopReference
import NetBoxSim
import RouterSim
import Testing
import WorkflowEngine
@testable import Workshop

/// The workshop's full build: five nodes, then the ten circuits of the mesh in the workshop's order.
@Suite struct WorkshopBuildTests {
    static let pairs = WorkshopDriver.meshOrder.map { ($0.a, $0.b) }

    @Test func fullBuildMatchesNetBoxSubscriptionsAndRouters() throws {
        let harness = try WorkshopHarness()
        let (nodes, circuits) = try harness.buildWorkshop()
        #expect(Self.pairs.map { "\($0.0)-\($0.1)" } == ["1-2", "1-3", "2-3", "1-4", "2-4", "3-4", "1-5", "2-5", "3-5", "4-5"])

        for (number, device) in (1...5).map({ ($0, "loc\($0)-core") }) {
            let node = try harness.engine.subscription(NodeModel.self, id: nodes[number - 1])
            #expect(node.description == "Node \(device)")
            #expect(node.status == .active)
            #expect(try harness.netbox.device(id: 6 + number).status == .active)
        }

        for (index, (i, j)) in Self.pairs.enumerated() {
            let circuit = try harness.engine.subscription(CircuitModel.self, id: circuits[index])
            let block = "loc\(i)-core:1/1/c\(j)/1 <--> loc\(j)-core:1/1/c\(i)/1"
            #expect(circuit.status == .active)
            #expect(circuit.circuit.circuit_id == index + 1, "cable ids follow the build order")
            #expect(circuit.circuit.circuit_description == block)
            #expect(circuit.description == "Circuit ID \(index + 1): \(block)")
            #expect(circuit.circuit.circuit_status == "connected")
            #expect(circuit.circuit.under_maintenance == true)
            #expect(circuit.fixedInputs["speed"] == "100G")
            let members = circuit.circuit.members
            let network = index == 0 ? "2001:db8:10::" : "2001:db8:10:\(String(index, radix: 16))::"
            #expect(members.map(\.v6_ip_address) == ["\(network)/127", "\(network)1/127"])
            #expect(members.map(\.port.port_description) == ["Circuit Connection to loc\(j)-core port 1/1/c\(i)/1",
                                                             "Circuit Connection to loc\(i)-core port 1/1/c\(j)/1"])
            #expect(members.map { $0.port.node?.node_name } == ["loc\(i)-core", "loc\(j)-core"])
            let cable = try harness.netbox.cable(id: index + 1)
            #expect(cable.status == .connected)
            #expect(Set(cable.aTerminations + cable.bTerminations) == Set(members.compactMap(\.port.port_id)))
        }

        let first = try harness.engine.subscription(CircuitModel.self, id: circuits[0]).circuit.members
        #expect(first.map(\.v6_ip_address) == ["2001:db8:10::/127", "2001:db8:10::1/127"])
        #expect(first.map(\.port.port_id) == [38, 109])

        // NetBox holds exactly one /64, one /127 and two addresses per circuit, described as the workshop does.
        let parents = try harness.netbox.prefixes(["within": "2001:db8:10::/44", "mask_length": "64"]).results
        #expect(parents.map(\.description) == Self.pairs.map { "loc\($0.0)-core:1/1/c\($0.1)/1 <--> loc\($0.1)-core:1/1/c\($0.0)/1 Parent /64" })
        #expect(parents.allSatisfy { $0.isPool })
        let p2p = try harness.netbox.prefixes(["within": "2001:db8:10::/44", "mask_length": "127"]).results
        #expect(p2p.count == 10 && p2p.allSatisfy { $0.description.hasSuffix(" Point-to-Point") })
        let addresses = try harness.netbox.ipAddresses(["parent": "2001:db8:10::/44"]).results
        #expect(addresses.count == 20)
        let firstA = try #require(addresses.first { $0.address.description == "2001:db8:10::/127" })
        #expect(firstA.assignedInterfaceID == 38)
        #expect(firstA.description == "Circuit Connection to loc2-core port 1/1/c1/1")
        #expect(firstA.status == .active)
        #expect(try harness.netbox.cables().count == 10)

        // Routers: an adjacency on every circuit, every loopback reachable from everywhere.
        let adjacencies = harness.fleet.adjacencies()
        #expect(adjacencies.count == 10)
        for (i, j) in Self.pairs {
            #expect(adjacencies.contains { $0.connects("loc\(i)-core", "loc\(j)-core") }, "loc\(i)–loc\(j)")
        }
        let reachability = harness.fleet.reachability()
        #expect(reachability.loopbacks.count == 5)
        #expect(reachability.isFullyReachable, "\(reachability.unreachablePairs)")
        #expect(try harness.fleet.runningConfig("loc1-core").render().withoutEmptyInterfaces == Self.loc1RunningConfig)
    }

    @Test func twoBuildsWithTheSameSeedsRecordTheSameBytes() throws {
        func record() throws -> (processes: [String], netbox: NetBoxSnapshot, configs: [String]) {
            let harness = try WorkshopHarness(seed: 42)
            _ = try harness.buildWorkshop()
            let processes = try harness.engine.processes().map { try harness.engine.process($0.processID).jsonString() }
            let configs = try harness.fleet.deviceNames.map { try harness.fleet.runningConfig($0).render() }
            return (processes, try NetBoxSnapshot(harness.netbox), configs)
        }
        let (first, second) = (try record(), try record())
        #expect(first.processes.count == 15)
        #expect(first.processes == second.processes)
        #expect(first.netbox == second.netbox)
        #expect(first.configs == second.configs)
    }

    /// loc1-core after the build: loopback from create_node, four circuits under maintenance
    /// with their metric on the interface (the reference set).
    static let loc1RunningConfig = """
        !
        hostname loc1-core
        !
        interface loopback0
         ip address 10.0.0.1 255.255.255.255
         ipv6 address 2001:db8::1/128
        !
        interface 1/1/c2/1
         description Circuit Connection to loc2-core port 1/1/c1/1
         ipv6 address 2001:db8:10::/127
         ipv6 router isis
         isis network point-to-point
         isis ipv6 metric 15000000 level-2
        !
        interface 1/1/c3/1
         description Circuit Connection to loc3-core port 1/1/c1/1
         ipv6 address 2001:db8:10:1::/127
         ipv6 router isis
         isis network point-to-point
         isis ipv6 metric 15000000 level-2
        !
        interface 1/1/c4/1
         description Circuit Connection to loc4-core port 1/1/c1/1
         ipv6 address 2001:db8:10:3::/127
         ipv6 router isis
         isis network point-to-point
         isis ipv6 metric 15000000 level-2
        !
        interface 1/1/c5/1
         description Circuit Connection to loc5-core port 1/1/c1/1
         ipv6 address 2001:db8:10:6::/127
         ipv6 router isis
         isis network point-to-point
         isis ipv6 metric 15000000 level-2
        !
        router isis
         net 49.0001.0123.4567.890a.0001.00
         is-type level-2-only
         metric-style wide
         passive-interface default
         no passive-interface 1/1/c2/1
         no passive-interface 1/1/c3/1
         no passive-interface 1/1/c4/1
         no passive-interface 1/1/c5/1
         !
         address-family ipv6 unicast
          redistribute connected
         exit-address-family
        !
        end

        """
}

extension String {
    /// A rendered running config without the stanzas of unconfigured ports (`interface X` then `!`).
    var withoutEmptyInterfaces: String {
        var lines: [Substring] = []
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "!", let last = lines.last, last.hasPrefix("interface ") { lines.removeLast(); continue }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
