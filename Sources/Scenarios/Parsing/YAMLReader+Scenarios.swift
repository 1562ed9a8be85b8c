import Yams
import YAMLReading

/// What the scenario and exercise files add to the shared reader: their locations, their issue type
/// and regular expressions checked when the file is read rather than when the scenario runs.
extension YAMLReader {
    func location(of node: Node?) -> SourceLocation {
        let (line, column) = node?.position ?? (1, 1)
        return SourceLocation(file: file, line: line, column: column)
    }

    var scenarioIssues: [ScenarioIssue] {
        issues.map { ScenarioIssue(location: SourceLocation(file: file, line: $0.line, column: $0.column), field: $0.path, message: $0.text) }
    }

    func pattern(_ node: Node, _ path: YAMLPath) -> String? {
        guard let value = string(node, path, expected: "a regular expression") else { return nil }
        do {
            _ = try Regex(value)
        } catch {
            fail(node, path, "invalid regular expression /\(Excerpt.of(value))/: \(error)")
            return nil
        }
        return value
    }

    func patterns(_ node: Node, _ path: YAMLPath) -> [String]? {
        guard let values = strings(node, path, what: "a regular expression or a list of them") else { return nil }
        var valid = true
        for (offset, value) in values.enumerated() where (try? Regex(value)) == nil {
            fail(node, path.index(offset), "invalid regular expression /\(Excerpt.of(value))/")
            valid = false
        }
        return valid ? values : nil
    }
}

extension YAMLReader.Limits {
    static let scenario = YAMLReader.Limits(maximumBytes: ScenarioLimits.maximumFileBytes, maximumNodes: ScenarioLimits.maximumYAMLNodes)
}
