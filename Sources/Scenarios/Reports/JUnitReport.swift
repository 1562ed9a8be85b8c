import Foundation

/// JUnit XML as GitHub, GitLab and Jenkins read it: a testsuite per scenario file, a testcase per
/// assertion (and per action expectation and snapshot), with file and line attributes.
public struct JUnitReport {
    public let results: [ScenarioResult]

    public init(results: [ScenarioResult]) {
        self.results = results
    }

    public func render() -> String {
        let suites = results.map { ($0, Self.cases(of: $0)) }
        let all = suites.flatMap(\.1)
        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites name=\"orchlab\" tests=\"\(all.count)\" failures=\"\(all.count { $0.outcome == .failure })\" errors=\"\(all.count { $0.outcome == .error })\" skipped=\"\(all.count { $0.outcome == .skipped })\" time=\"\(seconds(RunSummary(results).durationSeconds))\">")
        for (result, cases) in suites {
            xml.append("  <testsuite name=\(attr(result.name)) tests=\"\(cases.count)\" failures=\"\(cases.count { $0.outcome == .failure })\" errors=\"\(cases.count { $0.outcome == .error })\" skipped=\"\(cases.count { $0.outcome == .skipped })\" time=\"\(seconds(result.durationSeconds))\" file=\(attr(result.file))>")
            xml.append("    <properties>")
            xml.append("      <property name=\"workflows\" value=\(attr(result.workflows))/>")
            xml.append("      <property name=\"tags\" value=\(attr(result.tags.joined(separator: ",")))/>")
            xml.append("    </properties>")
            for testCase in cases {
                xml += testCase.xml(suite: result.name)
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    struct TestCase {
        enum Outcome { case passed, failure, error, skipped }
        var name: String
        var location: SourceLocation
        var outcome: Outcome
        var type = "assertion"
        var message = ""
        var body = ""

        func xml(suite: String) -> [String] {
            let open = "    <testcase name=\(attr(name)) classname=\(attr(suite)) file=\(attr(location.file)) line=\"\(location.line)\" time=\"0\""
            switch outcome {
            case .passed: return [open + "/>"]
            case .skipped: return [open + ">", "      <skipped message=\(attr(message))/>", "    </testcase>"]
            case .failure, .error:
                let tag = outcome == .failure ? "failure" : "error"
                return [open + ">", "      <\(tag) message=\(attr(message)) type=\(attr(type))>\(XMLText.escape(body))</\(tag)>", "    </testcase>"]
            }
        }
    }

    static func cases(of result: ScenarioResult) -> [TestCase] {
        if let reason = result.skipReason {
            return [TestCase(name: result.name, location: result.location, outcome: .skipped, message: reason)]
        }
        var cases: [TestCase] = []
        if let error = result.error {
            cases.append(TestCase(name: "\(result.name): run", location: result.location, outcome: .error, type: "error",
                                  message: error, body: error))
        }
        for action in result.actions where action.expected != nil || action.status == .failed {
            cases.append(TestCase(
                name: "action \(action.index + 1): \(action.summary)", location: action.location,
                outcome: action.status == .failed ? .failure : action.status == .notRun ? .skipped : .passed, type: "action",
                message: action.status == .notRun ? "not reached" : action.message ?? "expected \(action.expected ?? "success")",
                body: expectedActual(action.expected, action.actual)))
        }
        for assertion in result.assertions {
            cases.append(TestCase(
                name: assertion.name, location: assertion.location, outcome: assertion.passed ? .passed : .failure,
                message: assertion.message ?? "expected \(assertion.expected)",
                body: expectedActual(assertion.expected, assertion.actual)))
        }
        if let check = result.snapshotCheck {
            cases.append(TestCase(
                name: "snapshot", location: result.location, outcome: check.status == .changed ? .failure : .passed,
                type: "snapshot", message: "snapshot changed: " + check.changes.joined(separator: ", "), body: check.diff ?? ""))
        }
        if cases.isEmpty {
            cases.append(TestCase(name: result.name, location: result.location, outcome: .passed))
        }
        return cases
    }

    private static func expectedActual(_ expected: String?, _ actual: String?) -> String {
        [expected.map { "expected: \($0)" }, actual.map { "actual: \($0)" }].compactMap { $0 }.joined(separator: "\n")
    }
}

private func attr(_ text: String) -> String { "\"" + XMLText.escape(text, attribute: true) + "\"" }

private func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
