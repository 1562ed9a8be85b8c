import Foundation
import Testing
@testable import Topology
import YAMLReading

/// Every `TopologyLimits` bound: just under it loads, just over it is a located error, never a crash.
@Suite struct TopologyLimitsTests {
    /// `Fixtures.base` with the device type's interface line replaced by `name`.
    private func lab(interface name: String) -> String {
        Fixtures.base.replacingOccurrences(of: "'1/1/c{1..4}/1'", with: "'\(name)'")
    }

    private func error(_ yaml: String) throws -> TopologyDiagnostic {
        let errors = Fixtures.diagnostics(yaml).filter { $0.severity == .error }
        return try #require(errors.first, "expected an error")
    }

    @Test func hugeRangesAreRefusedWhereTheyAreWritten() throws {
        for pattern in ["x{0..9223372036854775807}", "x{1..100000}/{1..100000}", "x{1..10001}", "x{00000000000000000001..2}"] {
            let found = try error(lab(interface: pattern))
            #expect(found.path == "device_types[0].interfaces[0].name", "\(pattern)")
            #expect(found.line == 8 && found.column > 1, "\(pattern)")
            #expect(found.description.hasPrefix("lab.yaml:8:"))
        }
        #expect(try error(lab(interface: "x{1..10001}")).message == "'{1..10001}' has 10001 numbers (at most 10000 in one range)")
        #expect(try error(lab(interface: "x{1..101}/{1..100}")).message.contains("more than 10000 interfaces"))
    }

    @Test func rangesAtTheLimitExpand() throws {
        #expect(try InterfaceNamePattern.expand("x{1..10000}").count == 10_000)
        #expect(try InterfaceNamePattern.expand("x{1..100}/{1..100}").count == 10_000)
        #expect(try InterfaceNamePattern.expand("e{01..03}/{1..2}") == ["e01/1", "e01/2", "e02/1", "e02/2", "e03/1", "e03/2"])
        let lab = try TopologyLoader.load(yaml: lab(interface: "1/1/c{1..100}/{1..99}"), file: "lab.yaml")
        // 9,900 ranged ports, then the loopback: the device's limit is 10,000.
        #expect(lab.seed.interfaces.count == 2 * 9_901)
    }

    @Test func aDeviceHasAtMostTenThousandInterfaces() throws {
        var yaml = lab(interface: "1/1/c1/{1..9999}")
        yaml = yaml.replacingOccurrences(of: "  - name: r1\n", with: "  - name: r1\n    interfaces: [{name: 'y{1..2}', type: virtual}]\n")
        let found = try error(yaml)
        #expect(found.message == "device 'r1' has more than 10000 interfaces")
        #expect(found.path == "devices[0].interfaces[0].name")
        // Without the loopback, r1 has exactly 10,000 and loads.
        let fits = yaml.replacingOccurrences(of: "'y{1..2}'", with: "'y1'")
        #expect(throws: Never.self) { try TopologyLoader.load(yaml: fits.replacingOccurrences(of: "    loopback: {ipv4: 10.0.0.1/32}\n", with: ""), file: "lab.yaml") }
    }

    @Test func namesLongerThanNetBoxAllowsAreRefused() throws {
        let longest = String(repeating: "e", count: 62) + "{1..9}"
        #expect(try InterfaceNamePattern.expand(longest).allSatisfy { $0.count == 63 })
        let found = try error(lab(interface: String(repeating: "e", count: 63) + "{1..10}"))
        #expect(found.message.contains("makes names of 65 characters (at most 64)"))
        #expect(try error(lab(interface: String(repeating: "{1..1}", count: 50))).message.contains("characters long"))
    }

    @Test func aTopologyHasBoundedInterfacesAndNameBytes() {
        var budget = InterfaceBudget()
        let name = String(repeating: "n", count: 64)
        var taken = 0
        while budget.take(name) { taken += 1 }
        #expect(taken == TopologyLimits.maximumInterfaceNameBytes / 64)
        #expect(budget.excess.contains("interface names take more than"))
        var counted = InterfaceBudget()
        var accepted = 0
        while counted.take("") { accepted += 1 }
        #expect(accepted == TopologyLimits.maximumInterfaces)
        #expect(counted.excess == "the topology has more than 5000000 interfaces")
    }

