/// A position inside a YAML document, written the way users see it: `actions[2].form[0].a_port`,
/// `devices[1].interfaces[0].name`. The empty path is the document itself.
public struct YAMLPath: CustomStringConvertible, Sendable, Hashable {
    public private(set) var description: String

    public init(_ description: String = "") {
        self.description = description
    }

    public func key(_ key: String) -> YAMLPath {
        YAMLPath(description.isEmpty ? key : "\(description).\(key)")
    }

    public func index(_ index: Int) -> YAMLPath {
        YAMLPath("\(description)[\(index)]")
    }
}
