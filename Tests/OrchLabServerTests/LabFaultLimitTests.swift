import Testing
@testable import OrchLabServer
import RouterSim
import SQLite

@Suite struct LabFaultLimitTests {
    @Test func atMostTheLimitOfFaultsIsActiveAtOnce() async throws {
        let world = try LiveServer.makeWorld()
        let fault = LabFault.Kind.device("loc1-core", DeviceFaults(delay: .milliseconds(1)))
        for _ in 0..<ServerLimits.maxActiveFaults { _ = try world.labControl.add(fault, actor: "test") }
        #expect(try world.labControl.faults().count == ServerLimits.maxActiveFaults)
        try await LiveServer.with(world) { server in
            let refused = try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc2-core\", \"unreachable\": true}")
            #expect(refused.status == 400)
            #expect(refused.json["detail"] == "at most 100 faults may be active at once; DELETE /lab/faults/{id} some first")
            let first = try #require(try world.labControl.faults().first?.id)
            #expect(try await server.call("DELETE", "/lab/faults/\(first)").status == 204)
            #expect(try await server.call("POST", "/lab/faults", body: "{\"device\": \"loc2-core\", \"unreachable\": true}").status == 201)
        }
    }
}

/// The lab journal a restart replays is bounded in entries and bytes: past either, changes are
/// refused before anything is applied, and a reopened lab keeps counting from what is stored.
@Suite struct LabJournalLimitTests {
    @Test func theJournalRefusesChangesPastItsLimitsAndKeepsCountingAcrossARestart() throws {
        let database = try Database(path: ":memory:")
        let fleet = try LiveServer.makeWorld().lab.fleet
        let paste = "interface loopback 7\n description journal test\n"
        var lab = try LabControl(fleet: fleet, database: database, journalLimits: (entries: 3, bytes: 1 << 20))
        for _ in 0..<3 { _ = try lab.paste(paste, to: "loc1-core", actor: "test") }
        let full = #expect(throws: LabJournalFull.self) { try lab.paste(paste, to: "loc1-core", actor: "test") }
        #expect(full?.description.hasPrefix("the lab journal holds 3 changes") == true)
        #expect(throws: LabJournalFull.self) {
            try lab.add(.device("loc2-core", DeviceFaults(delay: .milliseconds(1))), actor: "test")
        }
        #expect(try lab.faults().isEmpty, "a refused fault is not half-added")

        lab = try LabControl(fleet: fleet, database: database, journalLimits: (entries: 3, bytes: 1 << 20))
        #expect(throws: LabJournalFull.self) { try lab.paste(paste, to: "loc1-core", actor: "test") }
        let roomy = try LabControl(fleet: fleet, database: database, journalLimits: (entries: 10, bytes: 120))
        #expect(throws: LabJournalFull.self, "bytes bound: 3 stored pastes plus this one exceed 120 bytes") {
            try roomy.paste(paste, to: "loc1-core", actor: "test")
        }
    }
}
