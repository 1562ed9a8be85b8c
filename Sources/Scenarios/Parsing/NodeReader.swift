import Yams
import YAMLReading

/// Reads composed YAML nodes into typed values and collects every problem on the way, so one
/// run reports all mistakes in a file with their line and column.
final class NodeReader {
    let file: String
    private(set) var issues: [ScenarioIssue] = []

    init(file: String) {
        self.file = file
    }

    func location(of node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func fail(_ node: Node?, _ path: FieldPath, _ message: String) {
        record(ScenarioIssue(location: location(of: node), field: path.description, message: message))
    }

    func record(_ issue: ScenarioIssue) {
        issues.append(issue)
    }

    /// A mapping's entries in file order, with string keys; `nil` (and an issue) if not a mapping.
    func entries(_ node: Node, _ path: FieldPath, expected: String = "a mapping") -> [MappingEntry]? {
        guard case .mapping(let mapping) = node else {
            fail(node, path, "expected \(expected), found \(kindName(node))")
            return nil
        }
        var result: [MappingEntry] = []
        for (key, value) in MergeKeys.resolving(mapping) {
            guard let name = key.scalar?.string else {
                fail(key, path, "keys must be plain words, found \(kindName(key))")
                continue
            }
            result.append(MappingEntry(key: name, keyNode: key, value: value))
        }
        return result
    }

    /// A mapping's fields keyed by name, after reporting keys outside `allowed` and missing `required` ones.
    func fields(
        _ node: Node, _ path: FieldPath, allowed: [String], required: [String] = [], what: String = "mapping",
        misplaced: (String) -> String? = { _ in nil }
    ) -> Fields? {
        guard let entries = entries(node, path, expected: "a \(what)") else { return nil }
        var fields = Fields(node: node, path: path)
        for entry in entries {
            if allowed.contains(entry.key) {
                fields.values[entry.key] = entry
            } else if let note = misplaced(entry.key) {
                fail(entry.keyNode, path.key(entry.key), note)
            } else {
                fail(entry.keyNode, path.key(entry.key),
                     "unknown key '\(entry.key)' in \(what); expected one of \(allowed.joined(separator: ", "))"
                         + Suggestion.hint(for: entry.key, in: allowed))
            }
        }
        for key in required where fields.values[key] == nil {
            fail(node, path, "missing required key '\(key)' in \(what)")
        }
        return fields
    }

    func string(_ node: Node, _ path: FieldPath, expected: String = "a string") -> String? {
        guard case .scalar(let scalar) = node, !isNull(node) else {
            fail(node, path, "expected \(expected), found \(kindName(node))")
            return nil
        }
        return scalar.string
    }

    func nonEmptyString(_ node: Node, _ path: FieldPath, expected: String = "a non-empty string") -> String? {
        guard let value = string(node, path, expected: expected) else { return nil }
        guard !value.allSatisfy(\.isWhitespace) else {
            fail(node, path, "expected \(expected), found an empty string")
            return nil
        }
        return value
    }

    func int(_ node: Node, _ path: FieldPath, minimum: Int) -> Int? {
        guard case .int(let value) = PlainScalar(node) else {
            fail(node, path, "expected an integer ≥ \(minimum), found \(describe(node))")
            return nil
        }
        guard value >= minimum else {
            fail(node, path, "expected an integer ≥ \(minimum), found \(value)")
            return nil
        }
        return value
    }

    func bool(_ node: Node, _ path: FieldPath) -> Bool? {
        guard case .bool(let value) = PlainScalar(node) else {
            fail(node, path, "expected true or false, found \(describe(node))")
            return nil
        }
        return value
    }

    /// One word from a fixed list.
    func choice(_ node: Node, _ path: FieldPath, from choices: [String], what: String) -> String? {
        guard let value = string(node, path, expected: "one of \(choices.joined(separator: ", "))") else { return nil }
        guard choices.contains(value) else {
            fail(node, path, "unknown \(what) '\(value)'; expected one of \(choices.joined(separator: ", "))"
                     + Suggestion.hint(for: value, in: choices))
            return nil
        }
        return value
    }

    /// A list of strings; a single string counts as a list of one.
    func strings(_ node: Node, _ path: FieldPath, what: String = "a string or a list of strings") -> [String]? {
        if case .scalar = node { return string(node, path, expected: what).map { [$0] } }
        guard case .sequence(let sequence) = node else {
            fail(node, path, "expected \(what), found \(kindName(node))")
            return nil
        }
        let values = sequence.enumerated().map { string($0.element, path.index($0.offset)) }
        return values.contains(nil) ? nil : values.compactMap { $0 }
    }

    /// A regular expression, checked for syntax now rather than when the scenario runs.
    func pattern(_ node: Node, _ path: FieldPath) -> String? {
        guard let value = string(node, path, expected: "a regular expression") else { return nil }
        do {
            _ = try Regex(value)
        } catch {
            fail(node, path, "invalid regular expression /\(value)/: \(error)")
            return nil
        }
        return value
    }

    func patterns(_ node: Node, _ path: FieldPath) -> [String]? {
        guard let values = strings(node, path, what: "a regular expression or a list of them") else { return nil }
        var valid = true
        for (offset, value) in values.enumerated() where (try? Regex(value)) == nil {
            fail(node, path.index(offset), "invalid regular expression /\(value)/")
            valid = false
        }
        return valid ? values : nil
    }

    func isNull(_ node: Node) -> Bool { PlainScalar(node) == .null }

    func kindName(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar: return isNull(node) ? "nothing (null)" : "'\(Excerpt.of(node.scalar?.string ?? ""))'"
        }
    }

    private func describe(_ node: Node) -> String { kindName(node) }
}

struct MappingEntry {
    let key: String
    let keyNode: Node
    let value: Node
}

/// The checked fields of one mapping.
struct Fields {
    let node: Node
    let path: FieldPath
    var values: [String: MappingEntry] = [:]

    subscript(key: String) -> Node? { values[key]?.value }

    func path(_ key: String) -> FieldPath { path.key(key) }
}
