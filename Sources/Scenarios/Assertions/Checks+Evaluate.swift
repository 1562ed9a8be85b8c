extension PathCheck {
    /// - Parameter path: the routers hop by hop from `from` to `to` (both included), or `nil`
    ///   when `to` is unreachable.
    public func evaluate(path: [String]?) -> CheckVerdict {
        guard let path else {
            return CheckVerdict(passed: !reachable, actual: "\(to) unreachable from \(from)")
        }
        let actual = "path " + path.joined(separator: " > ")
        guard reachable else { return CheckVerdict(passed: false, actual: actual) }
        let crossed = avoids.filter(path.contains)
        return CheckVerdict(passed: (via.map { $0 == path } ?? true) && crossed.isEmpty, actual: actual)
    }
}

extension ProcessCheck {
    /// - Parameters:
    ///   - steps: the names of the steps the process ran, in order.
    ///   - audit: the process's audit trail entries, in order.
    public func evaluate(outcome actualOutcome: ScenarioOutcome, message: String?, steps actualSteps: [String],
                         audit actualAudit: [String]) -> CheckVerdict {
        var problems: [String] = []
        if let outcome, !outcome.isMet(by: actualOutcome, message: message) {
            problems.append(actualOutcome.rawValue + (message.map { ": \($0)" } ?? ""))
        }
        if let steps, steps != actualSteps {
            problems.append("steps " + actualSteps.joined(separator: " > "))
        }
        if let missing = firstUnmatchedAuditPattern(actualAudit) {
            problems.append("no audit entry matching /\(missing)/ in order; audit trail: " + actualAudit.joined(separator: " | "))
        }
        return CheckVerdict(passed: problems.isEmpty,
                            actual: problems.isEmpty ? "\(actualOutcome.rawValue), as expected" : problems.joined(separator: "; "))
    }

    /// Patterns must match entries in order; other entries may come between.
    private func firstUnmatchedAuditPattern(_ entries: [String]) -> String? {
        var position = entries.startIndex
        for pattern in audit {
            guard let regex = try? Regex(pattern),
                  let found = entries[position...].firstIndex(where: { $0.contains(regex) }) else { return pattern }
            position = entries.index(after: found)
        }
        return nil
    }
}
