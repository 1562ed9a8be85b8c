import Testing
@testable import NetBoxSim

/// List offsets are bounded (huge ones used to overflow offset + limit), and a batch of calls
/// is all or nothing, with one change-log entry per changed object when it succeeds.
@Suite struct BatchAndPaginationBoundTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    @Test func offsetsAboveTheBoundAreAFieldErrorOnEveryList() throws {
        let most = NetBoxLimits.maxOffset
        let page = try netbox.interfaces(["offset": String(most), "limit": String(Int.max)])
        #expect(page.results.isEmpty && page.offset == most && page.limit == NetBoxLimits.maxPageSize && !page.hasNext)
        let refusal = NetBoxError.field("offset", "Ensure this value is less than or equal to \(most).")
        for offset in [String(most + 1), String(Int.max), "9999999999999999999999999"] {
            #expect(throws: refusal) { try netbox.devices(["offset": offset]) }
            #expect(throws: refusal) { try netbox.interfaces(["offset": offset]) }
            #expect(throws: refusal) { try netbox.prefixes(["offset": offset]) }
            #expect(throws: refusal) { try netbox.ipAddresses(["offset": offset]) }
            #expect(throws: refusal) { try netbox.cables(["offset": offset]) }
            #expect(throws: refusal) { try netbox.sites(["offset": offset]) }
        }
        // NetBox ignores negative and non-numeric values; over-long limits clamp like huge ones.
        #expect(try netbox.devices(["offset": "-1", "limit": "abc"]).results.count == 5)
        let clamped = try netbox.interfaces(["limit": "99999999999999999999"])
        #expect(clamped.limit == NetBoxLimits.maxPageSize && clamped.results.count == clamped.count)
    }

    @Test func aBatchThatThrowsUndoesEveryCallInIt() throws {
        let changes = netbox.changeCount
        #expect(throws: NetBoxError.self) {
            try netbox.batch(actor: "bulk") { () throws(NetBoxError) in
                _ = try netbox.updateDevice(id: 1, ["description": "first"], actor: "bulk")
                _ = try netbox.updateDevice(id: 2, ["status": "melted"], actor: "bulk")
            }
        }
        #expect(try netbox.device(id: 1).description == "")
        #expect(netbox.changeCount == changes)

        try netbox.batch(actor: "bulk") { () throws(NetBoxError) in
            _ = try netbox.updateDevice(id: 1, ["description": "first"], actor: "bulk")
            _ = try netbox.updateDevice(id: 2, ["description": "second"], actor: "bulk")
        }
        #expect(try netbox.device(id: 2).description == "second")
        let logged = netbox.changes().suffix(2)
        #expect(logged.map(\.objectID) == [1, 2])
        #expect(Set(logged.map(\.time)).count == 1)
        #expect(logged.allSatisfy { $0.actor == "bulk" })
    }
}
