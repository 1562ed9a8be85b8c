import Testing
import Yams
import YAMLReading

@Suite struct MergeKeysTests {
    private func merged(_ yaml: String) throws -> [String: String] {
        let root = try #require(try Yams.compose(yaml: yaml))
        let item = try #require(root.mapping?["item"]?.mapping)
        var fields: [String: String] = [:]
        for (key, value) in MergeKeys.resolving(item) { fields[key.string ?? ""] = value.string }
        return fields
    }

    @Test func ownFieldsWinOverMergedOnes() throws {
        let fields = try merged("""
            base: &base {name: base, role: leaf}
            item: {<<: *base, name: own}
            """)
        #expect(fields == ["name": "own", "role": "leaf"])
    }

    @Test func earlierMergedMappingsWinOverLaterOnes() throws {
        let fields = try merged("""
            a: &a {role: leaf, site: one}
            b: &b {role: spine, rack: r1}
            item: {<<: [*a, *b]}
            """)
        #expect(fields == ["role": "leaf", "site": "one", "rack": "r1"])
    }

    @Test func mappingsWithoutMergeKeysAreUntouched() throws {
        #expect(try merged("item: {name: x}") == ["name": "x"])
    }
}
