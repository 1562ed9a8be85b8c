import Testing
@testable import NetBoxSim

@Suite struct ChangeLogTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    @Test func seedLoadIsNotAChange() {
        #expect(netbox.changeCount == 0)
    }

    @Test func updateRecordsBeforeAfterAndActor() throws {
        _ = try netbox.updateDevice(id: 1, ["status": "active"], actor: "p-1/activate")
        let entries = netbox.changes(ChangeLogQuery(objectType: .device, objectID: 1))
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.action == .update && entry.actor == "p-1/activate")
        #expect(entry.before?["status"] == "planned")
        #expect(entry.after?["status"] == "active")
        #expect(entry.after?["name"] == "loc1-core")
    }

    @Test func cableCreateLogsCableAndBothEnds() throws {
        let cable = try netbox.createCable(CableTests.ends(1, 74), actor: "p-2/create-cable")
        let entries = netbox.changes(ChangeLogQuery(actor: "p-2/create-cable"))
        #expect(entries.map(\.objectType) == [.cable, .interface, .interface])
        #expect(entries.map(\.action) == [.create, .update, .update])
        #expect(entries[0].before == nil && entries[0].after?["id"] == .int(cable.id))
        #expect(entries[1].before?["cable"] == .null && entries[1].after?["cable"] == .int(cable.id))
        try netbox.deleteCable(id: cable.id, actor: "p-3/cleanup")
        let deletion = netbox.changes(ChangeLogQuery(objectType: .cable, action: .delete))
        #expect(deletion.count == 1 && deletion[0].after == nil && deletion[0].actor == "p-3/cleanup")
    }

    @Test func failedCallsLogNothing() throws {
        #expect(throws: NetBoxError.self) { try netbox.updateDevice(id: 1, ["status": "bogus"], actor: "p") }
        #expect(throws: NetBoxError.self) { try netbox.createCable(CableTests.ends(1, 1), actor: "p") }
        #expect(netbox.changeCount == 0)
    }

    @Test func entriesAreNumberedInOrderWithClockTimes() throws {
        let slash64 = try netbox.allocatePrefix(in: 3, ["prefix_length": 64], actor: "a")
        let ip = try netbox.allocateIP(in: slash64.id, [:], actor: "b")
        let all = netbox.changes()
        #expect(all.map(\.id) == [1, 2])
        #expect(all.map(\.objectID) == [slash64.id, ip.id])
        #expect(all[0].time < all[1].time)
        #expect(netbox.changes(ChangeLogQuery(actor: "b")).map(\.objectType) == [.ipAddress])
    }

    @Test func noOpPatchIsNotAChange() throws {
        _ = try netbox.updateDevice(id: 1, ["status": "planned"])
        #expect(netbox.changeCount == 0)
    }
}

@Suite struct PatchTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    @Test func prefixAndIPPatchesAreLogged() throws {
        let prefix = try netbox.updatePrefix(id: 3, ["description": "circuits", "is_pool": true], actor: "ops")
        #expect(prefix.isPool && prefix.description == "circuits")
        let ip = try netbox.updateIPAddress(id: 1, ["status": "reserved", "assigned_object_id": .null], actor: "ops")
        #expect(ip.status == .reserved && ip.assignedInterfaceID == nil)
        #expect(netbox.withReader { $0.ipAddressCount(ofInterface: 73) } == 1)
        let entries = netbox.changes(ChangeLogQuery(actor: "ops"))
        #expect(entries.map(\.objectType) == [.prefix, .ipAddress])
        #expect(entries[1].before?["assigned_object_id"] == 73 && entries[1].after?["assigned_object_id"] == .null)
    }

    @Test func invalidPatchChangesNothing() throws {
        #expect(throws: NetBoxError.field("is_pool", "Must be a valid boolean.")) {
            try netbox.updatePrefix(id: 3, ["description": "x", "is_pool": "maybe"])
        }
        #expect(try netbox.prefix(id: 3).description == "Circuit Address Pool")
        #expect(throws: NetBoxError.fields(["mark_connected": ["Cannot mark as connected with a cable attached."]])) {
            _ = try netbox.createCable(CableTests.ends(1, 74))
            return try netbox.updateInterface(id: 1, ["mark_connected": true])
        }
        #expect(try netbox.interface(id: 1).markConnected == false)
    }
}
