import Testing
@testable import NetBoxSim

/// Cable rules and the `occupied` flag (docs/netbox.md, "NetBox behaviours OrchLab simulates").
@Suite struct CableTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    static func ends(_ a: Int?, _ b: Int?, status: String? = nil) -> [String: JSON] {
        var fields: [String: JSON] = [:]
        if let a { fields["a_terminations"] = [["object_type": "dcim.interface", "object_id": .int(a)]] }
        if let b { fields["b_terminations"] = [["object_type": "dcim.interface", "object_id": .int(b)]] }
        if let status { fields["status"] = .string(status) }
        return fields
    }

    func freeCount() throws -> Int {
        try netbox.interfaces(["device": "loc1-core", "occupied": "False", "speed": "400000000"]).count
    }

    @Test func plannedCableOccupiesMarkConnectedToo() throws {
        let cable = try netbox.createCable(Self.ends(1, 74, status: "planned"))
        #expect(cable.status == .planned)
        #expect(try freeCount() == 35)
        _ = try netbox.updateInterface(id: 2, ["mark_connected": true])
        #expect(try freeCount() == 34)
        try netbox.deleteCable(id: cable.id)
        _ = try netbox.updateInterface(id: 2, ["mark_connected": false])
        #expect(try freeCount() == 36)
        #expect(try netbox.interface(id: 1).cableID == nil)
    }

    @Test func endsKnowTheirCableAndPeer() throws {
        let cable = try netbox.createCable(Self.ends(2, 74))
        #expect(cable.status == .connected)
        let a = try netbox.interface(id: 2), b = try netbox.interface(id: 74)
        #expect(a.cableID == cable.id && a.cableEnd == "A" && a.occupied)
        #expect(b.cableID == cable.id && b.cableEnd == "B")
        #expect(netbox.withReader { $0.linkPeers(of: a).map(\.id) } == [74])
    }

    @Test func cableIdsAreNeverReused() throws {
        let first = try netbox.createCable(Self.ends(1, 74))
        try netbox.deleteCable(id: first.id)
        let next = try netbox.createCable(Self.ends(1, 74))
        #expect(next.id == first.id + 1)
        #expect(throws: NetBoxError.notFound("Cable")) { try netbox.cable(id: first.id) }
    }

    @Test func netBoxCableRules() throws {
        let existing = try netbox.createCable(Self.ends(10, 83))
        #expect(throws: NetBoxError.model("Duplicate termination found for dcim.interface 10: cable \(existing.id)")) {
            try netbox.createCable(Self.ends(10, 84))
        }
        #expect(throws: NetBoxError.model("A and B terminations cannot connect to the same object.")) {
            try netbox.createCable(Self.ends(11, 11))
        }
        #expect(throws: NetBoxError.model("Must define A and B terminations when creating a new cable.")) {
            try netbox.createCable(Self.ends(11, nil))
        }
        #expect(throws: NetBoxError.model("Cables cannot be terminated to Virtual interfaces")) {
            try netbox.createCable(Self.ends(11, 73))
        }
        #expect(throws: NetBoxError.field("status", "bogus is not a valid choice.")) {
            try netbox.createCable(Self.ends(11, 84, status: "bogus"))
        }
        _ = try netbox.updateInterface(id: 2, ["mark_connected": true])
        #expect(throws: NetBoxError.model("Cannot connect a cable to loc1-core > 1/1/c2/1 because it is marked as connected.")) {
            try netbox.createCable(Self.ends(2, 84))
        }
        let missing = try #require(throws: NetBoxError.self) { try netbox.createCable(Self.ends(11, 999_999)) }
        #expect(missing.status == 500)
        #expect(missing.body["exception"] == "DoesNotExist")
        #expect(try netbox.cables().count == 1)
        #expect(try netbox.interface(id: 11).cableID == nil)
    }

    @Test func statusPatchValidates() throws {
        let cable = try netbox.createCable(Self.ends(1, 74, status: "planned"))
        #expect(try netbox.updateCable(id: cable.id, ["status": "connected"]).status == .connected)
        #expect(throws: NetBoxError.field("status", "up is not a valid choice.")) {
            try netbox.updateCable(id: cable.id, ["status": "up"])
        }
        #expect(throws: NetBoxError.field("status", "Value must be passed directly (e.g. \"foo\": 123); do not use a dictionary or list.")) {
            try netbox.updateCable(id: cable.id, ["status": ["value": "planned", "label": "Planned"]])
        }
        #expect(try netbox.cable(id: cable.id).status == .connected)
    }
}
