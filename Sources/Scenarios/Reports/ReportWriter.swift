import Foundation

/// Writes every report of a run into one folder.
public struct ReportWriter: Sendable {
    public static let defaultDirectory = "reports"
    public static let fileNames = (junit: "junit.xml", json: "results.json", markdown: "summary.md", html: "report.html")

    public let directory: String

    public init(directory: String = ReportWriter.defaultDirectory) {
        self.directory = directory
    }

    /// - Returns: the paths written.
    @discardableResult
    public func write(_ results: [ScenarioResult]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = [
            (Self.fileNames.junit, JUnitReport(results: results).render()),
            (Self.fileNames.json, try JSONReport(results: results).render() + "\n"),
            (Self.fileNames.markdown, MarkdownReport(results: results).render()),
            (Self.fileNames.html, try HTMLReport(results: results).render()),
        ]
        return try files.map { name, text in
            let path = (directory as NSString).appendingPathComponent(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }
}
