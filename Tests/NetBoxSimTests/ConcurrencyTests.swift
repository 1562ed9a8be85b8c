import Testing
@testable import NetBoxSim

/// Allocation is serialised: concurrent callers never get the same prefix or address
/// (real NetBox had races here: netbox#2519, #3475).
@Suite struct ConcurrencyTests {
    @Test func concurrentPrefixAllocationsAreDistinct() async throws {
        let netbox = try WorkshopLab.netbox()
        let prefixes = try await withThrowingTaskGroup(of: [String].self) { group in
            for worker in 0..<8 {
                group.addTask {
                    try (0..<50).map { _ in
                        try netbox.allocatePrefix(in: 3, ["prefix_length": 64], actor: "w\(worker)").prefix.description
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(prefixes.count == 400)
        #expect(Set(prefixes).count == 400)
        #expect(try netbox.availablePrefixes(in: 3).first?.prefix.description == "2001:db8:10:190::/60")
    }

    @Test func concurrentIPAllocationsAreDistinctAndFillThePrefix() async throws {
        let netbox = try WorkshopLab.netbox()
        let parent = try netbox.createPrefix(["prefix": "10.50.0.0/24"])
        let results = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<40).map { _ in try? netbox.allocateIP(in: parent.id).address.description } }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        let granted = results.compactMap { $0 }
        #expect(granted.count == 254)
        #expect(Set(granted).count == 254)
        #expect(results.count - granted.count == 320 - 254)
    }

    @Test func concurrentCablesOnOnePortOnlyOneWins() async throws {
        let netbox = try WorkshopLab.netbox()
        let winners = await withTaskGroup(of: Bool.self) { group in
            for peer in 74..<82 {
                group.addTask { (try? netbox.createCable(CableTests.ends(1, peer))) != nil }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
        #expect(try netbox.cables().count == 1)
    }
}
