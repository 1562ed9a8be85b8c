import Dispatch
import Foundation
import Synchronization

/// Writes every report of a run into one folder.
public struct ReportWriter: Sendable {
    public static let defaultDirectory = "reports"
    public static let fileNames = (junit: "junit.xml", json: "results.json", markdown: "summary.md", html: "report.html")

    public let directory: String

    public init(directory: String = ReportWriter.defaultDirectory) {
        self.directory = directory
    }

    /// Renders the four reports side by side (JSON encoding dominates, twice) and writes them.
    /// - Returns: the paths written.
    @discardableResult
    public func write(_ results: [ScenarioResult]) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let renderers: [(String, @Sendable () throws -> String)] = [
            (Self.fileNames.junit, { JUnitReport(results: results).render() }),
            (Self.fileNames.json, { try JSONReport(results: results).render() + "\n" }),
            (Self.fileNames.markdown, { MarkdownReport(results: results).render() }),
            (Self.fileNames.html, { try HTMLReport(results: results).render() }),
        ]
        let outcomes = Mutex([Result<String, any Error>?](repeating: nil, count: renderers.count))
        DispatchQueue.concurrentPerform(iterations: renderers.count) { index in
            let (name, render) = renderers[index]
            let path = (directory as NSString).appendingPathComponent(name)
            let outcome = Result { () throws -> String in
                try render().write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
            outcomes.withLock { $0[index] = outcome }
        }
        return try outcomes.withLock { $0 }.map { try $0!.get() }
    }
}
