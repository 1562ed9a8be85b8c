/// A line and column in a topology file, both counted from 1; 0 when the object was not read from
/// a file (generated or built in code).
public struct TopologyLocation: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line; self.column = column
    }
    public static let unknown = TopologyLocation(line: 0, column: 0)
    public static func < (lhs: TopologyLocation, rhs: TopologyLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found in a topology: where it is, which field, what is wrong and what was expected.
public struct TopologyDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var location: TopologyLocation
    /// Field path from the document root, e.g. `devices[2].site` (indices count from 0).
    public var path: String
    public var message: String
    public var expected: String?

    public init(
        severity: Severity, file: String, location: TopologyLocation, path: String, message: String, expected: String? = nil
    ) {
        self.severity = severity; self.file = file; self.location = location; self.path = path
        self.message = message; self.expected = expected
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    /// `FILE:LINE:COL: error: field: message (expected …)`, the format compilers use so editors can jump to it.
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(path.isEmpty ? "(document)" : path): \(message)"
        if let expected { text += " (expected \(expected))" }
        return text
    }
}

/// A topology that cannot be loaded. It carries every diagnostic found (errors and warnings, sorted by
/// line), so one run shows everything to fix.
public struct TopologyError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [TopologyDiagnostic]
    public init(diagnostics: [TopologyDiagnostic]) {
        self.diagnostics = diagnostics
    }
    public var errors: [TopologyDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [TopologyDiagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
