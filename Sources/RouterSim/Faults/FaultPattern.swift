/// One `DeviceFaults.rejectedLinePatterns` pattern, checked and compiled for a matcher that runs
/// in time linear in the line. A pattern is a regular expression in the subset listed in
/// docs/limits-routers.md; text that is not a valid regular expression at all matches as plain
/// text (as before); a valid regular expression that needs backtracking (backreferences,
/// lookaround) or is too long or too big is refused with a `FaultPatternError`.
public struct FaultPattern: Sendable, Equatable {
    public let text: String
    let node: PatternNode
    /// Whether the pattern is taken as plain text.
    public let isLiteral: Bool
    let program: PatternProgram

    public init(_ text: String) throws(FaultPatternError) {
        let bytes = text.utf8.count
        guard bytes <= RouterLimits.faultPatternBytes else {
            throw FaultPatternError(pattern: text, reason: "is \(bytes) bytes long (limit \(RouterLimits.faultPatternBytes))")
        }
        guard !text.isEmpty else { throw FaultPatternError(pattern: text, reason: "is empty (it would reject every line)") }
        let node: PatternNode, literal: Bool
        do {
            node = try PatternParser.parse(text)
            literal = false
        } catch {
            switch error {
            case .invalid where (try? Regex(text)) == nil:
                // Not a regular expression anywhere: the documented plain-text fallback.
                node = .literal(text)
                literal = true
            case .invalid(let reason), .unsupported(let reason):
                throw FaultPatternError(pattern: text, reason: reason)
            }
        }
        do {
            program = try PatternProgram(node, limit: RouterLimits.faultPatternInstructions)
        } catch {
            switch error { case .invalid(let reason), .unsupported(let reason): throw FaultPatternError(pattern: text, reason: reason) }
        }
        self.text = text
        self.node = node
        self.isLiteral = literal
    }

    /// Whether the pattern matches anywhere in `line` (false for a line too costly to decide,
    /// which a line within `RouterLimits.lineBytes` never is).
    public func matches(_ line: String) -> Bool {
        var matcher = PatternMatcher(program)
        return matcher.matches(Substring(line)) ?? false
    }

    /// Matcher instructions; a device's patterns share `RouterLimits.faultPatternInstructions`.
    public var instructionCount: Int { program.count }

    public static func == (lhs: FaultPattern, rhs: FaultPattern) -> Bool { lhs.text == rhs.text }
}

/// A fault pattern the fleet refuses, and why.
public struct FaultPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    public var pattern: String
    public var reason: String

    public init(pattern: String, reason: String) {
        self.pattern = pattern; self.reason = reason
    }

    public var description: String {
        let shown = pattern.utf8.count > 60 ? String(decoding: pattern.utf8.prefix(60), as: UTF8.self) + "…" : pattern
        return "rejected-line pattern '\(shown)' \(reason.hasPrefix("is ") ? reason : "is refused: " + reason)"
    }
}

extension DeviceFaults {
    /// Checks `rejectedLinePatterns` as `Fleet.setFaults` will: callers that journal faults
    /// before applying them (the lab server, scenarios) call this first.
    public func checkPatterns() throws(FaultPatternError) {
        _ = try LineRejectionRule(rejectedLinePatterns)
    }
}
