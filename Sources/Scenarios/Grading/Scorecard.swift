/// The scorecard `orchlab grade` prints: per exercise its visible checks with hints on failure,
/// hidden checks only as a count.
public struct Scorecard {
    public let gradebook: Gradebook

    public init(_ gradebook: Gradebook) {
        self.gradebook = gradebook
    }

    public func lines(_ console: Console) -> [String] {
        var lines = ["Grading against the \(gradebook.workflows) workflows", ""]
        for (number, exercise) in gradebook.exercises.enumerated() {
            let full = exercise.score == exercise.maxScore
            lines.append(console.paint("Exercise \(number + 1): \(exercise.exercise.title)", .bold)
                         + "  " + console.paint("\(Self.points(exercise.score))/\(Self.points(exercise.maxScore))", full ? .green : .red))
            for grade in exercise.checks where !grade.check.hidden {
                let mark = grade.passed ? console.paint("✔", .green) : console.paint("✘", .red)
                lines.append("  \(mark) \(grade.check.assertion)  \(Self.points(grade.score))/\(Self.points(grade.check.points))")
                if !grade.passed {
                    lines += grade.output.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
                }
            }
            let hidden = exercise.checks.filter(\.check.hidden)
            if !hidden.isEmpty {
                let passed = hidden.count(where: \.passed)
                let score = hidden.reduce(0) { $0 + $1.score }, max = hidden.reduce(0) { $0 + $1.check.points }
                lines.append("  hidden checks: \(passed) of \(hidden.count) passed  \(Self.points(score))/\(Self.points(max))")
            }
            lines.append("")
        }
        lines.append(console.paint("Total: \(Self.points(gradebook.score))/\(Self.points(gradebook.maxScore)) points",
                                   gradebook.fullMarks ? .green : .bold))
        return lines
    }

    /// `5`, `2.5`: whole points without a decimal part.
    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
