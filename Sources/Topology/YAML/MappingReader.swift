import Yams
import YAMLReading

/// Reads the fields of one YAML mapping with typed accessors; every wrong type, missing field or
/// unknown key becomes a diagnostic naming the field's line and path.
struct MappingReader {
    /// Fields by key: Yams' own lookup compares keys as nodes, resolving tags each time, which is slow.
    private var fields: [String: Node] = [:]
    private(set) var origin: Origin
    let log: DiagnosticLog

    /// Nil (after logging) when `node` is not a mapping. Unknown keys are reported with a did-you-mean,
    /// unless `keys` is nil (formats from other tools, whose extra fields are simply not imported).
    init?(_ node: Node, path: String, keys: [String]?, log: DiagnosticLog) {
        self.log = log
        let origin = Origin(path: path, location: node.location)
        guard let mapping = node.mapping.map(MergeKeys.resolving) else {
            log.error(origin, "expected a mapping, found \(node.kindName)", expected: keys.map { "a mapping with keys \(Suggestion.list($0))" } ?? "a mapping")
            return nil
        }
        self.origin = origin
        for (key, value) in mapping {
            let name = key.string ?? ""
            fields[name] = value
            guard let keys else {
                self.origin.fieldLocations[name] = value.location
                continue
            }
            if keys.contains(name) {
                self.origin.fieldLocations[name] = value.location
            } else {
                log.error(
                    at: key.location, path: origin.path(of: name),
                    "unknown key '\(name)'\(Suggestion.hint(for: name, in: keys))", expected: "one of \(Suggestion.list(keys, limit: 20))")
            }
        }
    }

    func node(_ key: String) -> Node? {
        guard let value = fields[key], value.tagName != .null else { return nil }
        return value
    }

    mutating func string(_ key: String) -> String? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else { return invalid(key, value, expected: "a string") }
        return scalar.string
    }

    /// Integers are bounded before anything adds to them (`first_interface_id` + offset…).
    mutating func int(_ key: String, minimum: Int = 1) -> Int? {
        guard let value = node(key) else { return nil }
        let maximum = TopologyLimits.maximumInteger
        guard let number = value.int else { return invalid(key, value, expected: "an integer") }
        guard (minimum...maximum).contains(number) else {
            markInvalid(key)
            log.error(origin, field: key, "\(number) is out of range", expected: "an integer from \(minimum) to \(maximum)")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard value.tagName == .bool, let flag = value.bool else { return invalid(key, value, expected: "true or false") }
        return flag
    }

    mutating func sequence(_ key: String) -> [Node]? {
        guard let value = node(key) else { return nil }
        guard let sequence = value.sequence else { return invalid(key, value, expected: "a list") }
        return Array(sequence)
    }

    mutating func choice(_ key: String, in choices: [String]) -> String? {
        guard let value = string(key) else { return nil }
        guard choices.contains(value) else {
            markInvalid(key)
            log.error(
                origin, field: key, "'\(value)' is not a valid choice\(Suggestion.hint(for: value, in: choices))",
                expected: "one of \(choices.joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// A required field; reports it missing unless it is present but already reported invalid.
    mutating func required<T>(_ key: String, _ read: (inout MappingReader, String) -> T?) -> T? {
        if let value = read(&self, key) { return value }
        if !origin.isInvalid(key) { log.error(origin, field: key, "missing required field '\(key)'") }
        return nil
    }

    mutating func markInvalid(_ key: String) {
        origin.invalidFields.insert(key)
    }

    private mutating func invalid<T>(_ key: String, _ value: Node, expected: String) -> T? {
        markInvalid(key)
        log.error(origin, field: key, "wrong type: found \(value.kindName)", expected: expected)
        return nil
    }
}

extension Node {
    /// The resolved tag (`!!int`, `!!str`…) of the node.
    var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }

    var location: TopologyLocation {
        mark.map { TopologyLocation(line: $0.line, column: $0.column) } ?? .unknown
    }

    /// What the node is, in words, for "found …" messages.
    var kindName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch tagName {
            case .null: return "null"
            case .bool: return "a boolean '\(Excerpt.of(scalar.string))'"
            case .int: return "an integer \(Excerpt.of(scalar.string))"
            case .float: return "a number \(Excerpt.of(scalar.string))"
            default: return "a string '\(Excerpt.of(scalar.string))'"
            }
        }
    }
}
