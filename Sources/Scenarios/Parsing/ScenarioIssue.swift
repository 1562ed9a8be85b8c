/// One problem in a scenario or exercise file: where, which field, and what was expected.
public struct ScenarioIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    /// The field path inside the file, e.g. `actions[2].form[0].router_a`.
    public var field: String
    public var message: String

    public init(location: SourceLocation, field: String, message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    public var description: String { "\(location): \(field.isEmpty ? "" : "\(field): ")\(message)" }
}

/// A file that cannot be used as written: every problem found in it, in file order.
public struct ScenarioFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var issues: [ScenarioIssue]

    public init(issues: [ScenarioIssue]) {
        self.issues = issues.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
