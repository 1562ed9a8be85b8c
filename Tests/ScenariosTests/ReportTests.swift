import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Scenarios

@Suite struct ReportTests {
    @Test func junitIsValidXMLWithSuitesCasesFilesAndLines() throws {
        let results = SyntheticResults.make(count: 4, failingEvery: 2)
        let xml = JUnitReport(results: results).render()
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "20")
        #expect(root.attribute(forName: "failures")?.stringValue == "2")
        let suites = try root.nodes(forXPath: "testsuite") as! [XMLElement]
        #expect(suites.count == 4)
        #expect(suites[0].attribute(forName: "file")?.stringValue == "Scenarios/generated/s0.yaml")
        let failures = try root.nodes(forXPath: "//testcase[failure]") as! [XMLElement]
        #expect(failures.count == 2)
        let failing = failures[0]
        #expect(failing.attribute(forName: "name")?.stringValue == "check 2")
        #expect(failing.attribute(forName: "line")?.stringValue == "16")
        #expect(failing.attribute(forName: "file")?.stringValue == "Scenarios/generated/s0.yaml")
        let failure = try #require(failing.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "type")?.stringValue == "assertion")
        #expect(failure.attribute(forName: "message")?.stringValue == "the circuit must be up")
        #expect(failure.stringValue == "expected: NetBox device loc1-core has status active\nactual: planned <unexpected> & \"quoted\"")
    }

    @Test func junitEscapesEverythingAndMarksSkipsAndErrors() throws {
        var results = SyntheticResults.make(count: 3)
        results[0].name = "a <b> & \"c\" 'd'\u{1}"
        results[1].error = "crashed:\n<stack>"
        results[2].skipReason = "not run: --fail-fast"
        let document = try XMLDocument(xmlString: JUnitReport(results: results).render(), options: [])
        let root = try #require(document.rootElement())
        let suites = try root.nodes(forXPath: "testsuite") as! [XMLElement]
        #expect(suites[0].attribute(forName: "name")?.stringValue == "a <b> & \"c\" 'd'\u{FFFD}")
        #expect(try root.nodes(forXPath: "//testcase/error").count == 1)
        #expect(try root.nodes(forXPath: "//testcase/skipped").count == 1)
        #expect(root.attribute(forName: "errors")?.stringValue == "1")
        #expect(root.attribute(forName: "skipped")?.stringValue == "1")
    }

    @Test func jsonIsVersionedAndCarriesExpectedAndActual() throws {
        let text = try JSONReport(results: SyntheticResults.make(count: 3, failingEvery: 3)).render()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["format_version"] as? Int == 1)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["total"] as? Int == 3)
        #expect(summary["failed"] as? Int == 1)
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.map { $0["status"] as? String } == ["failed", "passed", "passed"])
        let assertions = try #require(scenarios[0]["assertions"] as? [[String: Any]])
        #expect(assertions[2]["actual"] as? String == "planned <unexpected> & \"quoted\"")
        #expect((assertions[2]["location"] as? [String: Any])?["line"] as? Int == 16)
        let diffs = try #require(scenarios[0]["config_diffs"] as? [[String: Any]])
        #expect((diffs[0]["unified_diff"] as? String)?.contains("+interface 1/1/c2/1") == true)
        #expect(diffs[0]["before"] == nil, "whole configs stay out of reports")
        #expect(text == (try JSONReport(results: SyntheticResults.make(count: 3, failingEvery: 3)).render()), "byte-stable")
    }

    @Test func markdownListsFailuresWithExpectedAndActual() {
        let text = MarkdownReport(results: SyntheticResults.make(count: 2, failingEvery: 2)).render()
        #expect(text.contains("❌ **2 scenarios: 1 passed, 1 failed, 0 errors, 0 skipped**"))
        #expect(text.contains("| ❌ | generated scenario 0 | `Scenarios/generated/s0.yaml` | 4/5 |"))
        #expect(text.contains("- `Scenarios/generated/s0.yaml:16` assertion **check 2**: the circuit must be up"))
        #expect(text.contains("  expected:\n  ```\n  NetBox device loc1-core has status active\n  ```"))
        #expect(text.contains("  planned <unexpected> & \"quoted\""))
        let large = MarkdownReport(results: SyntheticResults.make(count: 300, failingEvery: 100)).render()
        #expect(large.contains("297 passing scenarios not listed."))
    }

    @Test func htmlShowsTheFailureAndEmbedsParseableData() throws {
        let html = try HTMLReport(results: SyntheticResults.make(count: 3, failingEvery: 3)).render()
        #expect(html.contains("<p id=\"summary\" class=\"summary failed\">3 scenarios: 2 passed, 1 failed, 0 errors, 0 skipped</p>"))
        #expect(html.contains("<pre class=\"expected\">NetBox device loc1-core has status active</pre>"))
        #expect(html.contains("<pre class=\"actual\">planned &lt;unexpected&gt; &amp; &quot;quoted&quot;</pre>"))
        #expect(!html.contains("src=\"") && !html.contains("href=\"") && !html.contains("<link"), "nothing is fetched")
        let start = try #require(html.range(of: "<script id=\"orchlab-data\" type=\"application/json\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let embedded = String(html[start.upperBound..<end.lowerBound])
        let data = try #require(try JSONSerialization.jsonObject(with: Data(embedded.utf8)) as? [[String: Any]])
        #expect(data.count == 3)
        #expect(data[0]["status"] as? String == "failed")
    }

    @Test func htmlEmbeddedDataCannotCloseItsScript() throws {
        var results = SyntheticResults.make(count: 1)
        results[0].name = "</script><script>alert(1)</script>"
        let html = try HTMLReport(results: results).render()
        #expect(!html.contains("</script><script>alert(1)"))
        #expect(html.contains("&lt;/script&gt;"))
    }

    @Test func htmlOfAThousandScenariosStaysSmall() throws {
        let html = try HTMLReport(results: SyntheticResults.make(count: 1_000, failingEvery: 50)).render()
        let bytes = html.utf8.count
        // Details are rendered on demand from compact JSON: about 3 KB per scenario here.
        #expect(bytes < 4_000_000, "report is \(bytes) bytes")
        #expect(bytes > 1_000_000, "every scenario's details are embedded")
        #expect(html.components(separatedBy: "<article class=\"failure\"").count - 1 == 20)
        #expect(html.components(separatedBy: "<tr class=\"row ").count - 1 == 1_000)
    }

    @Test func writerPutsAllFourReportsInTheFolder() throws {
        let workspace = try TestWorkspace()
        let files = try ReportWriter(directory: workspace.path("out/reports")).write(SyntheticResults.make(count: 2))
        #expect(files.map { ($0 as NSString).lastPathComponent } == ["junit.xml", "results.json", "summary.md", "report.html"])
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }
}
