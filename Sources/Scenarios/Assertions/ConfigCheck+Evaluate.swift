extension ConfigCheck {
    /// Checks a router's running config and the lines it rejected during the scenario.
    public func evaluate(runningConfig: String, rejectedLines: [String] = []) -> CheckVerdict {
        let all = LineDiff.lines(runningConfig).map(trimTrailing)
        guard let lines = scope(all) else {
            return CheckVerdict(passed: false, actual: "no line \"\(section ?? "")\" in the running config of \(device)")
        }
        var problems: [String] = []
        let missing = contains.map(trimTrailing).filter { !lines.contains($0) }
        if !missing.isEmpty { problems.append("missing " + missing.map { "\"\($0)\"" }.joined(separator: ", ")) }
        let present = excludes.map(trimTrailing).filter { lines.contains($0) }
        if !present.isEmpty { problems.append("has " + present.map { "\"\($0)\"" }.joined(separator: ", ")) }
        let unmatched = matches.filter { pattern in
            guard let regex = try? Regex(pattern) else { return true }
            return !lines.contains { $0.contains(regex) }
        }
        if !unmatched.isEmpty { problems.append("no line matches " + unmatched.map { "/\($0)/" }.joined(separator: ", ")) }
        if let equals, LineDiff.lines(equals).map(trimTrailing) != lines {
            let diff = LineDiff(oldLines: LineDiff.lines(equals).map(trimTrailing), newLines: lines)
            problems.append("differs from the expected text:\n" + diff.unified(oldName: "expected", newName: device))
        }
        if noRejectedLines, !rejectedLines.isEmpty {
            problems.append("rejected " + rejectedLines.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return CheckVerdict(passed: problems.isEmpty, actual: problems.isEmpty ? "as expected" : problems.joined(separator: "; "))
    }

    /// The section's header line and the indented lines under it, or the whole config.
    private func scope(_ lines: [String]) -> [String]? {
        guard let section else { return lines }
        guard let start = lines.firstIndex(of: trimTrailing(section)) else { return nil }
        let body = lines[(start + 1)...].prefix { $0.hasPrefix(" ") || $0.hasPrefix("\t") }
        return [lines[start]] + body
    }

    private func trimTrailing(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " || line.last == "\t" || line.last == "\r" { line = line.dropLast() }
        return String(line)
    }
}
