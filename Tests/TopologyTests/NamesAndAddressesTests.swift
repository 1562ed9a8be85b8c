import Testing
@testable import Topology
import IPAddressing

@Suite struct InterfaceNamePatternTests {
    @Test func rangesExpandInOrder() throws {
        #expect(try InterfaceNamePattern.expand("1/1/c{1..3}/1") == ["1/1/c1/1", "1/1/c2/1", "1/1/c3/1"])
        #expect(try InterfaceNamePattern.expand("e{1..2}-{1..2}") == ["e1-1", "e1-2", "e2-1", "e2-2"])
        #expect(try InterfaceNamePattern.expand("eth{08..10}") == ["eth08", "eth09", "eth10"])
        #expect(try InterfaceNamePattern.expand("loopback0") == ["loopback0"])
    }

    @Test func malformedRangesAreRejected() {
        for pattern in ["c{1..}", "c{3..1}", "c{1..2", "c1}", "c{a..b}"] {
            #expect(throws: InterfaceNamePattern.Malformed.self, "\(pattern)") { try InterfaceNamePattern.expand(pattern) }
        }
    }

    @Test func compactionIsTheInverseOfExpansion() throws {
        let names = try InterfaceNamePattern.expand("1/1/c{1..36}/1") + ["1/1/c38/1"] + (try InterfaceNamePattern.expand("eth{0..3}"))
        let specs = names.enumerated().map { Topology.InterfaceSpec(name: $1, id: 10 + $0, type: "other") }
        let compacted = InterfaceRunCompactor.compact(specs)
        #expect(compacted.map(\.name) == ["1/1/c{1..36}/1", "1/1/c38/1", "eth{0..3}"])
        #expect(compacted.map(\.id) == [10, 46, 47])
        #expect(try compacted.flatMap { try InterfaceNamePattern.expand($0.name) } == names)
    }

    @Test func runsBreakOnDifferentTypesOrIDGaps() {
        let specs = [
            Topology.InterfaceSpec(name: "e1", id: 1, type: "other"), Topology.InterfaceSpec(name: "e2", id: 2, type: "virtual"),
            Topology.InterfaceSpec(name: "e3", id: 4, type: "virtual"), Topology.InterfaceSpec(name: "e04", id: 5, type: "virtual"),
        ]
        #expect(InterfaceRunCompactor.compact(specs).map(\.name) == ["e1", "e2", "e3", "e04"])
    }
}

/// The topology files' address rule on top of the shared grammar (IPAddressingTests has the rest).
@Suite struct TopologyAddressTests {
    private func address(_ text: String) -> IPInterfaceAddress? { TopologyCompiler.address(text) }

    @Test func parsesAndPrintsCanonically() throws {
        #expect(address("2001:DB8:0:0:0::1/128")?.description == "2001:db8::1/128")
        #expect(address("2001:db8:10::/44")?.description == "2001:db8:10::/44")
        #expect(address("2001:0:0:1:0:0:0:1/64")?.description == "2001:0:0:1::1/64")
        #expect(address("10.0.0.1/32")?.description == "10.0.0.1/32")
        #expect(address("10.0.0.1") == nil)
        #expect(TopologyCompiler.address("10.0.0.1", lengthRequired: false)?.length == 32)
        for bad in ["10.0.0.256/32", "10.0.0/24", "1::2::3/64", "2001:db8::/129", "10.0.0.1/-1", "010.0.0.1/32", "::g/1", "10.0.0.1/024"] {
            #expect(address(bad) == nil, "\(bad)")
        }
    }

    @Test func hostBitsAndContainment() throws {
        let pool = try #require(address("2001:db8:10::/44"))
        #expect(!pool.hasHostBits)
        #expect(try #require(address("10.0.0.1/24")).hasHostBits)
        #expect(try #require(address("10.0.0.1/24")).network.description == "10.0.0.0/24")
        var prefixes = TopologyCompiler.PrefixIndex()
        prefixes.insert(pool.network)
        #expect(prefixes.covers(try #require(address("2001:db8:1f::1/128"))))
        #expect(!prefixes.covers(try #require(address("2001:db8:20::1/128"))))
        #expect(!prefixes.covers(try #require(address("10.0.0.1/32"))))
        #expect(!prefixes.covers(try #require(address("2001:db8::/40"))))
    }
}
