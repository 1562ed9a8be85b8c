import NetBoxSim
import RouterSim
import Testing
@testable import Topology

@Suite struct NetBoxExportImporterTests {
    @Test func importingTheExportGivesTheWorkshopSeed() throws {
        let (topology, format) = try TopologyLoader.read(contentsOf: Fixtures.netBoxExport)
        #expect(format == .netboxExport)
        let imported = try topology.compiled(file: "export.json")
        let expected = try ReferenceExport.load(Fixtures.netBoxExport).seed
        #expect(imported.seed.sortedByID() == expected)
        let workshop = try TopologyLoader.load(contentsOf: Fixtures.workshop)
        #expect(imported.seed.sortedByID() == workshop.seed.sortedByID())
    }

    @Test func interfaceRunsAreFoldedIntoRanges() throws {
        let (topology, _) = try TopologyLoader.read(contentsOf: Fixtures.netBoxExport)
        let loc2 = try #require(topology.devices.first { $0.name == "loc2-core" })
        #expect(loc2.interfaces.map(\.name) == ["1/1/c{1..36}/1", "2/1/c{1..36}/1", "looback0"])
        #expect(loc2.interfaces.map(\.id) == [109, 145, 398])
        #expect(loc2.primaryIPv4 == "10.0.0.2/32")
    }

    @Test func unmodelledSectionsAreWarnings() throws {
        let compiled = try TopologyLoader.load(contentsOf: Fixtures.netBoxExport)
        #expect(compiled.warnings.map(\.path) == ["circuits.circuittype", "circuits.provider", "dcim.moduletype", "dcim.module"])
        #expect(compiled.warnings.allSatisfy { $0.severity == .warning && $0.line > 0 })
    }

    @Test func danglingForeignKeysAreErrorsWithALine() {
        let export = """
            {"dcim.site": [{"id": 1, "name": "A", "slug": "a"}],
             "dcim.device": [{"id": 7, "name": "r1", "site": 9, "device_type": 1, "role": 1, "status": "active"}],
             "dcim.interface": [{"id": 1, "device": 8, "name": "e1", "type": "other"}]}
            """
        let found = Fixtures.diagnostics(export).filter { $0.severity == .error }
        #expect(found.contains { $0.path == "dcim.device[0].site" && $0.message == "refers to site id 9, which is not in the export" && $0.line == 2 })
        #expect(found.contains { $0.path == "dcim.interface[0].device" && $0.line == 3 })
    }

    @Test func apiShapedChoicesAndCablesImport() throws {
        let export = """
            {"dcim.site": [{"id": 1, "name": "A", "slug": "a", "status": {"value": "planned", "label": "Planned"}}],
             "dcim.manufacturer": [{"id": 1, "name": "M", "slug": "m"}],
             "dcim.devicetype": [{"id": 1, "manufacturer": {"id": 1}, "model": "T", "slug": "t"}],
             "dcim.devicerole": [{"id": 1, "name": "R", "slug": "r"}],
             "dcim.device": [{"id": 1, "name": "d1", "site": 1, "device_type": 1, "role": 1},
                             {"id": 2, "name": "d2", "site": 1, "device_type": 1, "role": 1}],
             "dcim.interface": [{"id": 5, "device": 1, "name": "e1", "type": "other"}, {"id": 6, "device": 2, "name": "e1", "type": "other"}],
             "dcim.cable": [{"id": 3, "status": "planned", "a_terminations": [{"object_type": "dcim.interface", "object_id": 5}],
                             "b_terminations": [{"object_type": "dcim.interface", "object_id": 6}]}]}
            """
        let seed = try TopologyLoader.load(yaml: export).seed
        #expect(seed.sites.first?.status == "planned")
        #expect(seed.cables == [NetBoxSeed.Cable(id: 3, a: .init(device: "d1", interface: "e1"), b: .init(device: "d2", interface: "e1"), status: "planned")])
    }
}

@Suite struct ContainerlabImporterTests {
    @Test func theExampleImportsWithKindsGroupsAndLinkInterfaces() throws {
        let (topology, format) = try TopologyLoader.read(contentsOf: Fixtures.clabExample)
        #expect(format == .containerlab)
        let compiled = try topology.compiled()
        let devices = Dictionary(uniqueKeysWithValues: compiled.seed.devices.map { ($0.name, $0) })
        #expect(devices.count == 5)
        #expect(devices["spine1"]?.deviceType == "nokia_srlinux" && devices["spine1"]?.role == "spine")
        #expect(devices["leaf3"]?.deviceType == "nokia_sros" && devices["leaf3"]?.role == "leaf")
        #expect(devices["leaf1"]?.site == "two-pods")
        let ports = Dictionary(uniqueKeysWithValues: compiled.fleet.routers.map { ($0.name, $0.ports) })
        #expect(ports["spine1"] == ["e1-1", "e1-2", "e1-3"])
        #expect(ports["leaf3"] == ["1/1/c1/1", "1/1/c2/1"])
        #expect(compiled.fleet.links.count == 6)
        #expect(compiled.fleet.links[4] == LinkSpec(a: PortRef(device: "leaf3", port: "1/1/c1/1"), b: PortRef(device: "spine1", port: "e1-3")))
        #expect(compiled.seed.manufacturers.map(\.slug) == ["nokia"])
    }

    @Test func importedYAMLReadsBackToTheSameTopology() throws {
        let (topology, _) = try TopologyLoader.read(contentsOf: Fixtures.clabExample)
        let text = TopologyWriter.yaml(topology)
        let reloaded = try TopologyLoader.load(yaml: text)
        #expect(reloaded == (try topology.compiled()))
    }

    @Test func kindFromDefaultsAndUnknownNodesAreChecked() {
        let clab = """
            name: t
            topology:
              groups: {g: {kind: linux}}
              nodes:
                a: {group: g}
                b: {}
                c: {group: h, kind: linux}
              links:
                - endpoints: ["a:eth1", "x:eth1"]
                - endpoints: ["a:eth2"]
            """
        let found = Fixtures.diagnostics(clab).filter { $0.severity == .error }
        #expect(found.map(\.message) == [
            "node 'b' has no kind", "unknown group 'h'", "link to unknown device 'x'", "1 endpoints",
        ])
        #expect(found.map(\.line) == [6, 7, 9, 10])
    }
}
