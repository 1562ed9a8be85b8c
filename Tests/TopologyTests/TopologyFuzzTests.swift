import Foundation
import Testing
import WorkflowEngine
@testable import Topology
import SeededRandom

/// Seeded fuzzing of the topology loader from the shipped files: random bytes and structure-aware
/// mutations (ranges, numbers, aliases, nesting…). Every case must load within the limits or fail with
/// located errors; a crash or a runaway expansion fails the whole test run.
@Suite struct TopologyFuzzTests {
    static let seeds: [(name: String, text: String)] = {
        (try? Fixtures.shippedTopologies() + [Fixtures.netBoxExport])?.compactMap { path in
            (try? String(contentsOfFile: path, encoding: .utf8)).map { ((path as NSString).lastPathComponent, $0) }
        } ?? []
    }()

    /// Pieces that have broken YAML readers before, or that ask for a lot.
    static let fragments = [
        "x{0..9223372036854775807}", "x{1..100000}/{1..100000}", "{1..10000}", "{00..99}", "{5..1}", "{..}", "{", "}",
        "9223372036854775807", "-9223372036854775808", "99999999999999999999999", "0x7fffffffffffffff", "2147483648", "-1",
        "&a [x, x, x, x, x, x, x, x, x, x]", "[*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "*a", "*undefined", "<<: *a",
        "? [a, b]", "!!binary AAAA", "!!python/object x", "null", "~", "''", "\"\\u0000\"", "\t", ": :", "- - - -",
        String(repeating: "[", count: 1_200), String(repeating: "{a: ", count: 300), "10.0.0.1/33", "::/129", "2001:db8::/-1",
        "'r1:1/1/c1/1'", "[r1:x, r1:x]", "%YAML 1.1", "---", "...", "\u{FEFF}", "é", "\u{85}",
    ]

    /// Whether the text loaded.
    @discardableResult
    private func check(_ text: String, _ label: String) -> Bool {
        do {
            let lab = try TopologyLoader.load(yaml: text, file: "fuzz.yaml")
            #expect(lab.seed.interfaces.count <= TopologyLimits.maximumInterfaces, "\(label)")
            let perDevice = Dictionary(grouping: lab.seed.interfaces, by: \.device).values.map(\.count).max() ?? 0
            #expect(perDevice <= TopologyLimits.maximumInterfacesPerDevice, "\(label)")
            #expect(lab.seed.interfaces.allSatisfy { $0.name.count <= TopologyLimits.maximumInterfaceNameLength }, "\(label)")
            return true
        } catch {
            #expect(!error.errors.isEmpty, "\(label)")
            for diagnostic in error.errors where diagnostic.line < 1 || diagnostic.column < 1 || diagnostic.file != "fuzz.yaml" {
                Issue.record("\(label): unlocated error \(diagnostic)")
            }
            return false
        }
    }

    @Test func randomBytesGiveLocatedErrors() throws {
        var random = SplitMix64(seed: 0x7090)
        for index in 0..<2_000 {
            let seed = Self.seeds[index % Self.seeds.count].text.utf8
            var bytes = Array(seed.prefix(Int.random(in: 0...min(seed.count, 600), using: &random)))
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let byte = UInt8.random(in: 0...255, using: &random)
                bytes.insert(byte, at: Int.random(in: 0...bytes.count, using: &random))
            }
            check(String(decoding: bytes, as: UTF8.self), "random bytes case \(index)")
        }
    }

    @Test func structuralMutationsStayWithinTheLimits() throws {
        var random = SplitMix64(seed: 0x70B0)
        var loaded = 0
        for index in 0..<2_000 {
            // The NetBox export (4,000 lines of JSON, 60 ms a load) only in the random-bytes test, to keep this one quick.
            let (name, text) = Self.seeds.filter { !$0.name.hasSuffix(".json") }[index % 2]
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                mutate(&lines, using: &random)
            }
            if check(lines.joined(separator: "\n"), "\(name) mutation \(index)") { loaded += 1 }
        }
        // Mutations that leave a valid file (a changed description, a dropped comment) must still load.
        #expect(loaded > 100, "\(loaded) of 2000 mutated files loaded")
    }

    private func mutate(_ lines: inout [String], using random: inout SplitMix64) {
        guard !lines.isEmpty else { return lines = [Self.fragments.randomElement(using: &random)!] }
        let index = Int.random(in: 0..<lines.count, using: &random)
        let fragment = Self.fragments.randomElement(using: &random)!
        switch Int.random(in: 0..<7, using: &random) {
        case 0: lines.remove(at: index)
        case 1: lines.insert(lines[index], at: index)
        case 2: lines[index] += " " + fragment
        case 3:
            // A value replaced: everything after the line's first ': '.
            if let colon = lines[index].range(of: ": ") { lines[index] = lines[index][..<colon.upperBound] + fragment }
        case 4:
            // A number replaced by another, often a huge one.
            lines[index] = lines[index].replacing(/\d+/, maxReplacements: 1) { _ in
                ["0", "1", "36", "4096", "2147483647", "2147483648", "9223372036854775807"].randomElement(using: &random)!
            }
        case 5:
            // An interface range widened.
            lines[index] = lines[index].replacing(/\{\d+\.\.\d+\}/) { _ in
                "{1..\(Int.random(in: 1...20_000, using: &random))}"
            }
        default: lines.insert(fragment, at: index)
        }
    }
}
