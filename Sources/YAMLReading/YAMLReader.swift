import Yams

/// The one reader of OrchLab's YAML files (topologies, scenarios, exercises): typed reads of composed
/// nodes that never stop at the first mistake but report each one with its line, column and field
/// path, so one run shows everything to fix. The wording of every type, key and choice error lives
/// here, so a slip reads the same in every kind of file.
///
/// Issues are kept in `issues`, or handed to `forward` as they are found (the topology loader puts
/// them in its own log, beside the problems its later checks find).
public final class YAMLReader {
    public let file: String
    public private(set) var issues: [YAMLIssue] = []
    private let forward: ((YAMLIssue) -> Void)?

    public init(file: String, forwardingTo forward: ((YAMLIssue) -> Void)? = nil) {
        self.file = file
        self.forward = forward
    }

    public var hasIssues: Bool { !issues.isEmpty }

    public func report(_ issue: YAMLIssue) {
        if let forward { forward(issue) } else { issues.append(issue) }
    }

    /// Reports a problem at `node` (the document's start when there is none).
    public func fail(_ node: Node?, _ path: YAMLPath, _ message: String, expected: String? = nil) {
        let (line, column) = node?.position ?? (1, 1)
        report(YAMLIssue(line: line, column: column, path: path.description, message: message, expected: expected))
    }

    /// `wrong type: found …`; always nil, so a read can return it.
    public func mistyped<T>(_ node: Node, _ path: @autoclosure () -> YAMLPath, expected: String) -> T? {
        fail(node, path(), "wrong type: found \(node.kindName)", expected: expected)
        return nil
    }

    // MARK: Scalars
    // Paths are taken unevaluated: most reads succeed, and a path is a string built for an error.

    /// Any scalar but null, as written (`5` reads as "5").
    public func string(_ node: Node, _ path: @autoclosure () -> YAMLPath, expected: String = "a string") -> String? {
        guard case .scalar(let scalar) = node, !node.isNull else { return mistyped(node, path(), expected: expected) }
        return scalar.string
    }

    /// A string with something other than white space in it.
    public func nonEmptyString(_ node: Node, _ path: @autoclosure () -> YAMLPath, expected: String = "a non-empty string") -> String? {
        guard let value = string(node, path(), expected: expected) else { return nil }
        guard !value.allSatisfy(\.isWhitespace) else {
            fail(node, path(), "found an empty string", expected: expected)
            return nil
        }
        return value
    }

    /// An integer from `minimum` to `maximum` (no upper bound when nil).
    public func int(_ node: Node, _ path: @autoclosure () -> YAMLPath, minimum: Int, maximum: Int? = nil) -> Int? {
        var expected: String { maximum.map { "an integer from \(minimum) to \($0)" } ?? "an integer ≥ \(minimum)" }
        guard case .int(let value) = YAMLScalar(node) else { return mistyped(node, path(), expected: expected) }
        guard value >= minimum, value <= maximum ?? .max else {
            fail(node, path(), "\(value) is out of range", expected: expected)
            return nil
        }
        return value
    }

    public func bool(_ node: Node, _ path: @autoclosure () -> YAMLPath) -> Bool? {
        guard case .bool(let value) = YAMLScalar(node) else { return mistyped(node, path(), expected: "true or false") }
        return value
    }

    /// One word from a fixed list; `what` names it in the error (`unknown status 'actve'`).
    public func choice(_ node: Node, _ path: @autoclosure () -> YAMLPath, from choices: [String], what: String) -> String? {
        var expected: String { "one of \(choices.joined(separator: ", "))" }
        guard case .scalar(let scalar) = node, !node.isNull else { return mistyped(node, path(), expected: expected) }
        let value = scalar.string
        guard choices.contains(value) else {
            fail(node, path(), "unknown \(what) '\(Excerpt.of(value))'" + Suggestion.hint(for: value, in: choices), expected: expected)
            return nil
        }
        return value
    }

    // MARK: Collections

    public func sequence(_ node: Node, _ path: @autoclosure () -> YAMLPath, expected: String = "a list") -> Node.Sequence? {
        guard case .sequence(let sequence) = node else { return mistyped(node, path(), expected: expected) }
        return sequence
    }

    /// A list of strings; a single string counts as a list of one.
    public func strings(_ node: Node, _ path: @autoclosure () -> YAMLPath, what: String = "a string or a list of strings") -> [String]? {
        if case .scalar = node { return string(node, path(), expected: what).map { [$0] } }
        guard let sequence = sequence(node, path(), expected: what) else { return nil }
        var values: [String] = []
        values.reserveCapacity(sequence.count)
        var valid = true
        for (offset, element) in sequence.enumerated() {
            if let value = string(element, path().index(offset)) { values.append(value) } else { valid = false }
        }
        return valid ? values : nil
    }

    /// A mapping's entries in file order (merge keys resolved), every key a plain scalar; nil (and an
    /// issue) when `node` is not a mapping. `expected` names what the mapping is for the error.
    public func entries(_ node: Node, _ path: YAMLPath, expected: String = "a mapping") -> [YAMLMapping.Entry]? {
        guard case .mapping(let mapping) = node else { return mistyped(node, path, expected: expected) }
        let resolved = MergeKeys.resolving(mapping)
        var entries: [YAMLMapping.Entry] = []
        entries.reserveCapacity(resolved.count)
        for (key, value) in resolved {
            guard case .scalar(let scalar) = key else {
                fail(key, path, "wrong type of key: found \(key.kindName)", expected: "a plain word")
                continue
            }
            entries.append(YAMLMapping.Entry(key: scalar.string, keyNode: key, value: value))
        }
        return entries
    }

    /// A mapping checked against its keys: each key outside `keys` is reported with a did-you-mean
    /// (or with `misplaced`'s note, when that knows where the key belongs), and each of `required`
    /// that is absent is reported as missing. With `keys` nil (formats of other tools) every key is
    /// taken and null values count as not set. `what` names the mapping in the errors (`in check`).
    public func mapping(
        _ node: Node, _ path: YAMLPath, keys: [String]?, required: [String] = [], what: String? = nil,
        misplaced: (String) -> String? = { _ in nil }
    ) -> YAMLMapping? {
        // The texts below are built only for an error: this runs for every mapping of every file.
        guard case .mapping = node else {
            let expected = what.map { "a \($0)" } ?? keys.map { "a mapping with keys \(Suggestion.list($0))" } ?? "a mapping"
            return mistyped(node, path, expected: expected)
        }
        guard var entries = entries(node, path) else { return nil }
        var context: String { what.map { " in \($0)" } ?? "" }
        if let keys {
            entries.removeAll { entry in
                guard !keys.contains(entry.key) else { return false }
                if let note = misplaced(entry.key) {
                    fail(entry.keyNode, path.key(entry.key), note)
                } else {
                    fail(entry.keyNode, path.key(entry.key),
                         "unknown key '\(Excerpt.of(entry.key))'\(context)" + Suggestion.hint(for: entry.key, in: keys),
                         expected: "one of \(Suggestion.list(keys, limit: 20))")
                }
                return true
            }
        } else {
            entries.removeAll { $0.value.isNull }
        }
        for key in required where !entries.contains(where: { $0.key == key }) {
            fail(node, path.key(key), "missing required key '\(key)'\(context)")
        }
        return YAMLMapping(reader: self, node: node, path: path, entries: entries)
    }
}
