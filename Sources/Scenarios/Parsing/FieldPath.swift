/// A position inside a YAML document, written the way users see it: `actions[2].form[0].a_port`.
struct FieldPath: CustomStringConvertible {
    private(set) var description: String

    init(_ description: String = "") {
        self.description = description
    }

    func key(_ key: String) -> FieldPath {
        FieldPath(description.isEmpty ? key : "\(description).\(key)")
    }

    func index(_ index: Int) -> FieldPath {
        FieldPath("\(description)[\(index)]")
    }
}
