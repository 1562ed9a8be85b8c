import Yams
import YAMLReading

/// Turns YAML text into a node tree, or one diagnostic at the position libyaml gave up (or at the
/// alias that takes it past `TopologyLimits`' node counts, or for text past the file limit).
enum YAMLDocument {
    static func compose(_ text: String, log: DiagnosticLog) -> Node? {
        // Text given directly (not read from a file) meets the file's limit here.
        guard text.utf8.count <= TopologyLimits.maximumFileBytes else {
            log.error(
                at: TopologyLocation(line: 1, column: 1), path: "",
                BoundedFile.Failure.tooLarge(maximumBytes: TopologyLimits.maximumFileBytes).description)
            return nil
        }
        if let refusal = YAMLNodeBudget.check(
            text, maximumNodes: TopologyLimits.maximumYAMLNodes, maximumAliasedNodes: TopologyLimits.maximumAliasedYAMLNodes) {
            log.error(at: TopologyLocation(line: refusal.line, column: refusal.column), path: "", refusal.message)
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                log.error(at: TopologyLocation(line: 1, column: 1), path: "", "the file is empty", expected: "a YAML mapping")
                return nil
            }
            return root
        } catch let error as YamlError {
            let (location, message) = describe(error)
            log.error(at: location, path: "", message)
            return nil
        } catch {
            log.error(at: TopologyLocation(line: 1, column: 1), path: "", "not readable as YAML: \(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (TopologyLocation, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return (TopologyLocation(line: mark.line, column: mark.column), "invalid YAML: \(text)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return (
                TopologyLocation(line: context.mark.line, column: context.mark.column),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return (TopologyLocation(line: 1, column: 1), "invalid YAML: \(error)")
        }
    }
}
