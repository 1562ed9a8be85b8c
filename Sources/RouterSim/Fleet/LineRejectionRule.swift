/// The `rejectedLinePatterns` fault compiled once per paste.
struct LineRejectionRule {
    private let regexes: [Regex<AnyRegexOutput>]
    private let literals: [String]

    init?(_ patterns: [String]) {
        guard !patterns.isEmpty else { return nil }
        var regexes: [Regex<AnyRegexOutput>] = [], literals: [String] = []
        for pattern in patterns {
            if let regex = try? Regex(pattern) { regexes.append(regex) } else { literals.append(pattern) }
        }
        self.regexes = regexes; self.literals = literals
    }

    func rejects(_ line: Substring) -> Bool {
        regexes.contains { line.contains($0) } || literals.contains { line.contains($0) }
    }

    static let error = LineError(kind: .rejectedByDevice, column: nil, message: "% Command rejected by the device (injected fault)")
}
