import Yams
import YAMLReading

extension YAMLMapping {
    /// Where the object and each of its fields were written, and which fields were unusable, for the
    /// checks made after parsing.
    var origin: Origin {
        var origin = Origin(path: path.description, location: node.location)
        for entry in entries { origin.fieldLocations[entry.key] = entry.value.location }
        origin.invalidFields = invalidKeys
        return origin
    }

    /// Every integer of a topology is bounded before anything adds to it (`first_interface_id` + offset…).
    mutating func int(_ key: String) -> Int? {
        int(key, minimum: 1, maximum: TopologyLimits.maximumInteger)
    }
}

extension Node {
    var location: TopologyLocation {
        mark.map { TopologyLocation(line: $0.line, column: $0.column) } ?? .unknown
    }
}

extension YAMLReader.Limits {
    static let topology = YAMLReader.Limits(
        maximumBytes: TopologyLimits.maximumFileBytes, maximumNodes: TopologyLimits.maximumYAMLNodes,
        maximumAliasedNodes: TopologyLimits.maximumAliasedYAMLNodes)
}
