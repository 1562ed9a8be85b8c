/// One problem found while reading a YAML file: where (line and column from 1), which field, what
/// is wrong and, when there is one thing it should have been, what was expected. The topology and
/// scenario files turn it into their own diagnostics, so the same slip reads the same in both.
public struct YAMLIssue: Sendable, Equatable {
    public var line: Int
    public var column: Int
    /// Field path from the document root, e.g. `actions[3].fault`; empty for the document itself.
    public var path: String
    public var message: String
    public var expected: String?

    public init(line: Int, column: Int, path: String, message: String, expected: String? = nil) {
        self.line = line; self.column = column; self.path = path; self.message = message; self.expected = expected
    }

    /// The message with what was expected after it: `wrong type: found a list (expected a string)`.
    public var text: String {
        expected.map { "\(message) (expected \($0))" } ?? message
    }
}
