/// A device's `rejectedLinePatterns` compiled once, when the fault is set, into one program: a
/// line is tested against every pattern in a single pass.
struct LineRejectionRule: Sendable, Equatable {
    private let program: PatternProgram

    /// Nil when there are no patterns; throws for a pattern the fleet refuses, too many
    /// patterns, or patterns that together exceed the instruction budget.
    init?(_ patterns: [String]) throws(FaultPatternError) {
        guard !patterns.isEmpty else { return nil }
        guard patterns.count <= RouterLimits.faultPatternsPerDevice else {
            throw FaultPatternError(pattern: patterns[RouterLimits.faultPatternsPerDevice],
                                    reason: "is one pattern too many: a device takes at most \(RouterLimits.faultPatternsPerDevice)")
        }
        var nodes: [PatternNode] = []
        for text in patterns { nodes.append(try FaultPattern(text).node) }
        do {
            program = try PatternProgram(.alternate(nodes), limit: RouterLimits.faultPatternInstructions)
        } catch {
            throw FaultPatternError(pattern: patterns.last ?? "",
                                    reason: "does not fit: the device's patterns together compile to more than \(RouterLimits.faultPatternInstructions) matcher instructions")
        }
    }

    /// A matcher for one paste's lines.
    func matcher() -> PatternMatcher { PatternMatcher(program) }

    static let error = LineError(kind: .rejectedByDevice, column: nil, message: "% Command rejected by the device (injected fault)")
    /// The answer once a paste has used up `RouterLimits.faultPatternStepsPerPaste`: the fault
    /// fails closed, as a configuration lock would.
    static let budgetError = LineError(kind: .rejectedByDevice, column: nil,
                                       message: "% Command rejected by the device (injected fault; line not checked: the paste used up the rejection patterns' matching budget)")
}
