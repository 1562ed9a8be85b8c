import Yams

/// The checked fields of one mapping (see `YAMLReader.mapping`), with reads by key that report through
/// the reader at the field's own line and path. A field read and found unusable is remembered in
/// `invalidKeys`, so that later checks can stay quiet about it instead of also calling it missing.
public struct YAMLMapping {
    /// One field as written: its name, the key's node (where "unknown key" points) and its value.
    public struct Entry {
        public let key: String
        public let keyNode: Node
        public let value: Node
    }

    public let reader: YAMLReader
    public let node: Node
    public let path: YAMLPath
    /// The known fields in file order. A short array: mappings have a handful of keys, and a linear
    /// search beats building a dictionary for each.
    public let entries: [Entry]
    public private(set) var invalidKeys: Set<String> = []

    init(reader: YAMLReader, node: Node, path: YAMLPath, entries: [Entry]) {
        self.reader = reader; self.node = node; self.path = path; self.entries = entries
    }

    public subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    public func path(_ key: String) -> YAMLPath { path.key(key) }

    public mutating func markInvalid(_ key: String) {
        invalidKeys.insert(key)
    }

    // Typed reads by key: nil when the field is absent or (after an issue) unusable.

    public mutating func string(_ key: String, expected: String = "a string") -> String? {
        read(key) { $0.string($1, $2(), expected: expected) }
    }

    public mutating func nonEmptyString(_ key: String, expected: String = "a non-empty string") -> String? {
        read(key) { $0.nonEmptyString($1, $2(), expected: expected) }
    }

    public mutating func int(_ key: String, minimum: Int, maximum: Int? = nil) -> Int? {
        read(key) { $0.int($1, $2(), minimum: minimum, maximum: maximum) }
    }

    public mutating func bool(_ key: String) -> Bool? {
        read(key) { $0.bool($1, $2()) }
    }

    public mutating func sequence(_ key: String, expected: String = "a list") -> Node.Sequence? {
        read(key) { $0.sequence($1, $2(), expected: expected) }
    }

    public mutating func choice(_ key: String, from choices: [String], what: String? = nil) -> String? {
        read(key) { $0.choice($1, $2(), from: choices, what: what ?? key) }
    }

    private mutating func read<T>(_ key: String, _ read: (YAMLReader, Node, @autoclosure () -> YAMLPath) -> T?) -> T? {
        guard let value = self[key] else { return nil }
        guard let result = read(reader, value, path(key)) else {
            markInvalid(key)
            return nil
        }
        return result
    }
}
