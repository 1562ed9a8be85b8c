import Yams

extension YAMLReader {
    /// What one kind of file may hold, checked before Yams builds anything.
    public struct Limits: Sendable {
        public var maximumBytes: Int
        public var maximumNodes: Int
        public var maximumAliasedNodes: Int?

        public init(maximumBytes: Int, maximumNodes: Int, maximumAliasedNodes: Int? = nil) {
            self.maximumBytes = maximumBytes; self.maximumNodes = maximumNodes; self.maximumAliasedNodes = maximumAliasedNodes
        }
    }

    /// The document's root node, or nil with one issue: text past the limits (at the alias or node
    /// that takes it past them), YAML syntax errors where libyaml gave up, duplicate keys, an empty file.
    /// Scalars are left untyped (`YAMLScalar` reads them), which keeps Yams' regular expressions off
    /// the hot path.
    public func compose(_ text: String, limits: Limits) -> Node? {
        // Text given directly (not read from a file) meets the file's limit here.
        guard text.utf8.count <= limits.maximumBytes else {
            fail(nil, YAMLPath(), BoundedFile.Failure.tooLarge(maximumBytes: limits.maximumBytes).description)
            return nil
        }
        if let refusal = YAMLNodeBudget.check(
            text, maximumNodes: limits.maximumNodes, maximumAliasedNodes: limits.maximumAliasedNodes) {
            report(YAMLIssue(line: refusal.line, column: refusal.column, path: "", message: refusal.message))
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text, .basic) else {
                fail(nil, YAMLPath(), "the file is empty", expected: "a YAML mapping")
                return nil
            }
            return root
        } catch let error as YamlError {
            report(Self.issue(error))
        } catch {
            fail(nil, YAMLPath(), "invalid YAML: \(error)")
        }
        return nil
    }

    private static func issue(_ error: YamlError) -> YAMLIssue {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return YAMLIssue(line: mark.line, column: mark.column, path: "", message: "invalid YAML: \(text)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return YAMLIssue(
                line: context.mark.line, column: context.mark.column, path: "",
                message: "duplicate key \(duplicates.map { "'\(Excerpt.of($0))'" }.joined(separator: ", ")) in one mapping")
        default:
            return YAMLIssue(line: 1, column: 1, path: "", message: "invalid YAML: \(error)")
        }
    }
}
