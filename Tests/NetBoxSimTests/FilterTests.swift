import Testing
@testable import NetBoxSim

/// List filters with NetBox's semantics and quirks (docs/netbox.md, "NetBox behaviours OrchLab simulates").
@Suite struct FilterTests {
    let netbox: NetBox
    init() throws { netbox = try WorkshopLab.netbox() }

    @Test func deviceNameIsExactCaseInsensitiveAndRepeatsOr() throws {
        #expect(try netbox.devices(["name": "LOC1-CORE"]).results.map(\.id) == [1])
        #expect(try netbox.devices(NetBoxQuery([("name", "loc1-core"), ("name", "loc3-core")])).results.map(\.name)
            == ["loc1-core", "loc3-core"])
        #expect(try netbox.devices(["name": "loc1"]).count == 0)
        #expect(try netbox.devices(["name__ic": "LOC2"]).results.map(\.name) == ["loc2-core"])
        #expect(try netbox.devices(["name": "nope"]).count == 0)
    }

    @Test func statusFilterValidatesChoices() throws {
        #expect(try netbox.devices(["status": "planned"]).count == 5)
        #expect(try netbox.devices(["status": "active"]).count == 0)
        #expect(throws: NetBoxError.field("status", "Select a valid choice. bogus is not one of the available choices.")) {
            try netbox.devices(["status": "bogus"])
        }
    }

    @Test func idListsOrAndRejectText() throws {
        #expect(try netbox.devices(NetBoxQuery([("id", "3"), ("id", "1"), ("id", "99")])).results.map(\.id) == [1, 3])
        #expect(try netbox.interfaces(NetBoxQuery([("id", "73"), ("id", "146")])).results.map(\.name) == ["system", "system"])
        #expect(throws: NetBoxError.field("id", "Enter a whole number.")) { try netbox.prefixes(["id": "abc"]) }
    }

    @Test func unknownFilterNamesAreIgnored() throws {
        #expect(try netbox.devices(["foo": "bar"]).count == 5)
    }

    @Test func foreignKeysByNameOrIdAndUnknownIs400() throws {
        #expect(try netbox.devices(["site": "location-2"]).results.map(\.name) == ["loc2-core"])
        #expect(try netbox.devices(["site_id": "3"]).results.map(\.name) == ["loc3-core"])
        #expect(throws: NetBoxError.field("device", "Select a valid choice. nope is not one of the available choices.")) {
            try netbox.interfaces(["device": "nope"])
        }
        #expect(throws: NetBoxError.field("device_id", "Select a valid choice. 99999 is not one of the available choices.")) {
            try netbox.interfaces(["device_id": "99999"])
        }
    }

    @Test func freeFourHundredGigPortsInNaturalOrder() throws {
        let page = try netbox.interfaces(["device": "loc1-core", "occupied": "False", "speed": "400000000", "limit": "0"])
        #expect(page.count == 36)
        #expect(page.results.prefix(3).map(\.name) == ["1/1/c1/1", "1/1/c2/1", "1/1/c3/1"])
        #expect(page.results.last?.name == "1/1/c36/1")
    }

    @Test func integerFilterRejectsTextAndSupportsRanges() throws {
        #expect(throws: NetBoxError.field("speed", "Enter a whole number.")) { try netbox.interfaces(["speed": "fast"]) }
        #expect(try netbox.interfaces(["device": "loc1-core", "speed__gte": "100000001"]).count == 36)
        #expect(try netbox.interfaces(["device": "loc1-core", "speed__lte": "100000000"]).count == 36)
    }

    @Test func booleanFiltersHonourOnlyTrueFalseSpellings() throws {
        _ = try netbox.createCable(["a_terminations": [["object_type": "dcim.interface", "object_id": 1]],
                                    "b_terminations": [["object_type": "dcim.interface", "object_id": 74]]])
        for (value, expected) in [("true", 1), ("True", 1), ("false", 72), ("False", 72), ("1", 73), ("0", 73), ("yes", 73)] {
            #expect(try netbox.interfaces(["device": "loc1-core", "cabled": value, "limit": "0"]).count == expected, "cabled=\(value)")
        }
    }

    @Test func naturalOrderAcrossNames() {
        let names = ["system", "1/1/c10/1", "a-port", "2/1/c1/1", "1/1/c2/1", "1/1/c100/1", "1/1/c0/1"]
        let sorted = names.sorted { NaturalOrder.compare($0, $1) == .orderedAscending }
        #expect(sorted == ["1/1/c0/1", "1/1/c2/1", "1/1/c10/1", "1/1/c100/1", "2/1/c1/1", "a-port", "system"])
    }

    @Test func paginationDefaultsAndQuirks() throws {
        let first = try netbox.interfaces()
        #expect(first.count == 365 && first.results.count == 50 && first.hasNext && !first.hasPrevious)
        #expect(try netbox.interfaces(["limit": "0"]).results.count == 365)
        #expect(try netbox.interfaces(["limit": "5000"]).results.count == 365)
        #expect(try netbox.interfaces(["limit": "-1"]).results.count == 50)
        #expect(try netbox.interfaces(["limit": "abc"]).results.count == 50)
        let beyond = try netbox.interfaces(["offset": "1000"])
        #expect(beyond.results.isEmpty && !beyond.hasNext && beyond.hasPrevious)
        let second = try netbox.interfaces(["limit": "5", "offset": "5"])
        #expect(second.results.map(\.id) == [6, 7, 8, 9, 10])
    }

    @Test func prefixFilters() throws {
        #expect(try netbox.prefixes().results.map(\.id) == [4, 5, 2, 1, 3])
        #expect(try netbox.prefixes(["prefix": "2001:db8:10::/44"]).results.map(\.id) == [3])
        #expect(try netbox.prefixes(["prefix": "not-a-prefix"]).count == 0)
        let slash64 = try netbox.allocatePrefix(in: 3, ["prefix_length": 64])
        let inner = try netbox.allocatePrefix(in: slash64.id, ["prefix_length": 127])
        #expect(try netbox.prefixes(["within": "2001:db8:10::/64"]).results.map(\.id) == [inner.id])
        #expect(try netbox.prefixes(["within": "2001:db8:10::/44"]).results.map(\.id) == [slash64.id, inner.id])
        #expect(try netbox.prefixes(["is_pool": "true"]).results.map(\.id) == [5, 1])
        #expect(try netbox.prefixes(["family": "4"]).count == 2)
    }

    @Test func ipAddressFilters() throws {
        #expect(try netbox.ipAddresses(["address": "10.0.0.1"]).results.map(\.address.description) == ["10.0.0.1/32"])
        #expect(try netbox.ipAddresses(["address": "10.0.0.1/24"]).count == 0)
        #expect(try netbox.ipAddresses(["parent": "10.0.0.0/24"]).count == 5)
        #expect(try netbox.ipAddresses(["device": "loc2-core"]).results.map(\.address.description)
            == ["10.0.0.2/32", "2001:db8::2/128"])
        #expect(try netbox.ipAddresses(["interface_id": "146"]).count == 2)
        #expect(try netbox.ipAddresses().results.first?.address.description == "10.0.0.1/32")
    }

    @Test func cableFilters() throws {
        let cable = try netbox.createCable(["a_terminations": [["object_type": "dcim.interface", "object_id": 2]],
                                            "b_terminations": [["object_type": "dcim.interface", "object_id": 74]],
                                            "status": "planned"])
        #expect(try netbox.cables(["device": "loc2-core"]).results.map(\.id) == [cable.id])
        #expect(try netbox.cables(["device": "loc3-core"]).count == 0)
        #expect(try netbox.cables(["status": "planned"]).count == 1)
        #expect(try netbox.cables(["interface_id": "74"]).count == 1)
        #expect(throws: NetBoxError.field("device", "Select a valid choice. nope is not one of the available choices.")) {
            try netbox.cables(["device": "nope"])
        }
    }
}

