// libyaml's event API, which Yams builds on but does not expose: only events let us count an alias
// before anything is expanded (Yams' duplicate-key check already hashes expanded keys while composing).
import CYaml

/// Counts a YAML text's nodes as a reader will see them, each alias as the nodes it stands for, and
/// refuses the text at the first alias (or node) that takes the count past a limit. It reads libyaml's
/// events and never builds a tree, so a 500-byte "billion laughs" costs microseconds, not minutes.
public enum YAMLNodeBudget {
    /// Where and why a text was refused; lines and columns count from 1.
    public struct Refusal: Error, Sendable, Equatable {
        public let line: Int
        public let column: Int
        public let message: String

        public init(line: Int, column: Int, message: String) {
            self.line = line; self.column = column; self.message = message
        }
    }

    /// Nil when the text stays within `maximumNodes` in all and `maximumAliasedNodes` reached through
    /// aliases (so a short file cannot cost what a long one does), or is not YAML at all (the composer
    /// reports that).
    public static func check(_ text: String, maximumNodes: Int, maximumAliasedNodes: Int? = nil) -> Refusal? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter(maximum: maximumNodes, maximumAliased: maximumAliasedNodes ?? .max)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch counter.take(event) {
                case .more: continue
                case .done: return nil
                case .refused(let refusal): return refusal
                }
            }
        }
    }

    /// The running count, and each open collection's and each anchor's size so far.
    private struct Counter {
        enum Step { case more, done, refused(Refusal) }

        let maximum: Int
        let maximumAliased: Int
        var total = 0
        var aliased = 0
        /// Nodes inside each open collection (itself included), and its anchor.
        var open: [(size: Int, anchor: String?)] = []
        var anchors: [String: Int] = [:]

        mutating func take(_ event: yaml_event_t) -> Step {
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]
            case YAML_SCALAR_EVENT:
                return add(1, anchor: Self.text(event.data.scalar.anchor), event)
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor) ?? ""
                // An undefined alias is left to the composer, which names it.
                guard let size = anchors[name] else { return .done }
                aliased += size
                guard aliased <= maximumAliased else {
                    return .refused(Refusal(
                        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                        message: "the alias *\(name) (\(size) nodes) takes the nodes reached through aliases past \(maximumAliased)"))
                }
                return add(size, anchor: nil, event, alias: name)
            case YAML_SEQUENCE_START_EVENT:
                return start(anchor: Self.text(event.data.sequence_start.anchor), event)
            case YAML_MAPPING_START_EVENT:
                return start(anchor: Self.text(event.data.mapping_start.anchor), event)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { return .done }
                if let anchor = collection.anchor { anchors[anchor] = collection.size }
                if !open.isEmpty { open[open.count - 1].size += collection.size }
            default:
                break
            }
            return .more
        }

        private mutating func start(anchor: String?, _ event: yaml_event_t) -> Step {
            if case .refused(let refusal) = count(1, event, alias: nil) { return .refused(refusal) }
            open.append((1, anchor))
            return .more
        }

        private mutating func add(_ size: Int, anchor: String?, _ event: yaml_event_t, alias: String? = nil) -> Step {
            if case .refused(let refusal) = count(size, event, alias: alias) { return .refused(refusal) }
            if let anchor { anchors[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
            return .more
        }

        /// Sizes never exceed the running totals, which stop at their maximums: no overflow is possible.
        private mutating func count(_ size: Int, _ event: yaml_event_t, alias: String?) -> Step {
            total += size
            guard total > maximum else { return .more }
            let what = alias.map { "the alias *\($0) (\(size) nodes)" } ?? "this node"
            return .refused(Refusal(
                line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1,
                message: "\(what) takes the document past \(maximum) YAML nodes once aliases are expanded"))
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
