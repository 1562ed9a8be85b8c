import Foundation

/// Turns the ```swift blocks of the documentation into one Swift file that the test target
/// compiles, so an example that stops compiling breaks the build instead of misleading a reader.
/// Each block becomes the body of its own throwing function (its declarations are local to it);
/// its `import` lines move to the top of the file, where Swift requires them. Blocks fenced with
/// another language (```sh, ```yaml, ```text) are left alone.
struct DocExampleExtractor {
    struct Block: Equatable {
        let file: String
        let line: Int
        let imports: [String]
        let body: [String]
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The ```swift blocks of one Markdown text, in order. `file` names it in errors and output.
    static func blocks(in markdown: String, file: String) throws -> [Block] {
        var blocks: [Block] = []
        var open: (line: Int, indent: Int, lines: [String])?
        for (index, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let indent = line.prefix { $0 == " " }.count
            if var current = open {
                if trimmed == "```" {
                    let imports = current.lines.filter { $0.hasPrefix("import ") }
                    var body = current.lines.filter { !$0.hasPrefix("import ") }
                    while body.first?.isEmpty == true { body.removeFirst() }
                    while body.last?.isEmpty == true { body.removeLast() }
                    blocks.append(Block(file: file, line: current.line, imports: imports, body: body))
                    open = nil
                } else {
                    current.lines.append(String(line.dropFirst(min(indent, current.indent))))
                    open = current
                }
            } else if trimmed == "```swift" {
                open = (index + 1, indent, [])
            }
        }
        if let open {
            throw Failure(description: "\(file):\(open.line): a ```swift block is never closed")
        }
        return blocks
    }

    /// The generated test source for `blocks` (imports sorted and deduplicated).
    static func source(for blocks: [Block]) -> String {
        var text = """
            // Generated from the ```swift blocks of README.md and docs/**/*.md: do not edit.
            // Tests/DocExamplesTests/update.sh rewrites it.

            """
        for module in Set(blocks.flatMap(\.imports)).sorted() { text += module + "\n" }
        var perFile: [String: Int] = [:]
        for block in blocks {
            let number = perFile[block.file, default: 0] + 1
            perFile[block.file] = number
            text += "\n// \(block.file), example \(number)\n"
            text += "func \(functionName(block.file, number))() throws {\n"
            for line in block.body { text += line.isEmpty ? "\n" : "    \(line)\n" }
            text += "}\n"
        }
        return text
    }

    static func functionName(_ file: String, _ number: Int) -> String {
        let stem = file.replacingOccurrences(of: ".md", with: "")
            .map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
        return "docExample_\(stem)_\(number)"
    }

    /// README.md and every Markdown file under docs/, relative to `root`, in a stable order.
    static func documentationFiles(root: URL) throws -> [String] {
        var files = ["README.md"]
        let docs = root.appendingPathComponent("docs")
        if let walker = FileManager.default.enumerator(atPath: docs.path) {
            let found = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
            files += found.sorted().map { "docs/" + $0 }
        }
        return files
    }

    static func source(root: URL) throws -> String {
        var blocks: [Block] = []
        for file in try documentationFiles(root: root) {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            blocks += try Self.blocks(in: text, file: file)
        }
        return source(for: blocks)
    }
}
