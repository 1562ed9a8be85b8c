import Foundation

/// `results.json`: the versioned, machine-readable result of a run. It carries everything the
/// other reports are rendered from, so `orchlab report merge` can rebuild them from it.
public struct JSONReport: Codable {
    /// Bumped on any change a reader of the file must know about. Fields added without a bump
    /// (`suite`, `shard`) are optional to a reader, so older files still read.
    public static let formatVersion = 1

    public let formatVersion: Int
    public let tool: String
    public let summary: RunSummary
    /// The suite the run was cut from (absent in files written before report merging existed).
    public let suite: SuiteIdentity?
    /// Set when the run was one shard of the suite.
    public let shard: Shard?
    public let scenarios: [ScenarioResult]

    /// - Parameter suite: the suite `results` are a shard of; by default `results` are the whole suite.
    public init(results: [ScenarioResult], suite: SuiteIdentity? = nil, shard: Shard? = nil) {
        formatVersion = Self.formatVersion
        tool = "orchlab"
        summary = RunSummary(results)
        self.suite = suite ?? SuiteIdentity(results: results)
        self.shard = shard
        scenarios = results
    }

    public func render(pretty: Bool = true) throws -> String {
        String(decoding: try Self.encode(self, pretty: pretty), as: UTF8.self)
    }

    /// Reads a rendered report back: the inverse of `render` (config diffs come back as their
    /// diff only, see `RouterConfigDiff`).
    public static func decode(_ data: Data) throws -> JSONReport {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(JSONReport.self, from: data)
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
