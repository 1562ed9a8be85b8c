extension Assertion {
    /// What this assertion expects, in words, for reports when the execution gives no wording of its own.
    public var expectation: String {
        switch check {
        case .subscription(let check):
            var parts: [String] = []
            if let status = check.status { parts.append("status \(status)") }
            if let insync = check.insync { parts.append("insync \(insync)") }
            if let description = check.description { parts.append("description \"\(description)\"") }
            parts += check.fields.keys.sorted().map { "\($0) = \(check.fields[$0]!)" }
            return "subscription \(check.subscription): " + parts.joined(separator: ", ")
        case .device(let name, let status):
            return "NetBox device \(name) has status \(status)"
        case .prefix(let check):
            return "NetBox prefix \(check.prefix) " + (check.allocated ? "allocated" : "not allocated")
                + (check.description.map { " with description \"\($0)\"" } ?? "")
        case .address(let check):
            return "NetBox address \(check.address) " + (check.allocated ? "allocated" : "not allocated")
                + (check.assignedTo.map { " to \($0)" } ?? "") + (check.description.map { " with description \"\($0)\"" } ?? "")
        case .cable(let check):
            let ends = check.between.map(\.description).joined(separator: " <-> ")
            return check.exists ? "cable \(ends)" + (check.status.map { " with status \($0)" } ?? "") : "no cable \(ends)"
        case .config(let check):
            return configExpectation(check)
        case .adjacency(let a, let b, let up):
            return "IS-IS adjacency \(a) - \(b) \(up ? "up" : "down")"
        case .path(let check):
            guard check.reachable else { return "\(check.to) unreachable from \(check.from)" }
            var text = "path \(check.from) -> \(check.to)"
            if let via = check.via { text += " via " + via.joined(separator: " > ") }
            if !check.avoids.isEmpty { text += " avoiding " + check.avoids.joined(separator: ", ") }
            return text
        case .allLoopbacksReachable:
            return "every loopback reachable from every router"
        case .process(let check):
            var parts: [String] = []
            if let outcome = check.outcome { parts.append(outcome.description) }
            if let steps = check.steps { parts.append("steps " + steps.joined(separator: " > ")) }
            if !check.audit.isEmpty { parts.append("audit trail matching " + check.audit.map { "/\($0)/" }.joined(separator: ", ")) }
            return "process \(check.process): " + parts.joined(separator: ", ")
        case .noLeakedResources:
            return "no NetBox prefix, address or cable without a live subscription"
        }
    }

    private func configExpectation(_ check: ConfigCheck) -> String {
        var parts: [String] = []
        if !check.contains.isEmpty { parts.append("contains " + check.contains.map { "\"\($0)\"" }.joined(separator: ", ")) }
        if !check.excludes.isEmpty { parts.append("lacks " + check.excludes.map { "\"\($0)\"" }.joined(separator: ", ")) }
        if !check.matches.isEmpty { parts.append("matches " + check.matches.map { "/\($0)/" }.joined(separator: ", ")) }
        if let equals = check.equals { parts.append("equals:\n\(equals)") }
        if check.noRejectedLines { parts.append("no rejected lines") }
        let scope = check.section.map { "\(check.device) section \"\($0)\"" } ?? "\(check.device) running config"
        return scope + " " + parts.joined(separator: ", ")
    }
}
