import Testing
import Yams
import YAMLReading
@testable import Scenarios
@testable import Topology

/// The topology and scenario readers share did-you-mean and merge keys (YAMLReading): the same
/// slip in either kind of file gets the same hint, and `<<:` works in both.
@Suite struct SharedYAMLReadingTests {
    @Test(arguments: [
        ("stauts", ["status", "site"]), ("from", ["form", "as"]), ("x", ["a"]), ("bat", ["hat", "cat"]),
        ("colour", ["name", "id", "site"]), ("nmae", ["name", "note"]),
    ])
    func bothReadersSuggestTheSameKey(word: String, keys: [String]) throws {
        let node = try #require(try Yams.compose(yaml: "\(word): 1\n"))
        let log = DiagnosticLog(file: "topology.yaml")
        _ = MappingReader(node, path: "", keys: keys, log: log)
        let topologyMessage = try #require(log.diagnostics.first).message
        let reader = NodeReader(file: "scenario.yaml")
        _ = reader.fields(node, FieldPath(), allowed: keys)
        let scenarioMessage = try #require(reader.issues.first).message

        let expected = Suggestion.hint(for: word, in: keys)
        #expect(hint(in: topologyMessage) == expected, "\(topologyMessage)")
        #expect(hint(in: scenarioMessage) == expected, "\(scenarioMessage)")
    }

    @Test func scenarioActionsTakeMergeKeys() throws {
        let scenario = try TestWorkspace().parse("""
            name: merged
            topology: workshop
            actions:
              - &node {start: create_node, as: loc1, form: {select_device_choice: loc1-core}}
              - {<<: *node, as: loc2}
            """)
        let names = scenario.actions.compactMap { action -> String? in
            guard case .start(let start) = action.kind else { return nil }
            return "\(start.workflow) as \(start.name ?? "-")"
        }
        #expect(names == ["create_node as loc1", "create_node as loc2"])
    }

    private func hint(in message: String) -> String {
        message.range(of: " (did you mean").map { String(message[$0.lowerBound...]) } ?? ""
    }
}
