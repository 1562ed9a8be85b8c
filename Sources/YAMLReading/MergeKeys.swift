import Yams

/// YAML merge keys (`<<: *common`, or a list of aliases), resolved the same way for every file
/// OrchLab reads: the merged mappings' fields, unless the mapping sets them itself (the first
/// merged mapping wins over later ones).
public enum MergeKeys {
    public static func resolving(_ mapping: Node.Mapping) -> Node.Mapping {
        guard mapping.contains(where: { $0.key.string == "<<" }) else { return mapping }
        var pairs = mapping.filter { $0.key.string != "<<" }.map { ($0.key, $0.value) }
        // Keys compared by text, once each: comparing nodes pair by pair was quadratic in the fields merged.
        var present = Set(pairs.compactMap { $0.0.string })
        for (key, value) in mapping where key.string == "<<" {
            let sources = value.mapping.map { [$0] } ?? value.sequence?.compactMap(\.mapping) ?? []
            for (field, fieldValue) in sources.flatMap({ $0 }) {
                guard let name = field.string, present.insert(name).inserted else { continue }
                pairs.append((field, fieldValue))
            }
        }
        return Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark)
    }
}
