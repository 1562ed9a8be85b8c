import NetBoxSim
import Testing
@testable import Scenarios

/// The snapshot's `netbox changes` section: a regression that only touches NetBox is caught,
/// interfaces included.
@Suite struct NetBoxSnapshotTests {
    typealias F = ExecutionFixture

    @Test func anInterfaceChangeShowsInTheSnapshot() throws {
        let played = try F.play(F.twoNodes)
        let world = try #require(played.world)
        #expect(try NetBoxState(world.netbox).changes(since: world.seedState).contains("interface") == false)

        let port = try #require(world.interfaceIDs[InterfaceRef(device: "loc1-core", port: "1/1/c2/1")])
        _ = try world.netbox.updateInterface(id: port, ["description": "to the lab", "mark_connected": true])
        let changes = try NetBoxState(world.netbox).changes(since: world.seedState)
        #expect(changes.contains("### changed interface loc1-core 1/1/c2/1\ndescription = to the lab\nmark_connected = true"))

        let before = try SnapshotWriter(world: world).netboxChanges()
        #expect(before.contains("mark_connected = true"))
        #expect(before.contains("### changed device loc1-core\nstatus = active"))
    }

    @Test func nothingChangedMeansAnEmptySection() throws {
        let played = try F.play("""
          - assert: the lab is as loaded
            device: loc1-core
            status: planned
        """)
        let world = try #require(played.world)
        #expect(try SnapshotWriter(world: world).netboxChanges() == "")
    }

    /// Reusing an earlier state's lines for unchanged objects must give exactly the state a full
    /// read gives, whatever was changed, created or deleted in between.
    @Test func aStateReusingTheSeedEqualsAFullRead() throws {
        let played = try F.play(F.twoNodes + F.circuit("    expect: completed"))
        let world = try #require(played.world)
        let port = try #require(world.interfaceIDs[InterfaceRef(device: "loc1-core", port: "1/1/c2/1")])
        _ = try world.netbox.updateInterface(id: port, ["description": "changed after the seed"])
        _ = try world.netbox.createSite(["name": "Added", "slug": "added"])
        let cable = try #require(try world.netbox.cables(["limit": "0"]).results.first)
        try world.netbox.deleteCable(id: cable.id)
        let reused = try NetBoxState(world.netbox, reusing: world.seedState)
        let full = try NetBoxState(world.netbox)
        #expect(reused == full)
        #expect(reused.changes(since: world.seedState) == full.changes(since: world.seedState))
        #expect(reused.changes(since: world.seedState).contains("description = changed after the seed"))
        #expect(reused.changes(since: world.seedState).contains("### new site added"))
        #expect(!reused.changes(since: world.seedState).contains("cable"), "the circuit's cable, deleted again, is no change")
        #expect(reused != world.seedState)
    }
}
