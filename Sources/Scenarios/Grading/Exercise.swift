/// A workshop exercise: a scenario played against the participant's workflows and the checks,
/// each an assertion of that scenario, that earn points.
public struct Exercise: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String
    /// Shown under every failing check that has no hint of its own.
    public var hint: String?
    public var scenario: Scenario
    public var checks: [ExerciseCheck]
    public var location: SourceLocation

    public init(id: String, title: String, description: String = "", hint: String? = nil, scenario: Scenario,
                checks: [ExerciseCheck], location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.hint = hint
        self.scenario = scenario
        self.checks = checks
        self.location = location
    }

    public var maxScore: Double { checks.reduce(0) { $0 + $1.points } }
}

public struct ExerciseCheck: Sendable, Hashable {
    /// The name of the scenario assertion that decides this check.
    public var assertion: String
    public var points: Double
    public var hint: String?
    /// Left out of the participant's scorecard and marked hidden for Gradescope.
    public var hidden: Bool
    public var location: SourceLocation

    public init(assertion: String, points: Double, hint: String? = nil, hidden: Bool = false, location: SourceLocation) {
        self.assertion = assertion
        self.points = points
        self.hint = hint
        self.hidden = hidden
        self.location = location
    }
}
