import YAMLReading

/// Collects the diagnostics of one load. Shared by the parser and the compiler so that every problem
/// of a file is reported together.
final class DiagnosticLog {
    let file: String
    private(set) var diagnostics: [TopologyDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ origin: Origin, field: String? = nil, _ message: String, expected: String? = nil) {
        add(.error, origin, field: field, message, expected: expected)
    }

    func warning(_ origin: Origin, field: String? = nil, _ message: String, expected: String? = nil) {
        add(.warning, origin, field: field, message, expected: expected)
    }

    func error(at location: TopologyLocation, path: String, _ message: String, expected: String? = nil) {
        diagnostics.append(TopologyDiagnostic(
            severity: .error, file: file, location: location, path: path, message: message, expected: expected))
    }

    private func add(
        _ severity: TopologyDiagnostic.Severity, _ origin: Origin, field: String?, _ message: String, expected: String?
    ) {
        let location = field.map(origin.location(of:)) ?? origin.location
        let path = field.map(origin.path(of:)) ?? origin.path
        diagnostics.append(TopologyDiagnostic(
            severity: severity, file: file, location: location, path: path, message: message, expected: expected))
    }

    /// The reader of this load's file: its issues become errors in this log, in the order found.
    /// Unowned: the log owns the reader.
    private(set) lazy var yaml = YAMLReader(file: file) { [unowned self] issue in
        diagnostics.append(TopologyDiagnostic(
            severity: .error, file: file, location: TopologyLocation(line: issue.line, column: issue.column),
            path: issue.path, message: issue.message, expected: issue.expected))
    }

    /// Sorted by position; the sort is stable so problems found at one spot keep the order they were found in.
    func sorted() -> [TopologyDiagnostic] {
        diagnostics.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }
}
