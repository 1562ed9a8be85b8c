import RouterSim
import Testing
@testable import Topology

@Suite struct GeneratorTests {
    private func compiled(_ routers: Int, _ shape: TopologyGenerator.Shape) throws -> CompiledTopology {
        try TopologyGenerator(routers: routers, shape: shape).topology().compiled()
    }

    @Test func ringLinksEachRouterToTheNext() throws {
        let lab = try compiled(4, .ring)
        #expect(lab.fleet.links.map { "\($0.a)-\($0.b)" } == [
            "loc1-core:1/1/c2/1-loc2-core:1/1/c1/1", "loc2-core:1/1/c2/1-loc3-core:1/1/c1/1",
            "loc3-core:1/1/c2/1-loc4-core:1/1/c1/1", "loc4-core:1/1/c2/1-loc1-core:1/1/c1/1",
        ])
        #expect(lab.seed.interfaces.count == 4 * 73)
        #expect(lab.seed.devices.map(\.primaryIPv6) == ["2001:db8::1/128", "2001:db8::2/128", "2001:db8::3/128", "2001:db8::4/128"])
        #expect(lab.warnings.isEmpty)
    }

    @Test func meshOfFiveIsTheWorkshopWiring() throws {
        let generated = try compiled(5, .mesh).fleet.links
        let workshop = try TopologyLoader.load(contentsOf: Fixtures.workshop).fleet.links
        #expect(generated == workshop)
        #expect(try compiled(72, .mesh).fleet.links.count == 72 * 71 / 2)
    }

    @Test func closWiresLeavesToSpinesAndSpinesToSuperSpines() throws {
        let lab = try compiled(100, .clos)
        let roles = Dictionary(grouping: lab.seed.devices, by: \.role).mapValues(\.count)
        // 2 super-spines, then pods of 34 (2 spines + 32 leaves): 34 + 34 + 30.
        #expect(roles == ["super-spine": 2, "spine": 6, "leaf": 92])
        #expect(lab.fleet.links.count == 92 * 2 + 6 * 2)
        let superPorts = lab.fleet.links.filter { $0.b.device == "ss1" }.map(\.b.port)
        #expect(superPorts == ["1/1/c1/1", "1/1/c2/1", "1/1/c3/1", "1/1/c4/1", "1/1/c5/1", "1/1/c6/1"])
    }

    @Test func loopbacksBeyond255RoutersStayInThePool() throws {
        let lab = try compiled(300, .ring)
        #expect(lab.seed.devices[299].primaryIPv4 == "10.0.1.44/32")
        #expect(lab.warnings.isEmpty)
    }

    @Test func sizesBeyondThePortsAreRefused() {
        #expect(throws: TopologyGenerator.Unsupported.self) { try TopologyGenerator(routers: 73, shape: .mesh) }
        #expect(throws: TopologyGenerator.Unsupported.self) { try TopologyGenerator(routers: 0, shape: .ring) }
        #expect(throws: TopologyGenerator.Unsupported.self) { try TopologyGenerator(routers: 1227, shape: .clos) }
    }

    @Test func writtenYAMLReadsBackEqual() throws {
        for shape in TopologyGenerator.Shape.allCases {
            let topology = try TopologyGenerator(routers: 30, shape: shape).topology()
            let log = DiagnosticLog(file: "generated.yaml")
            let reread = TopologyParser(log: log).parse(TopologyWriter.yaml(topology, header: "test"))
            #expect(log.diagnostics.isEmpty)
            #expect(reread == topology)
        }
    }
}
