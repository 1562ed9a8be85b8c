import Testing
import Yams
import YAMLReading
@testable import Scenarios
@testable import Topology

/// The topology and scenario files are read by one reader (YAMLReading): the same slip in either
/// kind of file is reported at the same place in the same words, and `<<:` works in both.
@Suite struct SharedYAMLReadingTests {
    /// The same slip in a topology file and in a scenario file: same line, column, field and wording.
    @Test(arguments: [
        ("nmae", "unknown key 'nmae'", " (did you mean 'name'?)"), ("Name", "unknown key 'Name'", " (did you mean 'name'?)"),
        ("colour", "unknown key 'colour'", ""),
    ])
    func bothFilesWordAnUnknownKeyAlike(key: String, message: String, hint: String) throws {
        let topology = try topologyDiagnostic("\(key): lab\n", at: key)
        let scenario = try scenarioIssue("\(key): lab\ntopology: workshop\nactions: [{abort: x}]\n", at: key)
        #expect((topology.line, topology.column, topology.path) == (1, 1, key))
        #expect((scenario.location.line, scenario.location.column, scenario.field) == (1, 1, key))
        #expect(topology.message == message + hint)
        #expect(scenario.message.hasPrefix(message + " in scenario" + hint + " (expected one of "), "\(scenario.message)")
    }

    @Test func bothFilesWordAWrongTypeAlike() throws {
        let topology = try topologyDiagnostic("devices:\n  - {name: r1, id: seven}\n", at: "devices[0].id")
        let scenario = try scenarioIssue("name: a\nseed: seven\ntopology: workshop\nactions: [{abort: x}]\n", at: "seed")
        #expect(topology.message == "wrong type: found a string 'seven'" && topology.expected == "an integer from 1 to 2147483647")
        #expect(scenario.message == "wrong type: found a string 'seven' (expected an integer ≥ 0)")
        #expect(topology.path == "devices[0].id" && scenario.field == "seed")
    }

    @Test func bothFilesWordAMissingKeyAlike() throws {
        let topology = try topologyDiagnostic("sites:\n  - {slug: lab}\n", at: "sites[0].name")
        let scenario = try scenarioIssue("topology: workshop\nactions: [{abort: x}]\n", at: "name")
        #expect(topology.message == "missing required key 'name'" && topology.path == "sites[0].name")
        #expect(scenario.message == "missing required key 'name' in scenario" && scenario.field == "name")
    }

    private func topologyDiagnostic(_ yaml: String, at path: String) throws -> TopologyDiagnostic {
        do {
            _ = try TopologyLoader.load(yaml: yaml, file: "lab.yaml")
        } catch {
            return try #require(error.errors.first { $0.path == path }, "\(error)")
        }
        throw TestFailure("the topology was accepted")
    }

    private func scenarioIssue(_ yaml: String, at field: String) throws -> ScenarioIssue {
        do {
            _ = try ScenarioParser().parse(yaml: yaml, file: "s.yaml")
        } catch {
            return try #require(error.issues.first { $0.field == field }, "\(error)")
        }
        throw TestFailure("the scenario was accepted")
    }

    private struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
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
}
