import Foundation

/// Gradescope's `results.json`: `score` and one test per check with `name`, `score`,
/// `max_score`, `output` and `visibility` (`hidden` for hidden checks).
public struct GradescopeReport: Encodable {
    struct Test: Encodable {
        var name: String
        var score: Double
        var maxScore: Double
        var status: String
        var output: String
        var visibility: String
    }

    let score: Double
    let output: String
    let visibility = "visible"
    let stdoutVisibility = "hidden"
    let tests: [Test]

    public init(_ gradebook: Gradebook) {
        score = gradebook.score
        output = "Graded against the \(gradebook.workflows) workflows: \(Scorecard.points(gradebook.score))/\(Scorecard.points(gradebook.maxScore)) points"
        tests = gradebook.exercises.flatMap { exercise in
            exercise.checks.map { grade in
                Test(name: "\(exercise.exercise.title) › \(grade.check.assertion)", score: grade.score, maxScore: grade.check.points,
                     status: grade.passed ? "passed" : "failed", output: grade.output,
                     visibility: grade.check.hidden ? "hidden" : "visible")
            }
        }
    }

    public func render() throws -> String {
        String(decoding: try JSONReport.encode(self, pretty: true), as: UTF8.self) + "\n"
    }
}

/// The result a GitHub Classroom grader reports (`version`, `status`, `max_score`, `tests[]`
/// with `name`, `status`, `score`, `message`, `filename`, `line_no`). Hidden checks appear
/// without their names or details.
public struct ClassroomReport: Encodable {
    struct Test: Encodable {
        var name: String
        var status: String
        var score: Double
        var message: String
        var testCode: String
        var filename: String
        var lineNo: Int
        var executionTime: String
    }

    let version = 1
    let status: String
    let maxScore: Double
    let tests: [Test]

    public init(_ gradebook: Gradebook) {
        maxScore = gradebook.maxScore
        status = gradebook.exercises.contains { $0.result.error != nil } ? "error" : gradebook.fullMarks ? "pass" : "fail"
        var hiddenCount = 0
        tests = gradebook.exercises.flatMap { exercise in
            exercise.checks.map { grade in
                let name: String
                if grade.check.hidden {
                    hiddenCount += 1
                    name = "\(exercise.exercise.title) › hidden check \(hiddenCount)"
                } else {
                    name = "\(exercise.exercise.title) › \(grade.check.assertion)"
                }
                return Test(name: name, status: grade.passed ? "pass" : "fail", score: grade.score,
                            message: grade.check.hidden ? (grade.passed ? "passed" : "failed") : grade.output,
                            testCode: "orchlab grade \(exercise.exercise.location.file)",
                            filename: grade.check.location.file, lineNo: grade.check.location.line,
                            executionTime: String(format: "%.3fs", exercise.result.durationSeconds))
            }
        }
    }

    public func render() throws -> String {
        String(decoding: try JSONReport.encode(self, pretty: true), as: UTF8.self) + "\n"
    }
}
