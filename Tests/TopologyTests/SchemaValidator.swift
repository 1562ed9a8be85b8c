import Foundation

/// The subset of JSON Schema 2020-12 that `Topologies/schema.json` uses (type, properties,
/// additionalProperties, required, items, enum, oneOf, minimum, minItems, maxItems, pattern, local $ref),
/// enough to check a YAML document structurally. Returns one message per violation.
struct SchemaValidator {
    let root: [String: Any]

    func violations(of value: Any, against schema: [String: Any]? = nil, at path: String = "") -> [String] {
        var schema = schema ?? root
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            schema = (root["$defs"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        }
        var problems: [String] = []
        if let type = schema["type"] as? String, !matches(value, type) {
            return ["\(path): expected \(type), found \(value)"]
        }
        if let choices = schema["enum"] as? [String], !choices.contains(value as? String ?? "") {
            problems.append("\(path): \(value) not in \(choices)")
        }
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            let passing = alternatives.filter { violations(of: value, against: $0, at: path).isEmpty }
            if passing.count != 1 { problems.append("\(path): matches \(passing.count) of oneOf") }
        }
        if let minimum = schema["minimum"] as? Int, let number = value as? Int, number < minimum {
            problems.append("\(path): \(number) < \(minimum)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing \(key)")
            }
            for (key, child) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += violations(of: child, against: property, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += violations(of: child, against: extra, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { problems.append("\(path): too few items") }
            if let maximum = schema["maxItems"] as? Int, array.count > maximum { problems.append("\(path): too many items") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { problems += violations(of: item, against: items, at: "\(path)[\(index)]") }
            }
        }
        return problems
    }

    private func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "integer": return value is Int
        case "boolean": return value is Bool
        default: return true
        }
    }
}