    @Test func integersAreBoundedBeforeArithmetic() throws {
        let maximum = TopologyLimits.maximumInteger
        let withID = { (id: String) in Fixtures.base.replacingOccurrences(of: "  - name: r1\n", with: "  - name: r1\n    first_interface_id: \(id)\n") }
        #expect(throws: Never.self) { try TopologyLoader.load(yaml: withID("\(maximum - 4)"), file: "lab.yaml") }
        for id in ["\(maximum + 1)", "9223372036854775807", "0"] {
            let found = try error(withID(id))
            #expect(found.path == "devices[0].first_interface_id")
            #expect(found.expected == "an integer from 1 to 2147483647")
        }
        let speed = Fixtures.base.replacingOccurrences(of: "speed: 100000000", with: "speed: 99999999999999")
        #expect(try error(speed).path == "device_types[0].interfaces[0].speed")
    }

    @Test func generatorSizesComeFromTheLimits() throws {
        #expect(TopologyGenerator.maximumRouters[.ring] == TopologyLimits.maximumGeneratedRouters)
        // The largest ring fits the per-topology interface limit (73 interfaces per router).
        #expect(TopologyLimits.maximumGeneratedRouters * 73 <= TopologyLimits.maximumInterfaces)
        #expect(throws: TopologyGenerator.Unsupported.self) {
            try TopologyGenerator(routers: TopologyLimits.maximumGeneratedRouters + 1, shape: .ring)
        }
        #expect(throws: TopologyGenerator.Unsupported.self) { try TopologyGenerator(routers: .max, shape: .clos) }
    }
}

/// A "billion laughs": `levels` lines, each a list of ten aliases of the line before, so the last line
/// stands for 10^levels scalars in a few hundred bytes.
func aliasBomb(levels: Int, key: String = "l") -> String {
    var text = "\(key)0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1..<levels {
        text += "\(key)\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    return text
}

@Suite struct YAMLNodeBudgetTests {
    @Test func countsEachAliasAsTheNodesItStandsFor() throws {
        // The root mapping, 3 keys, the list and its 2 scalars, then two aliases of 3 nodes each.
        let text = "a: &a [1, 2]\nb: *a\nc: *a\n"
        #expect(YAMLNodeBudget.check(text, maximumNodes: 1 + 3 + 3 * 3) == nil)
        let refusal = try #require(YAMLNodeBudget.check(text, maximumNodes: 1 + 3 + 3 * 3 - 1))
        #expect(refusal == YAMLNodeBudget.Refusal(
            line: 3, column: 4, message: "the alias *a (3 nodes) takes the document past 12 YAML nodes once aliases are expanded"))
        #expect(YAMLNodeBudget.check(text, maximumNodes: 100, maximumAliasedNodes: 6) == nil)
        #expect(YAMLNodeBudget.check(text, maximumNodes: 100, maximumAliasedNodes: 5) == YAMLNodeBudget.Refusal(
            line: 3, column: 4, message: "the alias *a (3 nodes) takes the nodes reached through aliases past 5"))
    }

    @Test func anAliasBombIsRefusedAtTheAliasThatCrossesTheLimit() throws {
        let bomb = aliasBomb(levels: 8)
        let found = Fixtures.diagnostics(bomb)
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.line == 6 && diagnostic.column > 1)
        #expect(diagnostic.message == "the alias *l4 (111111 nodes) takes the nodes reached through aliases past 250000")
        #expect(diagnostic.description.hasPrefix("lab.yaml:6:"))
    }

    @Test func aliasesUsedAsKeysAreCountedBeforeYamsHashesThem() {
        // Yams' duplicate-key check would hash the expanded key while composing.
        let bomb = aliasBomb(levels: 5) + "? [*l4, *l4]\n: 1\n"
        let found = Fixtures.diagnostics(bomb)
        #expect(found.map(\.line) == [6])
        #expect(found.first?.message.contains("reached through aliases") == true)
    }

    @Test func filesAreReadUpToTheLimitOnly() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-bounded-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "name: x\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try BoundedFile.read(file, maximumBytes: 8) == "name: x\n")
        #expect(throws: BoundedFile.Failure.tooLarge(maximumBytes: 7)) { try BoundedFile.read(file, maximumBytes: 7) }
        let tooLong = String(repeating: "#", count: TopologyLimits.maximumFileBytes + 1)
        #expect(Fixtures.diagnostics(tooLong).map(\.message) == ["the file is larger than 67108864 bytes (the limit for this kind of file)"])
        // A device that never ends is refused after the limit, not read forever.
        let error = #expect(throws: TopologyError.self) { try TopologyLoader.load(contentsOf: "/dev/zero") }
        #expect(error?.description == "/dev/zero:1:1: error: (document): the file is larger than 67108864 bytes (the limit for this kind of file)")
    }
}
