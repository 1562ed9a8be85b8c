import Foundation
import Testing
import Yams
@testable import Topology

/// `Topologies/schema.json` must describe exactly what the parser accepts, and every shipped or
/// produced topology must satisfy it.
@Suite struct SchemaTests {
    let schema: [String: Any]
    let validator: SchemaValidator

    init() throws {
        schema = try Fixtures.json(Fixtures.schema)
        validator = SchemaValidator(root: schema)
    }

    /// The property names of an object definition (the object alternative of a `oneOf` too).
    private func propertyNames(_ definition: [String: Any]) -> Set<String> {
        if let properties = definition["properties"] as? [String: Any] { return Set(properties.keys) }
        let alternatives = definition["oneOf"] as? [[String: Any]] ?? []
        return alternatives.reduce(into: []) { $0.formUnion(propertyNames($1)) }
    }

    @Test func parserKeysEqualSchemaProperties() throws {
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for (name, keys) in TopologyKeys.bySchemaDefinition {
            let definition = name == "document" ? schema : try #require(definitions[name] as? [String: Any], "no $defs.\(name)")
            #expect(propertyNames(definition) == Set(keys), "\(name)")
        }
        let objectDefinitions = definitions.filter { !propertyNames($0.value as? [String: Any] ?? [:]).isEmpty }.map(\.key)
        #expect(Set(objectDefinitions) == Set(TopologyKeys.bySchemaDefinition.keys).subtracting(["document"]))
    }

    @Test func schemaStatusChoicesMatchTheParser() throws {
        let definitions = try #require(schema["$defs"] as? [String: Any])
        func choices(_ definition: String) -> [String] {
            let properties = (definitions[definition] as? [String: Any])?["properties"] as? [String: Any]
            return (properties?["status"] as? [String: Any])?["enum"] as? [String] ?? []
        }
        #expect(choices("device") == StatusChoices.device)
        #expect(choices("site") == StatusChoices.site)
        #expect(choices("prefix") == StatusChoices.prefix)
        #expect(choices("address") == StatusChoices.address)
        #expect(choices("cable") == StatusChoices.cable)
    }

    @Test func everyShippedTopologyValidates() throws {
        let files = try Fixtures.shippedTopologies()
        #expect(files.contains(Fixtures.workshop) && files.contains(Fixtures.clabExample))
        for file in files {
            let (topology, format) = try TopologyLoader.read(contentsOf: file)
            // Importable formats are checked through the native YAML they import to.
            let text = format == .native ? try String(contentsOfFile: file, encoding: .utf8) : TopologyWriter.yaml(topology)
            let document = try #require(try Yams.load(yaml: text))
            #expect(validator.violations(of: document) == [], "\(file)")
        }
    }

    @Test func importedAndGeneratedTopologiesValidate() throws {
        let (export, _) = try TopologyLoader.read(contentsOf: Fixtures.netBoxExport)
        var documents = [TopologyWriter.yaml(export)]
        for shape in TopologyGenerator.Shape.allCases {
            documents.append(TopologyWriter.yaml(try TopologyGenerator(routers: 40, shape: shape).topology()))
        }
        for text in documents {
            #expect(validator.violations(of: try #require(try Yams.load(yaml: text))) == [])
        }
    }

    @Test func theValidatorRejectsWhatTheParserRejects() throws {
        let document = try #require(try Yams.load(yaml: "devices:\n  - {nmae: r1, id: 0}\nlinks: [{endpoints: ['r1']}]\n"))
        let problems = validator.violations(of: document)
        #expect(problems.contains { $0.contains("unexpected key nmae") })
        #expect(problems.contains { $0.contains("missing name") })
        #expect(problems.contains { $0.contains("0 < 1") })
        #expect(problems.contains { $0.contains("too few items") })
    }
}
