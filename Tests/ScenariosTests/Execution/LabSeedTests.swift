import Catalogues
import Testing
@testable import Scenarios

/// Worlds on one lab file start from one lab built once (`TopologyCache.labSeed`): what one
/// scenario changes must never reach another world, before or after it is built.
@Suite struct LabSeedTests {
    typealias F = ExecutionFixture

    @Test func worldsFromOneCachedLabAreIndependent() throws {
        let path = SchemaSyncTests.packageRoot.appendingPathComponent("Topologies/workshop.yaml").path
        let cache = TopologyCache()
        let first = try ScenarioWorld(lab: cache.labSeed(at: path), catalogue: ProbeCatalogue.catalogue(), seed: 1)
        let port = try #require(first.interfaceIDs[InterfaceRef(device: "loc1-core", port: "1/1/c2/1")])
        _ = try first.netbox.updateInterface(id: port, ["description": "changed in the first world"])
        _ = try first.fleet.apply(paste: "interface loopback7\n description only in the first world\n", to: "loc1-core", actor: "test")
        #expect(try first.fleet.runningConfig("loc1-core").render().contains("only in the first world"))

        let second = try ScenarioWorld(lab: cache.labSeed(at: path), catalogue: ProbeCatalogue.catalogue(), seed: 1)
        #expect(try second.netbox.interface(id: port).description == "")
        #expect(try second.fleet.runningConfig("loc1-core").render() == second.initialConfigs["loc1-core"])
        #expect(try NetBoxState(second.netbox).changes(since: second.seedState) == "")
        #expect(try NetBoxState(first.netbox).changes(since: first.seedState).contains("changed in the first world"))

        // The second world's changes do not reach the first either, nor the cached lab.
        _ = try second.netbox.updateInterface(id: port, ["description": "changed in the second world"])
        #expect(try first.netbox.interface(id: port).description == "changed in the first world")
        let third = try ScenarioWorld(lab: cache.labSeed(at: path), catalogue: ProbeCatalogue.catalogue(), seed: 1)
        #expect(try third.netbox.interface(id: port).description == "")
        #expect(third.initialConfigs == first.initialConfigs)
    }
}
