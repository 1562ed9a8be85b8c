import Foundation
import Testing
import WorkflowEngine
@testable import Scenarios
import SeededRandom

/// Seeded fuzzing of the scenario and exercise readers from the shipped files: random bytes and
/// structure-aware mutations. Every case must parse within the limits or fail with issues located at a
/// line and column of the file; a crash or a runaway expansion fails the whole test run.
@Suite struct ScenarioFuzzTests {
    static let seeds: [(path: String, text: String)] = {
        let root = SchemaSyncTests.packageRoot.appendingPathComponent("Scenarios").path
        let files = (try? ScenarioDiscovery.files(in: [root], skipping: ["__snapshots__"])) ?? []
        return files.compactMap { path in (try? String(contentsOfFile: path, encoding: .utf8)).map { (path, $0) } }
    }()

    static let fragments = [
        "&a [x, x, x, x, x, x, x, x, x, x]", "[*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]", "*a", "*nowhere", "<<: *a",
        "? [a, b]", "!!binary AAAA", "null", "~", "''", "\"\\u0000\"", "\t", ": :", "- - - -", "{", "}", "[", "]",
        String(repeating: "[", count: 1_200), String(repeating: "{a: ", count: 300), "9223372036854775807",
        "-9223372036854775808", "99999999999999999999999", "1e400", ".nan", "-.inf", "${", "${}", "${a.b.c}", "${x",
        "topology: ../../../../etc/passwd", "topology: /etc/passwd", "topology: /dev/zero", "seed: 18446744073709551616",
        "(", "[a-", "(?<", "- start: create_node", "- assert: x", "  - fault: {}", "as: 1abc", "%YAML 1.1", "---", "...",
        "\u{FEFF}", "é", "\u{85}",
    ]

    /// Parses `text` as the kind of file `path` is; true when it parsed.
    @discardableResult
    private func check(_ text: String, path: String, _ label: String) -> Bool {
        do {
            if path.contains("/exercises/") {
                let exercise = try ExerciseParser().parse(yaml: text, file: path)
                #expect(exercise.scenario.actions.count <= ScenarioLimits.maximumActions, "\(label)")
            } else {
                let scenario = try ScenarioParser().parse(yaml: text, file: path)
                #expect(scenario.actions.count <= ScenarioLimits.maximumActions, "\(label)")
                #expect(scenario.topologyPath.hasPrefix(SchemaSyncTests.packageRoot.path), "\(label)")
            }
            return true
        } catch {
            #expect(!error.issues.isEmpty, "\(label)")
            for issue in error.issues where issue.location.line < 1 || issue.location.column < 1 || issue.location.file != path {
                Issue.record("\(label): unlocated issue \(issue)")
            }
            return false
        }
    }

    @Test func randomBytesGiveLocatedIssues() throws {
        try #require(Self.seeds.count >= 8)
        var random = SplitMix64(seed: 0x5C0)
        for index in 0..<2_000 {
            let (path, text) = Self.seeds[index % Self.seeds.count]
            var bytes = Array(text.utf8)
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &random)
                default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
                }
            }
            check(String(decoding: bytes, as: UTF8.self), path: path, "random bytes case \(index)")
        }
    }

    @Test func structuralMutationsGiveLocatedIssues() throws {
        var random = SplitMix64(seed: 0x5C1)
        var parsed = 0
        for index in 0..<2_000 {
            let (path, text) = Self.seeds[index % Self.seeds.count]
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...3, using: &random) { mutate(&lines, using: &random) }
            if check(lines.joined(separator: "\n"), path: path, "\((path as NSString).lastPathComponent) mutation \(index)") { parsed += 1 }
        }
        #expect(parsed > 100, "\(parsed) of 2000 mutated files parsed")
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
            if let colon = lines[index].range(of: ": ") { lines[index] = lines[index][..<colon.upperBound] + fragment }
        case 4:
            // An action repeated many times: near and past the action limit.
            let count = [10, 500, ScenarioLimits.maximumActions + 1].randomElement(using: &random)!
            if lines[index].hasPrefix("  - ") { lines.insert(contentsOf: Array(repeating: lines[index], count: count), at: index) }
        case 5:
            lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
        default: lines.insert(fragment, at: index)
        }
    }
}
