import Yams

extension Node {
    /// What the node is, in words, for `found …` messages; scalars are typed as `YAMLScalar` reads them.
    public var kindName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch YAMLScalar(self) {
            case .null: return "nothing (null)"
            case .bool: return "a boolean '\(Excerpt.of(scalar.string))'"
            case .int: return "an integer \(Excerpt.of(scalar.string))"
            case .double: return "a number \(Excerpt.of(scalar.string))"
            case .string: return "a string '\(Excerpt.of(scalar.string))'"
            }
        }
    }

    /// Line and column from 1; the first character when the node carries no mark.
    public var position: (line: Int, column: Int) {
        (mark?.line ?? 1, mark?.column ?? 1)
    }

    public var isNull: Bool { YAMLScalar(self) == .null }
}
