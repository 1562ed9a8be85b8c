import Foundation
import SQLite
import Testing
@testable import NetBoxSim

/// The change log keeps its newest entries within `ChangeLogLimits`, in memory and on disk.
@Suite struct ChangeLogLimitTests {
    private func toggle(_ netbox: NetBox, times: Int, description: (Int) -> String = { "round \($0)" }) throws {
        for round in 0..<times { _ = try netbox.updateDevice(id: 1, ["description": .string(description(round))], actor: "r\(round)") }
    }

    @Test func keepsTheNewestEntriesAndCountsOn() throws {
        let netbox = try WorkshopLab.netbox()
        try toggle(netbox, times: ChangeLogLimits.entries)
        #expect(netbox.changes().count == ChangeLogLimits.entries)
        #expect(netbox.changes().first?.id == 1)
        try toggle(netbox, times: 5)
        let kept = netbox.changes()
        #expect(kept.count == ChangeLogLimits.entries)
        #expect(kept.first?.id == 6 && kept.last?.id == ChangeLogLimits.entries + 5)
        // The count keeps growing: it is the version readers cache against.
        #expect(netbox.changeCount == ChangeLogLimits.entries + 5)
        #expect(netbox.changes(ChangeLogQuery(actor: "r0")).map(\.id) == [ChangeLogLimits.entries + 1])
    }

    @Test func bigEntriesAreDroppedByBytes() throws {
        // Text fields are at most 200 characters through the API now, so ~2 MB entries are built
        // directly (an actor's name is not bounded by a field length).
        var log = ChangeLog()
        let big = String(repeating: "a", count: 2_000_000)
        for id in 1...40 {
            log.append(contentsOf: [ObjectChange(id: id, time: Date(timeIntervalSinceReferenceDate: 0), actor: "\(id)" + big,
                                                 action: .update, objectType: .device, objectID: 1, beforeSnapshot: nil, afterSnapshot: nil)])
        }
        let kept = log.entries
        // At most 8 entries of ~2 MB fit in 16 MiB.
        #expect(kept.count == 8)
        #expect(kept.map(\.id) == Array(33...40))
        #expect(kept.reduce(0) { $0 + $1.estimatedBytes } <= ChangeLogLimits.bytes)
        #expect(log.lastID == 40)
    }

    @Test func anEntryOverTheByteBudgetIsKeptAlone() {
        var log = ChangeLog()
        let huge = ObjectChange(id: 1, time: Date(timeIntervalSinceReferenceDate: 0), actor: String(repeating: "a", count: ChangeLogLimits.bytes),
                                action: .create, objectType: .site, objectID: 1, beforeSnapshot: nil, afterSnapshot: nil)
        log.append(contentsOf: [huge])
        #expect(log.count == 1 && log.lastID == 1)
    }

    @Test func theFileKeepsAndRestoresTheSameTail() throws {
        let path = PersistenceTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var expected: [ObjectChange] = []
        do {
            let netbox = try NetBox(path: path, clock: WorkshopLab.tickingClock())
            try netbox.load(WorkshopLab.seed())
            try toggle(netbox, times: ChangeLogLimits.entries + 7)
            expected = netbox.changes()
        }
        let database = try Database(path: path)
        #expect(try database.query("SELECT COUNT(*), MIN(id) FROM netbox_changes") { [$0.int(0), $0.int(1)] } == [[ChangeLogLimits.entries, 8]])
        let reopened = try NetBox(path: path)
        #expect(reopened.changes() == expected)
        #expect(reopened.changeCount == ChangeLogLimits.entries + 7)
        _ = try reopened.updateDevice(id: 1, ["description": "after reopen"], actor: "again")
        #expect(reopened.changes().last?.id == ChangeLogLimits.entries + 8)
        #expect(reopened.changes().first?.id == 9)
    }
}
