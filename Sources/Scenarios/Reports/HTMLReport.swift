import Foundation

/// One self-contained HTML page (inline CSS and script, nothing fetched): counts, every failure
/// with expected and actual, and a table of scenarios whose details (process timelines,
/// assertions, config diffs, topology drawing) the script renders from embedded JSON only when
/// a row is opened, so a report of thousands of scenarios opens quickly.
public struct HTMLReport {
    /// Failing scenarios written out in full at the top; the rest are reachable through the table.
    static let failureListLimit = 100

    public let results: [ScenarioResult]
    public let title: String

    public init(results: [ScenarioResult], title: String = "OrchLab scenario report") {
        self.results = results
        self.title = title
    }

    public func render() throws -> String {
        let summary = RunSummary(results)
        var html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(HTMLAssets.css)</style>
        </head>
        <body>
        <header>
        <h1>\(escape(title))</h1>
        <p id="summary" class="summary \(summary.allPassed ? "passed" : "failed")">\(escape(summary.sentence))</p>
        <div class="cards">\(card("passed", summary.passed))\(card("failed", summary.failed))\(card("error", summary.errors))\(card("skipped", summary.skipped))</div>
        </header>

        """
        html += failureSection()
        html += scenarioTable()
        // Slashes stay escaped (`<\/`), so no string in the data can close the script element.
        let data = String(decoding: try JSONReport.encode(results, pretty: false, escapeSlashes: true), as: UTF8.self)
        html += "<script id=\"orchlab-data\" type=\"application/json\">\(data)</script>\n"
        html += "<script>\(HTMLAssets.script)</script>\n</body>\n</html>\n"
        return html
    }

    private func card(_ status: String, _ count: Int) -> String {
        "<span class=\"card \(status)\"><b>\(count)</b> \(status)</span>"
    }

    private func failureSection() -> String {
        let failing = results.enumerated().filter { [.failed, .error].contains($0.element.status) }
        guard !failing.isEmpty else { return "" }
        var html = "<section id=\"failures\">\n<h2>Failures</h2>\n"
        for (index, result) in failing.prefix(Self.failureListLimit) {
            html += "<article class=\"failure\" data-index=\"\(index)\">\n"
            html += "<h3>\(escape(result.name)) <small>\(escape(result.file))</small></h3>\n"
            for failure in result.failures {
                html += "<div class=\"item\"><div class=\"where\">\(escape("\(failure.location.file):\(failure.location.line)")) · \(failure.kind.rawValue) <b>\(escape(failure.title))</b>"
                html += failure.message.map { " — \(escape($0))" } ?? ""
                html += "</div>\n"
                if let expected = failure.expected {
                    html += "<div class=\"pair\"><span>expected</span><pre class=\"expected\">\(escape(expected))</pre></div>\n"
                }
                if let actual = failure.actual {
                    html += "<div class=\"pair\"><span>actual</span><pre class=\"actual\">\(escape(actual))</pre></div>\n"
                }
                if let diff = failure.diff, !diff.isEmpty {
                    html += "<pre class=\"diff\">\(escape(diff))</pre>\n"
                }
                html += "</div>\n"
            }
            html += "</article>\n"
        }
        if failing.count > Self.failureListLimit {
            html += "<p class=\"more\">… and \(failing.count - Self.failureListLimit) more failing scenarios: filter the table by “failed”.</p>\n"
        }
        return html + "</section>\n"
    }

    private func scenarioTable() -> String {
        var html = """
        <section id="scenarios">
        <h2>Scenarios</h2>
        <div class="filters"><button data-filter="all" class="on">all</button><button data-filter="failed">failed</button><button data-filter="error">error</button><button data-filter="passed">passed</button><button data-filter="skipped">skipped</button><input id="search" type="search" placeholder="filter by name"></div>
        <table id="scenario-table"><thead><tr><th></th><th>Scenario</th><th>File</th><th>Assertions</th><th>Time</th></tr></thead>
        <tbody>

        """
        for (index, result) in results.enumerated() {
            let passed = result.assertions.count { $0.passed }
            html += "<tr class=\"row \(result.status.rawValue)\" data-index=\"\(index)\"><td><span class=\"badge \(result.status.rawValue)\">\(result.status.rawValue)</span></td><td>\(escape(result.name))</td><td>\(escape(result.file))</td><td>\(passed)/\(result.assertions.count)</td><td>\(ConsoleFormat.duration(result.durationSeconds))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    /// XML escaping is also valid HTML text and attribute escaping.
    private func escape(_ text: String) -> String { XMLText.escape(text) }
}
