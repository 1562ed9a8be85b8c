import Foundation
import OrchLabTestSupport
import Testing
@testable import Scenarios

/// `Scenarios/schema.json` documents exactly what the parser accepts.
@Suite struct SchemaSyncTests {
    static let packageRoot = TestRepository.root

    let schema: [String: Any]
    let defs: [String: Any]

    init() throws {
        let data = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Scenarios/schema.json"))
        schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        defs = try #require(schema["$defs"] as? [String: Any])
    }

    private func def(_ name: String) throws -> [String: Any] {
        try #require(defs[name] as? [String: Any], "schema has no $defs/\(name)")
    }

    private func propertyNames(_ object: [String: Any]) throws -> Set<String> {
        Set(try #require(object["properties"] as? [String: Any]).keys)
    }

    private func refs(_ object: [String: Any], _ key: String = "oneOf") throws -> Set<String> {
        let items = try #require(object[key] as? [[String: Any]])
        return Set(items.compactMap { ($0["$ref"] as? String)?.replacingOccurrences(of: "#/$defs/", with: "") })
    }

    @Test func declaresDraft2020() {
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func scenarioKeysMatch() throws {
        #expect(try propertyNames(def("scenario_body")) == Set(ScenarioVocabulary.scenarioKeys))
        #expect(Set(try #require(schema["required"] as? [String])) == ["name", "topology", "actions"])
        let body = try #require(try def("scenario_body")["properties"] as? [String: Any])
        let pattern = try #require((body["workflows"] as? [String: Any])?["pattern"] as? String)
        for name in ["reference", "my-services", "team_a.v2"] { #expect(name.wholeMatch(of: try Regex(pattern)) != nil) }
        #expect(" bad".wholeMatch(of: try Regex(pattern)) == nil)
    }

    @Test func actionKindsAndKeysMatch() throws {
        #expect(try refs(def("action")) == Set(ScenarioVocabulary.actionKinds.map { "action_\($0)" }))
        #expect(Set(ScenarioVocabulary.actionKeys.keys) == Set(ScenarioVocabulary.actionKinds))
        for (kind, keys) in ScenarioVocabulary.actionKeys {
            #expect(try propertyNames(def("action_\(kind)")) == Set(keys), "keys of \(kind)")
        }
    }

    @Test func assertionSubjectsAndOptionsMatch() throws {
        #expect(try refs(def("action_assert")) == Set(ScenarioVocabulary.assertionSubjects.keys.map { "assert_\($0)" }))
        for (subject, options) in ScenarioVocabulary.assertionSubjects {
            #expect(try propertyNames(def("assert_\(subject)")) == Set([subject] + options), "keys of the \(subject) assertion")
        }
    }

    @Test func faultKindsAndKeysMatch() throws {
        let fault = try def("fault")
        #expect(try refs(fault) == Set(ScenarioVocabulary.faultKeys.keys.map { "fault_\($0)" }))
        let words = try #require(fault["oneOf"] as? [[String: Any]]).compactMap { $0["const"] as? String }
        #expect(words == ScenarioVocabulary.faultWords)
        for (kind, keys) in ScenarioVocabulary.faultKeys {
            let properties = try #require(try def("fault_\(kind)")["properties"] as? [String: Any])
            let value = try #require(properties[kind] as? [String: Any])
            let forms = (value["oneOf"] as? [[String: Any]]) ?? [value]
            let mappingKeys = try forms.filter { $0["properties"] != nil }.map(propertyNames)
            #expect(Set(mappingKeys.flatMap { $0 }) == Set(keys), "keys of the \(kind) fault")
        }
    }

    @Test func engineerOutcomeAndInterfaceMatch() throws {
        let engineer = try #require(try def("engineer")["oneOf"] as? [[String: Any]])
        #expect(Set(engineer.compactMap { $0["enum"] as? [String] }.flatMap { $0 }) == Set(ScenarioVocabulary.engineerModes))
        #expect(try propertyNames(def("engineer_apply")).union(propertyNames(def("engineer_answer"))) == Set(ScenarioVocabulary.engineerKeys))
        let outcome = try #require(try def("outcome")["oneOf"] as? [[String: Any]])
        #expect(Set(outcome.compactMap { $0["enum"] as? [String] }.flatMap { $0 }) == Set(ScenarioOutcome.allCases.map(\.rawValue)))
        #expect(try propertyNames(def("interface")) == Set(ScenarioVocabulary.interfaceKeys))
    }

    @Test func exerciseSchemaMatchesTheExerciseParser() throws {
        let data = try Data(contentsOf: Self.packageRoot.appendingPathComponent("Scenarios/exercises/exercise.schema.json"))
        let exercise = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(try propertyNames(exercise) == Set(ExerciseParser.exerciseKeys))
        let properties = try #require(exercise["properties"] as? [String: Any])
        let checks = try #require(properties["checks"] as? [String: Any])
        let items = try #require(checks["items"] as? [String: Any])
        #expect(try propertyNames(items) == Set(ExerciseParser.checkKeys))
    }
}
