/// The verdict on one check of one exercise.
public struct CheckGrade: Sendable, Hashable {
    public var check: ExerciseCheck
    public var passed: Bool
    public var score: Double
    /// Why it failed, in the participant's terms; `nil` when passed.
    public var failure: String?
    public var expected: String?
    public var actual: String?
    public var hint: String?

    /// What a participant (or an instructor, for hidden checks) reads about this check.
    public var output: String {
        guard !passed else { return "passed" }
        var lines = [failure ?? "failed"]
        if let expected { lines.append("expected: \(expected)") }
        if let actual { lines.append("actual:   \(actual)") }
        if let hint { lines.append("hint: \(hint)") }
        return lines.joined(separator: "\n")
    }
}

/// One exercise's checks, graded from its scenario's result.
public struct ExerciseGrade: Sendable, Hashable {
    public var exercise: Exercise
    public var result: ScenarioResult
    public var checks: [CheckGrade]

    public var score: Double { checks.reduce(0) { $0 + $1.score } }
    public var maxScore: Double { exercise.maxScore }
}

/// Every exercise graded against one workflow set.
public struct Gradebook: Sendable, Hashable {
    /// The catalogue graded.
    public var workflows: String
    public var exercises: [ExerciseGrade]

    public init(workflows: String, exercises: [ExerciseGrade]) {
        self.workflows = workflows
        self.exercises = exercises
    }

    public var score: Double { exercises.reduce(0) { $0 + $1.score } }
    public var maxScore: Double { exercises.reduce(0) { $0 + $1.maxScore } }
    public var fullMarks: Bool { score == maxScore }
}

/// Scores exercises from scenario results: a check earns its points when its assertion passed
/// in a scenario that ran to the end.
public enum Grader {
    public static func grade(_ exercise: Exercise, result: ScenarioResult) -> ExerciseGrade {
        let checks = exercise.checks.map { check -> CheckGrade in
            let hint = check.hint ?? exercise.hint
            if let error = result.error {
                return CheckGrade(check: check, passed: false, score: 0, failure: "the exercise scenario could not run: \(error)", hint: hint)
            }
            guard let assertion = result.assertions.first(where: { $0.name == check.assertion }) else {
                return CheckGrade(check: check, passed: false, score: 0,
                                  failure: "not evaluated: the scenario stopped before this check", hint: hint)
            }
            if assertion.passed { return CheckGrade(check: check, passed: true, score: check.points) }
            return CheckGrade(check: check, passed: false, score: 0, failure: assertion.message ?? "\(check.assertion) failed",
                              expected: assertion.expected, actual: assertion.actual, hint: hint)
        }
        return ExerciseGrade(exercise: exercise, result: result, checks: checks)
    }
}
