import Foundation
import Testing

/// The README's architecture diagram shows exactly the dependencies Package.swift declares between
/// OrchLab's own modules, so the picture cannot drift from the build.
@Suite struct ArchitectureDiagramTests {
    /// Targets that exist for benchmarks and tests, not part of the architecture.
    static let leftOut: Set<String> = ["orchlab-bench", "engine-crash-child"]

    @Test func readmeDiagramMatchesPackageSwift() throws {
        let root = DocExamplesTests.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let drawn = try Self.diagramEdges(readme)
        let declared = Self.manifestEdges(manifest)
        #expect(declared.count > 20)
        #expect(drawn.subtracting(declared).sorted() == [], "edges drawn in README.md but not declared in Package.swift")
        #expect(declared.subtracting(drawn).sorted() == [], "dependencies in Package.swift missing from README.md's diagram")
    }

    @Test func parsesMermaidChainsAndLabels() throws {
        let text = "```mermaid\ngraph TD\n    a[A<br>x] --> b & c[C]\n    c --> d_e\n```\n"
        #expect(try Self.diagramEdges(text) == ["a -> b", "a -> c", "c -> d-e"])
    }

    @Test func parsesManifestDependenciesWithoutProducts() {
        let manifest = """
            .target(name: "A", dependencies: ["B", .product(name: "Yams", package: "Yams")]),
            .target(name: "B"),
            .testTarget(name: "ATests", dependencies: ["A"]),
            """
        #expect(Self.manifestEdges(manifest) == ["A -> B"])
    }

    /// `from -> to` for every arrow of the first mermaid block; `x --> a & b` is two edges.
    static func diagramEdges(_ markdown: String) throws -> Set<String> {
        guard let start = markdown.range(of: "```mermaid\n"),
              let end = markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex) else {
            throw DocExampleExtractor.Failure(description: "README.md has no mermaid diagram")
        }
        var edges: Set<String> = []
        for line in markdown[start.upperBound..<end.lowerBound].split(separator: "\n") where line.contains("-->") {
            let sides = line.components(separatedBy: "-->")
            let from = node(sides[0])
            for target in sides[1].split(separator: "&") { edges.insert("\(from) -> \(node(Substring(target)))") }
        }
        return edges
    }

    /// A node's id without its `[label]`; `_` stands for `-`, which mermaid ids cannot hold.
    private static func node(_ text: some StringProtocol) -> String {
        String(text.trimmingCharacters(in: .whitespaces).prefix { $0 != "[" }).replacingOccurrences(of: "_", with: "-")
    }

    /// `target -> dependency` for every dependency between the package's own non-test targets.
    static func manifestEdges(_ manifest: String) -> Set<String> {
        let withoutProducts = manifest.replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
        let declaration = try! NSRegularExpression(pattern: #"\.(target|executableTarget)\(name: "([^"]+)"(?:, dependencies: \[([^\]]*)\])?"#)
        var edges: Set<String> = []
        let range = NSRange(withoutProducts.startIndex..., in: withoutProducts)
        for match in declaration.matches(in: withoutProducts, range: range) {
            let name = String(withoutProducts[Range(match.range(at: 2), in: withoutProducts)!])
            guard !leftOut.contains(name), let list = Range(match.range(at: 3), in: withoutProducts) else { continue }
            for dependency in withoutProducts[list].split(separator: ",") {
                let trimmed = dependency.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"")))
                if !trimmed.isEmpty, !leftOut.contains(trimmed) { edges.insert("\(name) -> \(trimmed)") }
            }
        }
        return edges
    }
}
