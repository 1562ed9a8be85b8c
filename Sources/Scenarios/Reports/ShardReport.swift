import Foundation

/// One shard's `results.json`, read back with its bounds checked before it costs anything.
public struct ShardReport: Sendable {
    /// The folder it was read from, which every error names.
    public let directory: String
    public let suite: SuiteIdentity
    public let shard: Shard
    public let results: [ScenarioResult]

    public var file: String { Self.file(in: directory) }

    static func file(in directory: String) -> String {
        (directory as NSString).appendingPathComponent(ReportWriter.fileNames.json)
    }

    /// - Parameter maximumBytes: the file's size limit (`ReportMergeLimits.maximumFileBytes`).
    public init(directory: String, maximumBytes: Int = ReportMergeLimits.maximumFileBytes,
                maximumScenarios: Int = ReportMergeLimits.maximumScenarios) throws(ReportMergeError) {
        let file = Self.file(in: directory)
        let data = try Self.read(file, maximumBytes: maximumBytes)
        let report: JSONReport
        do {
            report = try JSONReport.decode(data)
        } catch let error as DecodingError {
            throw ReportMergeError(file: file, Self.describe(error))
        } catch {
            throw ReportMergeError(file: file, "not an OrchLab results file: \(error.localizedDescription)")
        }
        guard report.tool == "orchlab" else { throw ReportMergeError(file: file, "written by '\(report.tool)', not orchlab") }
        guard report.formatVersion <= JSONReport.formatVersion else {
            throw ReportMergeError(file: file, "format_version \(report.formatVersion) is newer than this orchlab reads (\(JSONReport.formatVersion)); merge with the orchlab that ran the shards")
        }
        guard let suite = report.suite else {
            throw ReportMergeError(file: file, "no 'suite' field: written by an orchlab older than report merging; rerun the shard")
        }
        guard suite.scenarios <= maximumScenarios else {
            throw ReportMergeError(file: file, "its suite has \(suite.scenarios) scenarios, over the limit of \(maximumScenarios)")
        }
        let shard = report.shard ?? Shard(index: 1, count: 1)!
        guard report.scenarios.count == shard.size(ofSuite: suite.scenarios) else {
            throw ReportMergeError(file: file, "shard \(shard) of a suite of \(suite.scenarios) holds \(shard.size(ofSuite: suite.scenarios)) scenarios, but the file has \(report.scenarios.count)")
        }
        self.directory = directory
        self.suite = suite
        self.shard = shard
        results = report.scenarios
    }

    /// The size of what `file` is or links to (report files are links into the current set).
    static func size(of file: String) -> Int {
        var status = stat()
        return stat(file, &status) == 0 ? Int(status.st_size) : 0
    }

    /// The file's bytes, refused unread when it is larger than `maximumBytes`.
    static func read(_ file: String, maximumBytes: Int) throws(ReportMergeError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            let folder = (file as NSString).deletingLastPathComponent
            throw ReportMergeError(file: file, FileManager.default.fileExists(atPath: folder)
                ? "no such file: \(folder) holds no results.json (did that shard's run finish and its reports get downloaded?)"
                : "no such file: the folder \(folder) does not exist")
        }
        guard !isDirectory.boolValue else { throw ReportMergeError(file: file, "is a folder, not a file") }
        let size = Self.size(of: file)
        guard size <= maximumBytes else { throw ReportMergeError(file: file, "\(size) bytes, over the limit of \(maximumBytes)") }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw ReportMergeError(file: file, "cannot be read") }
        defer { try? handle.close() }
        // Read at most one byte past the limit, in case the file grew after it was measured.
        guard let data = try? handle.read(upToCount: maximumBytes + 1) ?? Data() else {
            throw ReportMergeError(file: file, "cannot be read")
        }
        guard data.count <= maximumBytes else { throw ReportMergeError(file: file, "over the limit of \(maximumBytes) bytes") }
        return data
    }

    /// `scenarios[3].status: …`, the field a decoding error is at.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text + (text.isEmpty ? "" : ".") + key.stringValue.snakeCased
            }
            return text.isEmpty ? "" : text + ": "
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)"
                : path(context.codingPath) + context.debugDescription
        case .keyNotFound(let key, let context):
            return path(context.codingPath + [key]) + "missing"
        case .typeMismatch(let type, let context):
            return path(context.codingPath) + "expected \(type)"
        case .valueNotFound(let type, let context):
            return path(context.codingPath) + "expected \(type), found null"
        @unknown default:
            return "\(error)"
        }
    }
}

private extension String {
    /// `durationSeconds` → `duration_seconds`, the key as the file spells it.
    var snakeCased: String {
        reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }
}

/// A shard's reports that cannot be merged, naming the file at fault.
public struct ReportMergeError: Error, Sendable, CustomStringConvertible {
    public let file: String?
    public let message: String

    public init(file: String?, _ message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { (file.map { "\($0): " } ?? "") + message }
}
