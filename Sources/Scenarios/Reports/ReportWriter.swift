import Foundation

/// Writes every report of a run into one folder.
public struct ReportWriter: Sendable {
    public static let defaultDirectory = "reports"
    public static let fileNames = (junit: "junit.xml", json: "results.json", markdown: "summary.md", html: "report.html")

    public let directory: String

    public init(directory: String = ReportWriter.defaultDirectory) {
        self.directory = directory
    }

    /// Creates the folder if needed and checks it is writable, before a run costs anything.
    public func prepare() throws(ReportFolder.Unwritable) {
        try ReportFolder(directory: directory).prepare()
    }

    /// Renders the four reports side by side (JSON encoding dominates, twice) and replaces the
    /// previous set with them as a whole (see `ReportFolder`).
    /// - Parameters:
    ///   - suite: the suite `results` are a shard of, recorded in `results.json`; by default
    ///     `results` are the whole suite.
    ///   - shard: which shard `results` are, recorded in `results.json` for `orchlab report merge`.
    /// - Returns: the paths written.
    @discardableResult
    public func write(_ results: [ScenarioResult], suite: SuiteIdentity? = nil, shard: Shard? = nil) throws(ReportFolder.Unwritable) -> [String] {
        let files: [ReportFolder.File] = [
            (Self.fileNames.junit, { JUnitReport(results: results).render() }),
            (Self.fileNames.json, { try JSONReport(results: results, suite: suite, shard: shard).render() + "\n" }),
            (Self.fileNames.markdown, { MarkdownReport(results: results).render() }),
            (Self.fileNames.html, { try HTMLReport(results: results).render() }),
        ]
        return try ReportFolder(directory: directory).publish(files)
    }
}
