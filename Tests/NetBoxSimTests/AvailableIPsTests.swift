import Testing
@testable import NetBoxSim

/// Every available-ips example recorded from NetBox 4.7 (docs/netbox.md, "NetBox behaviours OrchLab simulates").
@Suite struct AvailableIPsTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    func prefix(_ text: String, pool: Bool = false) throws -> Prefix {
        try netbox.createPrefix(["prefix": .string(text), "is_pool": .bool(pool)])
    }

    func take(_ prefixID: Int, _ count: Int) throws -> [String] {
        try (0..<count).map { _ in try netbox.allocateIP(in: prefixID).address.description }
    }

    @Test func slash127GivesBothAddressesThen409() throws {
        for pool in [false, true] {
            let p = try prefix(pool ? "2001:db8:10::2/127" : "2001:db8:10::/127", pool: pool)
            let base = pool ? "2001:db8:10::2" : "2001:db8:10::"
            #expect(try take(p.id, 2) == ["\(base)/127", pool ? "2001:db8:10::3/127" : "2001:db8:10::1/127"])
            #expect(throws: NetBoxError.insufficientResources) { try netbox.allocateIP(in: p.id) }
            #expect(try netbox.availableIPs(in: p.id).isEmpty)
        }
    }

    @Test func ipv4Slash31AndSlash30() throws {
        let p31 = try prefix("10.0.1.0/31")
        #expect(try take(p31.id, 2) == ["10.0.1.0/31", "10.0.1.1/31"])
        #expect(throws: NetBoxError.insufficientResources) { try netbox.allocateIP(in: p31.id) }
        let p30 = try prefix("10.0.1.4/30")
        #expect(try take(p30.id, 2) == ["10.0.1.5/30", "10.0.1.6/30"])
        #expect(throws: NetBoxError.insufficientResources) { try netbox.allocateIP(in: p30.id) }
        let pool30 = try prefix("10.0.1.8/30", pool: true)
        #expect(try take(pool30.id, 4) == ["10.0.1.8/30", "10.0.1.9/30", "10.0.1.10/30", "10.0.1.11/30"])
        #expect(throws: NetBoxError.insufficientResources) { try netbox.allocateIP(in: pool30.id) }
    }

    @Test func ipv6Slash64PoolAndNonPool() throws {
        let plain = try prefix("2001:db8:10:5::/64")
        #expect(try take(plain.id, 2) == ["2001:db8:10:5::1/64", "2001:db8:10:5::2/64"])
        let pool = try prefix("2001:db8:10:1::/64", pool: true)
        #expect(try take(pool.id, 1) == ["2001:db8:10:1::/64"])
    }

    @Test func managementPoolSkipsLoopbacksAndUsesParentLength() throws {
        #expect(try take(5, 2) == ["10.0.0.0/24", "10.0.0.6/24"])
        #expect(try take(4, 1) == ["10.0.0.7/8"])
    }

    @Test func listingIsLowestFirstWithLimit() throws {
        let listed = try netbox.availableIPs(in: 5, limit: 3)
        #expect(listed.map(\.address.description) == ["10.0.0.0/24", "10.0.0.6/24", "10.0.0.7/24"])
        #expect(listed.first?.family == 4)
        #expect(try netbox.availableIPs(in: 5).count == 50)
    }

    @Test func deletedAddressComesBackFirst() throws {
        let p = try prefix("2001:db8:10::/127")
        let first = try netbox.allocateIP(in: p.id)
        _ = try netbox.allocateIP(in: p.id)
        try netbox.deleteIPAddress(id: first.id)
        #expect(try netbox.allocateIP(in: p.id).address.description == "2001:db8:10::/127")
    }

    @Test func anyIPInRangeBlocksWhateverMaskOrStatus() throws {
        let p = try prefix("10.20.0.0/29")
        _ = try netbox.createIPAddress(["address": "10.20.0.1/32", "status": "reserved"])
        _ = try netbox.createIPAddress(["address": "10.20.0.2/16"])
        _ = try netbox.createPrefix(["prefix": "10.20.0.0/30"])
        #expect(try take(p.id, 1) == ["10.20.0.3/29"])
    }

    @Test func assignmentAndFieldsAreKept() throws {
        let p = try prefix("2001:db8:10::/127")
        let iface = WorkshopLab.interfaceID(device: 1, port: 2)
        let ip = try netbox.allocateIP(in: p.id, [
            "description": "Circuit Connection to loc2-core port 1/1/c1/1",
            "assigned_object_id": .int(iface), "assigned_object_type": "dcim.interface", "status": "active",
        ])
        #expect(ip.assignedInterfaceID == iface && ip.status == .active)
        #expect(netbox.withReader { $0.ipAddressCount(ofInterface: iface) } == 1)
    }

    @Test func badRequestsCreateNothing() throws {
        let p = try prefix("2001:db8:10::/127")
        #expect(throws: NetBoxError.field("assigned_object_id", "Related object not found using the provided value: 999999.")) {
            try netbox.allocateIP(in: p.id, ["assigned_object_id": 999999, "assigned_object_type": "dcim.interface"])
        }
        #expect(throws: NetBoxError.field("status", "bogus is not a valid choice.")) {
            try netbox.allocateIP(in: p.id, ["status": "bogus"])
        }
        #expect(throws: NetBoxError.notFound("Prefix")) { try netbox.allocateIP(in: 99999) }
        #expect(try take(p.id, 1) == ["2001:db8:10::/127"])
    }

    @Test func listAllocationIsAllOrNothing() throws {
        let p = try prefix("2001:db8:10::/127")
        #expect(throws: NetBoxError.insufficientResources) { try netbox.allocateIPs(in: p.id, [[:], [:], [:]]) }
        #expect(try netbox.allocateIPs(in: p.id, [[:], [:]]).map(\.address.description) == ["2001:db8:10::/127", "2001:db8:10::1/127"])
    }

    @Test func plainCreateRejectsDuplicateHostWithAnyMask() throws {
        #expect(throws: NetBoxError.field("address", "Duplicate IP address found in global table: 10.0.0.1/32")) {
            try netbox.createIPAddress(["address": "10.0.0.1/24"])
        }
        #expect(try netbox.createIPAddress(["address": "10.9.0.1"]).address.description == "10.9.0.1/32")
    }
}

@Suite struct HostIndexTests {
    @Test func skipsRunsAndGapsInOrder() {
        var index = HostIndex()
        for host in [10, 11, 12, 13, 15, 16, 20] as [UInt128] { index.insert(host) }
        #expect(index.freeHosts(in: 10...21, limit: 10) == [14, 17, 18, 19, 21])
        #expect(index.freeHosts(in: 10...13, limit: 10) == [])
        #expect(index.freeHosts(in: 12...16, limit: 1) == [14])
        #expect(index.freeHosts(in: 0...3, limit: 2) == [0, 1])
        index.remove(11)
        #expect(index.freeHosts(in: 10...21, limit: 2) == [11, 14])
        #expect(index.contains(12) && !index.contains(11))
    }

    @Test func fullUpToTheTopOfTheAddressSpace() {
        var index = HostIndex()
        index.insert(UInt128.max - 1)
        index.insert(UInt128.max)
        #expect(index.freeHosts(in: (UInt128.max - 1)...UInt128.max, limit: 5) == [])
        #expect(index.freeHosts(in: (UInt128.max - 2)...UInt128.max, limit: 5) == [UInt128.max - 2])
    }
}
