import NetBoxSim
import RouterSim
import Testing
@testable import Topology

/// The shipped workshop lab must reproduce the workshop's NetBox object by object.
@Suite struct WorkshopTopologyTests {
    let compiled: CompiledTopology
    let seed: NetBoxSeed
    let expected: NetBoxSeed

    init() throws {
        compiled = try TopologyLoader.load(contentsOf: Fixtures.workshop)
        seed = compiled.seed.sortedByID()
        expected = try ReferenceExport.load(Fixtures.netBoxExport).seed
    }

    @Test func loadsWithoutWarnings() {
        #expect(compiled.warnings.isEmpty)
    }

    @Test func sitesManufacturersTypesAndRolesMatchTheExport() {
        #expect(seed.sites == expected.sites)
        #expect(seed.manufacturers == expected.manufacturers)
        #expect(seed.deviceTypes == expected.deviceTypes)
        #expect(seed.deviceRoles == expected.deviceRoles)
    }

    @Test func devicesMatchIncludingPrimaryIPs() {
        #expect(seed.devices.count == 5)
        #expect(seed.devices == expected.devices)
    }

    @Test func everyInterfaceKeepsItsIDNameTypeAndSpeed() {
        #expect(seed.interfaces.count == 365)
        for (actual, wanted) in zip(seed.interfaces, expected.interfaces) where actual != wanted {
            Issue.record("interface \(wanted.id ?? 0): \(actual) != \(wanted)")
        }
        #expect(seed.interfaces == expected.interfaces)
        #expect(seed.interfaces.contains { $0.device == "loc2-core" && $0.name == "looback0" && $0.id == 398 })
    }

    @Test func prefixesAndAddressesMatchTheExport() {
        #expect(seed.prefixes == expected.prefixes)
        #expect(seed.prefixes.first { $0.id == 3 }?.prefix == "2001:db8:10::/44")
        #expect(seed.ipAddresses == expected.ipAddresses)
        #expect(seed.cables.isEmpty)
    }

    @Test func fleetIsTheFullMeshOfFiveRouters() {
        let fleet = compiled.fleet
        #expect(fleet.routers.map(\.name) == (1...5).map { "loc\($0)-core" })
        #expect(fleet.routers.allSatisfy { $0.ports.count == 72 && $0.ports.first == "1/1/c1/1" && $0.ports.last == "2/1/c36/1" })
        var links: [LinkSpec] = []
        for i in 1...5 {
            for j in (i + 1)..<6 {
                links.append(LinkSpec(
                    a: PortRef(device: "loc\(i)-core", port: "1/1/c\(j)/1"), b: PortRef(device: "loc\(j)-core", port: "1/1/c\(i)/1")))
            }
        }
        #expect(fleet.links == links)
    }
}
