import Testing
@testable import NetBoxSim

/// Every available-prefixes example recorded from NetBox 4.7 (docs/netbox.md, "NetBox behaviours OrchLab simulates").
@Suite struct AvailablePrefixesTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    func allocate(_ parent: Int, _ length: Int, _ extra: [String: JSON] = [:]) throws -> Prefix {
        var request = extra
        request["prefix_length"] = .int(length)
        return try netbox.allocatePrefix(in: parent, request)
    }

    func texts(_ blocks: [AvailablePrefix]) -> [String] { blocks.map(\.prefix.description) }

    @Test func emptyPoolIsOneBlock() throws {
        let blocks = try netbox.availablePrefixes(in: 3)
        #expect(texts(blocks) == ["2001:db8:10::/44"])
        #expect(blocks.first?.family == 6)
    }

    @Test func threeSixtyFoursThenFreeSpaceDecomposition() throws {
        #expect(try (1...3).map { _ in try allocate(3, 64).prefix.description }
            == ["2001:db8:10::/64", "2001:db8:10:1::/64", "2001:db8:10:2::/64"])
        let free = texts(try netbox.availablePrefixes(in: 3))
        #expect(Array(free.prefix(5)) == [
            "2001:db8:10:3::/64", "2001:db8:10:4::/62", "2001:db8:10:8::/61", "2001:db8:10:10::/60", "2001:db8:10:20::/59",
        ])
        #expect(free.last == "2001:db8:18::/45")
    }

    @Test func slash48GoesToNextBoundaryThenListRefillsGaps() throws {
        for _ in 1...3 { _ = try allocate(3, 64) }
        #expect(try allocate(3, 48).prefix.description == "2001:db8:11::/48")
        let pair = try netbox.allocatePrefixes(in: 3, [["prefix_length": 64], ["prefix_length": 64]])
        #expect(pair.map(\.prefix.description) == ["2001:db8:10:3::/64", "2001:db8:10:4::/64"])
    }

    @Test func slash127sInsideASlash64() throws {
        let parent = try allocate(3, 64, ["is_pool": true])
        #expect(try allocate(parent.id, 127).prefix.description == "2001:db8:10::/127")
        #expect(try allocate(parent.id, 127).prefix.description == "2001:db8:10::2/127")
    }

    @Test func mixedSizesStayAligned() throws {
        let parent = try allocate(3, 64)
        #expect(try allocate(parent.id, 127).prefix.description == "2001:db8:10::/127")
        #expect(try allocate(parent.id, 126).prefix.description == "2001:db8:10::4/126")
        #expect(try allocate(parent.id, 127).prefix.description == "2001:db8:10::2/127")
    }

    @Test func deletedBlockIsHandedOutAgain() throws {
        let blocks = try (1...3).map { _ in try allocate(3, 64) }
        try netbox.deletePrefix(id: blocks[1].id)
        let again = try allocate(3, 64)
        #expect(again.prefix.description == "2001:db8:10:1::/64")
        #expect(again.id == blocks[2].id + 1)
    }

    @Test func ipv4AroundAnExistingChild() throws {
        #expect(try allocate(4, 31).prefix.description == "10.0.1.0/31")
        #expect(try allocate(4, 30).prefix.description == "10.0.1.4/30")
        #expect(try allocate(4, 30).prefix.description == "10.0.1.8/30")
        #expect(try allocate(4, 24).prefix.description == "10.0.2.0/24")
    }

    @Test func descendantsAtAnyDepthOccupyButIPsDoNot() throws {
        let slash64 = try allocate(3, 64)
        let inner = try allocate(slash64.id, 127)
        try netbox.deletePrefix(id: slash64.id)
        // The /127 still sits at the pool's start, so the next /64 skips that block.
        #expect(try allocate(3, 64).prefix.description == "2001:db8:10:1::/64")
        #expect(inner.prefix.description == "2001:db8:10::/127")

        let v4 = try netbox.createPrefix(["prefix": "10.77.0.0/30", "status": "container"])
        _ = try netbox.createIPAddress(["address": "10.77.0.0/32"])
        #expect(try allocate(v4.id, 31).prefix.description == "10.77.0.0/31")
    }

    @Test func depthAndChildrenCountAllDescendants() throws {
        let slash64 = try allocate(3, 64)
        for _ in 1...3 { _ = try allocate(slash64.id, 127) }
        netbox.withReader { reader in
            let inner = reader.prefix(id: slash64.id)!
            #expect(reader.depth(of: inner) == 2)
            #expect(reader.children(of: inner) == 3)
            // /32 holds /44 (1), /44 (3), the /64 and its three /127s.
            #expect(reader.children(of: reader.prefix(id: 2)!) == 6)
        }
    }

    @Test func fullParentIs409AndTooShortIs409() throws {
        let slash127 = try netbox.createPrefix(["prefix": "2001:db8:10::/127"])
        _ = try allocate(slash127.id, 128)
        _ = try allocate(slash127.id, 128)
        #expect(throws: NetBoxError.insufficientResources) { try allocate(slash127.id, 128) }
        #expect(throws: NetBoxError.insufficientResources) { try allocate(3, 40) }
        #expect(try netbox.availablePrefixes(in: slash127.id).isEmpty)
    }

    @Test func payloadErrorsAreListShaped() throws {
        #expect(throws: NetBoxError(status: 400, body: [["prefix_length": "this field can not be missing"]])) {
            try netbox.allocatePrefix(in: 3, ["description": "x"])
        }
        #expect(throws: NetBoxError(status: 400, body: [["prefix_length": "Invalid prefix length (129) for IPv6"]])) {
            try netbox.allocatePrefix(in: 3, ["prefix_length": 129])
        }
        #expect(throws: NetBoxError(status: 400, body: [["prefix_length": "this field must be int type"]])) {
            try netbox.allocatePrefix(in: 3, ["prefix_length": "64"])
        }
        #expect(throws: NetBoxError.notFound("Prefix")) { try netbox.allocatePrefix(in: 99999, ["prefix_length": 64]) }
    }

    @Test func failedListAllocationCreatesNothing() throws {
        let before = try netbox.prefixes().count
        #expect(throws: NetBoxError.insufficientResources) {
            try netbox.allocatePrefixes(in: 3, [["prefix_length": 64], ["prefix_length": 40]])
        }
        #expect(try netbox.prefixes().count == before)
        #expect(try allocate(3, 64).prefix.description == "2001:db8:10::/64")
    }

    @Test func containerParentAndRequestFieldsAreKept() throws {
        let container = try netbox.createPrefix(["prefix": "192.168.0.0/16", "status": "container"])
        let child = try allocate(container.id, 24, ["status": "reserved", "is_pool": true, "description": "lab"])
        #expect(child.prefix.description == "192.168.0.0/24")
        #expect(child.status == .reserved && child.isPool && child.description == "lab")
    }
}
