import Foundation
import Testing
@testable import NetBoxSim

@Suite struct TableTests {
    static func site(_ id: Int) -> Site {
        Site(id: id, name: "s\(id)", slug: "s\(id)", status: .active, description: "", created: Date(timeIntervalSince1970: 0), lastUpdated: Date(timeIntervalSince1970: 0))
    }

    @Test func farIdsGoToOverflowAndSequenceContinues() {
        var table = Table<Site>()
        table.put(Self.site(3))
        table.put(Self.site(40_000_000))
        table.put(Self.site(1))
        #expect(table.count == 3)
        #expect(table.values.map(\.id) == [1, 3, 40_000_000])
        #expect(table.nextID() == 40_000_001)
        table.put(Self.site(40_000_001))
        #expect(table[40_000_001]?.name == "s40000001")
        #expect(table.remove(40_000_000)?.id == 40_000_000)
        #expect(table[40_000_000] == nil && table.count == 3)
        #expect(table.nextID() == 40_000_002)
    }

    @Test func removedIdsAreNotHandedOutAgain() {
        var table = Table<Site>()
        let first = table.nextID()
        table.put(Self.site(first))
        table.remove(first)
        #expect(table.nextID() == first + 1)
        #expect(table.count == 0 && table[first] == nil)
    }

    @Test func seedWithALargeRealInstanceIdLoads() throws {
        let netbox = NetBox()
        var seed = WorkshopLab.seed(routers: 1)
        seed.interfaces[0].id = 2_500_000
        try netbox.load(seed)
        #expect(try netbox.interface(id: 2_500_000).name == "1/1/c1/1")
        #expect(try netbox.interfaces(["device": "loc1-core", "limit": "0"]).results.first?.id == 2_500_000)
    }
}
