import Foundation
import SQLite
import Testing
@testable import NetBoxSim

/// SQLite mode: NetBox's own connection, write-through, reopen restores everything.
@Suite struct PersistenceTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("netbox-\(UUID().uuidString).db").path
    }

    @Test func reopenRestoresObjectsSequencesAndChangeLog() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var expectedDevice: Device?
        var expectedChanges: [ObjectChange] = []
        do {
            let netbox = try NetBox(path: path, clock: WorkshopLab.tickingClock())
            try netbox.load(WorkshopLab.seed())
            let slash64 = try netbox.allocatePrefix(in: 3, ["prefix_length": 64], actor: "p/1")
            _ = try netbox.allocateIP(in: slash64.id, ["assigned_object_id": 2, "assigned_object_type": "dcim.interface"], actor: "p/2")
            let cable = try netbox.createCable(CableTests.ends(1, 74), actor: "p/3")
            try netbox.deleteCable(id: cable.id, actor: "p/4")
            expectedDevice = try netbox.updateDevice(id: 1, ["status": "active"], actor: "p/5")
            expectedChanges = netbox.changes()
        }
        let reopened = try NetBox(path: path)
        #expect(try reopened.device(id: 1) == expectedDevice)
        #expect(reopened.changes() == expectedChanges)
        #expect(try reopened.interfaces(["device": "loc1-core", "limit": "0"]).results.first?.name == "1/1/c1/1")
        #expect(try reopened.interface(id: 1).cableID == nil)
        #expect(try reopened.createCable(CableTests.ends(1, 74)).id == 2)
        #expect(try reopened.allocatePrefix(in: 3, ["prefix_length": 64]).prefix.description == "2001:db8:10:1::/64")
        #expect(try reopened.ipAddresses(["interface_id": "2"]).count == 1)
        #expect(reopened.withReader { $0.device(id: 1)?.primaryIPv6ID } == 2)
    }

    @Test func netBoxWriteSurvivesTheCallersRollback() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = try Database(path: path)
        try engine.execute("CREATE TABLE steps (name TEXT)")
        let netbox = try NetBox(path: path)
        try netbox.load(WorkshopLab.seed(routers: 2))
        struct StepFailed: Error {}
        // The step calls NetBox, then fails while the engine records its result.
        _ = try netbox.allocatePrefix(in: 3, ["prefix_length": 64], actor: "p/allocate")
        #expect(throws: StepFailed.self) {
            try engine.transaction {
                try engine.run("INSERT INTO steps VALUES ('allocate')")
                throw StepFailed()
            }
        }
        #expect(try engine.query("SELECT count(*) FROM steps") { $0.int(0) } == [0])
        let seen = try Database(path: path)
        #expect(try seen.query("SELECT count(*) FROM netbox_ipam_prefix") { $0.int(0) } == [6])
        #expect(try seen.query("SELECT actor FROM netbox_changes") { $0.string(0) } == ["p/allocate"])
        #expect(try NetBox(path: path).prefixes(["within": "2001:db8:10::/44"]).count == 1)
    }

    @Test func idsTakenByAFailedCallAreNotReusedAfterReopen() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let netbox = try NetBox(path: path)
            try netbox.load(WorkshopLab.seed(routers: 1))
            #expect(throws: NetBoxError.insufficientResources) {
                try netbox.allocatePrefixes(in: 3, [["prefix_length": 64], ["prefix_length": 40]])
            }
        }
        let reopened = try NetBox(path: path)
        #expect(try reopened.prefixes().count == 5)
        #expect(try reopened.allocatePrefix(in: 3, ["prefix_length": 64]).id == 7)
    }

    @Test func refusedSeedLeavesTheFileUntouched() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let netbox = try NetBox(path: path)
        try netbox.load(WorkshopLab.seed(routers: 1))
        var bad = WorkshopLab.seed(routers: 2)
        bad.sites = []
        #expect(throws: NetBoxSeedError.self) { try netbox.load(bad) }
        #expect(try NetBox(path: path).devices().count == 1)
    }

    @Test func notADatabaseIsRefused() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("not sqlite at all, just text that is long enough to be a header".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SQLiteError.self) { try NetBox(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("not sqlite"))
    }
}

@Suite struct PersistenceFailureTests {
    @Test func failedWriteThroughUndoesTheCallInMemory() throws {
        let path = PersistenceTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let netbox = try NetBox(path: path)
        try netbox.load(WorkshopLab.seed(routers: 1))
        let saboteur = try Database(path: path)
        try saboteur.execute("DROP TABLE netbox_changes")
        let error = try #require(throws: NetBoxError.self) {
            try netbox.allocatePrefix(in: 3, ["prefix_length": 64], actor: "p/x")
        }
        #expect(error.status == 500)
        #expect(try netbox.prefixes().count == 5)
        #expect(netbox.changeCount == 0)
        #expect(try netbox.availablePrefixes(in: 3).map(\.prefix.description) == ["2001:db8:10::/44"])
        #expect(try saboteur.query("SELECT count(*) FROM netbox_ipam_prefix") { $0.int(0) } == [5])
    }
}
