import Foundation
import Testing
@testable import Scenarios

/// Renders a report with a failing scenario in headless Chromium and reads the resulting DOM, so
/// the page's script is known to run and show the failure. `.ci/check-html-report.sh` does the
/// same from the shell; with `ORCHLAB_HTML_REPORT_DIR` set this test leaves its report there.
@Suite struct HTMLBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install -y chromium); the browser check is skipped"))
    func chromiumRendersSummaryAndFailure() throws {
        let workspace = try TestWorkspace()
        let directory = ProcessInfo.processInfo.environment["ORCHLAB_HTML_REPORT_DIR"] ?? workspace.path("reports")
        try ReportWriter(directory: directory).write(SyntheticResults.make(count: 12, failingEvery: 5))
        let report = (directory as NSString).appendingPathComponent(ReportWriter.fileNames.html)

        let dom = try dumpDOM(of: report, chromium: try #require(Self.chromium), profile: workspace.path("chromium-profile"))
        #expect(dom.contains("data-ready=\"true\""), "the report's script ran")
        #expect(dom.contains("12 scenarios: 9 passed, 3 failed, 0 errors, 0 skipped"))
        #expect(dom.contains("<pre class=\"expected\">NetBox device loc1-core has status active</pre>"))
        #expect(dom.contains("<pre class=\"actual\">planned &lt;unexpected&gt; &amp; \"quoted\"</pre>"))
        // The first failing scenario opens by itself: its timeline and topology were drawn.
        #expect(dom.contains("<ol class=\"timeline\">"))
        #expect(dom.contains("<svg class=\"topology\""))
        #expect(dom.contains("+interface 1/1/c2/1"))
    }

    private func dumpDOM(of file: String, chromium: String, profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                             "--dump-dom", URL(fileURLWithPath: file).absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }
}
