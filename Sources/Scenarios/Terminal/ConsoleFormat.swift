/// Terminal wording shared by `run` and `grade`.
enum ConsoleFormat {
    static func badge(_ status: ScenarioStatus, _ console: Console) -> String {
        switch status {
        case .passed: return console.paint("PASS ", .green)
        case .failed: return console.paint("FAIL ", .red)
        case .error: return console.paint("ERROR", .red)
        case .skipped: return console.paint("SKIP ", .yellow)
        }
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : "\((seconds * 100).rounded() / 100) s"
    }

    /// Each failure of each failing scenario with file:line, expected and actual.
    static func failures(_ results: [ScenarioResult], _ console: Console) -> [String] {
        var lines: [String] = []
        for result in results where [.failed, .error].contains(result.status) {
            lines += ["", console.paint("\(result.status == .error ? "ERROR" : "FAIL") \(result.name)", .bold) + " (\(result.file))"]
            for failure in result.failures {
                lines += failureLines(failure, console)
            }
        }
        return lines
    }

    static func failureLines(_ failure: ResultFailure, _ console: Console) -> [String] {
        let location = "\(failure.location.file):\(failure.location.line)"
        var lines = ["  \(location): \(failure.kind.rawValue) \"\(failure.title)\"" + (failure.message.map { ": \($0)" } ?? "")]
        if let expected = failure.expected { lines.append(labelled("expected", expected, .green, console)) }
        if let actual = failure.actual { lines.append(labelled("actual  ", actual, .red, console)) }
        if let diff = failure.diff, !diff.isEmpty {
            lines += LineDiff.lines(diff).map { line in
                let style: Console.Style? = line.hasPrefix("+") ? .green : line.hasPrefix("-") ? .red : line.hasPrefix("@@") ? .cyan : nil
                return "    " + (style.map { console.paint(line, $0) } ?? line)
            }
        }
        return lines
    }

    private static func labelled(_ label: String, _ text: String, _ style: Console.Style, _ console: Console) -> String {
        let body = LineDiff.lines(text).joined(separator: "\n              ")
        return "    \(label): " + console.paint(body, style)
    }
}
