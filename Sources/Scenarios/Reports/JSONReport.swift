import Foundation

/// `results.json`: the versioned, machine-readable result of a run.
public struct JSONReport: Encodable {
    /// Bumped on any change a reader of the file must know about.
    public static let formatVersion = 1

    public let formatVersion = JSONReport.formatVersion
    public let tool = "orchlab"
    public let summary: RunSummary
    public let scenarios: [ScenarioResult]

    public init(results: [ScenarioResult]) {
        summary = RunSummary(results)
        scenarios = results
    }

    public func render(pretty: Bool = true) throws -> String {
        String(decoding: try Self.encode(self, pretty: pretty), as: UTF8.self)
    }

    /// Snake-case keys in sorted order, so equal results give equal bytes.
    static func encode<T: Encodable>(_ value: T, pretty: Bool, escapeSlashes: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var formatting: JSONEncoder.OutputFormatting = [.sortedKeys]
        if pretty { formatting.insert(.prettyPrinted) }
        if !escapeSlashes { formatting.insert(.withoutEscapingSlashes) }
        encoder.outputFormatting = formatting
        return try encoder.encode(value)
    }
}