@Suite struct SearchFilterTests {
    @Test func qSearchesNamesAndDescriptions() throws {
        let netbox = try WorkshopLab.netbox()
        #expect(try netbox.devices(["q": "LOC4"]).results.map(\.name) == ["loc4-core"])
        #expect(try netbox.prefixes(["q": "circuit"]).results.map(\.id) == [3])
        #expect(try netbox.ipAddresses(["q": "2001:db8::3"]).count == 1)
        #expect(try netbox.interfaces(["device": "loc1-core", "q": "c36"]).results.map(\.name) == ["1/1/c36/1", "2/1/c36/1"])
        #expect(try netbox.devices(["q": ""]).count == 5)
    }
}

@Suite struct OrderingTests {
    @Test func orderingParameterReordersAndIgnoresUnknownFields() throws {
        let netbox = try WorkshopLab.netbox()
        #expect(try netbox.devices(["ordering": "-name"]).results.map(\.id) == [5, 4, 3, 2, 1])
        #expect(try netbox.devices(["ordering": "bogus"]).results.map(\.id) == [1, 2, 3, 4, 5])
        #expect(try netbox.prefixes(["ordering": "-id"]).results.map(\.id) == [5, 4, 3, 2, 1])
        #expect(try netbox.prefixes(["ordering": "-prefix"]).results.map(\.id) == [3, 1, 2, 5, 4])
        let names = try netbox.interfaces(["device": "loc1-core", "ordering": "-name", "limit": "3"]).results.map(\.name)
        #expect(names == ["system", "2/1/c36/1", "2/1/c35/1"])
        #expect(try netbox.ipAddresses(["ordering": "-address", "limit": "1"]).results.map(\.address.description) == ["2001:db8::5/128"])
    }
}
