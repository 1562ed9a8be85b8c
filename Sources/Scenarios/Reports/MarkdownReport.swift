import Foundation

/// `summary.md`: counts, a table of scenarios and every failure, for CI job pages.
public struct MarkdownReport {
    /// Above this many scenarios the table lists only those that did not pass.
    static let fullTableLimit = 200

    public let results: [ScenarioResult]

    public init(results: [ScenarioResult]) {
        self.results = results
    }

    public func render() -> String {
        let summary = RunSummary(results)
        var lines = ["# OrchLab scenario results", "", "\(summary.allPassed ? "✅" : "❌") **\(summary.sentence)**", ""]
        let listed = results.count <= Self.fullTableLimit ? results : results.filter { $0.status != .passed }
        if listed.count < results.count {
            lines += ["\(results.count - listed.count) passing scenarios not listed.", ""]
        }
        if !listed.isEmpty {
            lines += ["| | Scenario | File | Assertions | Time |", "|---|---|---|---|---|"]
            lines += listed.map { result in
                let passed = result.assertions.count { $0.passed }
                return "| \(Self.icon(result.status)) | \(cell(result.name)) | `\(cell(result.file))` | \(passed)/\(result.assertions.count) | \(ConsoleFormat.duration(result.durationSeconds)) |"
            }
        }
        let failing = results.filter { [.failed, .error].contains($0.status) }
        if !failing.isEmpty {
            lines += ["", "## Failures"]
            for result in failing {
                lines += ["", "### \(Self.icon(result.status)) \(result.name)", ""]
                for failure in result.failures {
                    lines.append("- `\(failure.location.file):\(failure.location.line)` \(failure.kind.rawValue) **\(cell(failure.title))**"
                                 + (failure.message.map { ": \(cell($0))" } ?? ""))
                    if let expected = failure.expected { lines += fenced("expected", expected) }
                    if let actual = failure.actual { lines += fenced("actual", actual) }
                    if let diff = failure.diff, !diff.isEmpty { lines += fenced("diff", diff, language: "diff") }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func icon(_ status: ScenarioStatus) -> String {
        switch status {
        case .passed: "✅"
        case .failed: "❌"
        case .error: "💥"
        case .skipped: "⏭️"
        }
    }

    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private func fenced(_ label: String, _ text: String, language: String = "") -> [String] {
        let fence = text.contains("```") ? "~~~~" : "```"
        return ["  \(label):", "  \(fence)\(language)"] + LineDiff.lines(text).map { "  " + $0 } + ["  \(fence)"]
    }
}
