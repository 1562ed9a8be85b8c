import Foundation
import Testing

@Suite struct DocExamplesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let generated = packageRoot.appendingPathComponent("Tests/DocExamplesTests/DocExamples.generated.swift")

    /// The compiled copy must be the documentation's current text, or a broken example could hide
    /// behind a stale copy that still compiles.
    @Test func generatedFileMatchesTheDocumentation() throws {
        let expected = try DocExampleExtractor.source(root: Self.packageRoot)
        let current = try String(contentsOf: Self.generated, encoding: .utf8)
        #expect(current == expected, """
            Tests/DocExamplesTests/DocExamples.generated.swift is out of date with the documentation's swift \
            blocks; run Tests/DocExamplesTests/update.sh, then build again
            """)
    }

    @Test func documentationHasSwiftExamples() throws {
        let source = try DocExampleExtractor.source(root: Self.packageRoot)
        #expect(source.contains("func docExample_docs_engine_1()"))
        #expect(source.contains("import WorkflowEngine\n"))
    }

    /// The examples that need no files run as well as compile (the others read Topologies/ relative
    /// to the reader's working directory, which a test cannot rely on).
    @Test func selfContainedExamplesRun() throws {
        try docExample_docs_engine_1()
        try docExample_docs_netbox_1()
        try docExample_docs_routers_1()
    }

    @Test func swiftBlocksBecomeFunctionsWithHoistedImports() throws {
        let markdown = """
            Text.

            ```swift
            import RouterSim
            let fleet = 1
            ```

            ```sh
            swift run orchlab run
            ```

            - a list item with an indented block:

              ```swift
              import NetBoxSim
              struct Local {}

              print(Local())
              ```
            """
        let blocks = try DocExampleExtractor.blocks(in: markdown, file: "docs/x.md")
        #expect(blocks == [
            .init(file: "docs/x.md", line: 3, imports: ["import RouterSim"], body: ["let fleet = 1"]),
            .init(file: "docs/x.md", line: 14, imports: ["import NetBoxSim"], body: ["struct Local {}", "", "print(Local())"]),
        ])
        let source = DocExampleExtractor.source(for: blocks)
        #expect(source.contains("import NetBoxSim\nimport RouterSim\n"))
        #expect(source.contains("// docs/x.md, example 2\nfunc docExample_docs_x_2() throws {\n    struct Local {}\n\n    print(Local())\n}\n"))
    }

    @Test func unclosedSwiftBlockNamesFileAndLine() {
        let error = #expect(throws: DocExampleExtractor.Failure.self) {
            try DocExampleExtractor.blocks(in: "a\n```swift\nlet x = 1\n", file: "docs/broken.md")
        }
        #expect(error?.description == "docs/broken.md:2: a ```swift block is never closed")
    }
}
