import Catalogues

/// `orchlab grade --lint`: an exercise is sound when every one of its checks fails on the
/// catalogue as handed out (the participant earns nothing for work not done) and passes on the
/// reference (full marks are reachable).
public enum ExerciseLint {
    public struct Finding: Sendable, Hashable, CustomStringConvertible {
        public let exercise: String
        public let check: String
        public let problem: String

        public var description: String { "\(exercise) › \(check): \(problem)" }
    }

    public static func findings(starter: Gradebook, reference: Gradebook) -> [Finding] {
        var findings: [Finding] = []
        for (handedOut, solved) in zip(starter.exercises, reference.exercises) {
            for check in handedOut.checks where check.passed {
                findings.append(Finding(exercise: handedOut.exercise.title, check: check.check.assertion,
                                        problem: "passes on '\(starter.workflows)' (as handed out): it would score work not done"))
            }
            for check in solved.checks where !check.passed {
                findings.append(Finding(exercise: solved.exercise.title, check: check.check.assertion,
                                        problem: "fails on '\(reference.workflows)': \(check.failure ?? "failed")"))
            }
        }
        return findings
    }

    /// - Returns: 0 when every exercise is sound, 1 with findings, 2 for invalid input.
    public static func run(_ options: GradeOptions, starter: String, reference: String, catalogues: CatalogueRegistry,
                           execution: @escaping ScenarioExecution, console: Console) -> Int32 {
        for name in [starter, reference] where catalogues.catalogue(named: name) == nil {
            console.line("orchlab grade --lint: " + CatalogueError.unknownCatalogue(name, known: catalogues.names).description)
            return ExitStatus.invalidInput
        }
        let exercises: [Exercise]
        switch GradeRunner.load(paths: options.paths) {
        case .failure(let error):
            ScenarioRunner.report(error, console)
            return ExitStatus.invalidInput
        case .success(let loaded):
            exercises = loaded
        }
        let handedOut = GradeRunner.grade(exercises, workflows: starter, jobs: options.jobs, execution: execution)
        let solved = GradeRunner.grade(exercises, workflows: reference, jobs: options.jobs, execution: execution)
        let findings = findings(starter: handedOut, reference: solved)
        for exercise in exercises {
            let own = findings.filter { $0.exercise == exercise.title }
            console.line((own.isEmpty ? console.paint("✔", .green) : console.paint("✘", .red)) + " \(exercise.title)")
            for finding in own { console.line("    \(finding.check): \(finding.problem)") }
        }
        console.line(findings.isEmpty ? "every exercise scores 0 on '\(starter)' and full marks on '\(reference)'"
                                      : "\(findings.count) problem\(findings.count == 1 ? "" : "s") found")
        return findings.isEmpty ? ExitStatus.passed : ExitStatus.failed
    }
}
