import Catalogues
import Foundation

/// What `orchlab grade` was asked to do.
public struct GradeOptions: Sendable {
    public static let defaultRoot = "Scenarios/exercises"

    /// Exercise files or folders; empty means `Scenarios/exercises/`.
    public var paths: [String] = []
    /// The catalogue graded; the default catalogue when `nil`.
    public var workflows: String?
    /// Grade output has a folder of its own, so `orchlab run`'s `results.json` and the
    /// Gradescope `results.json` never overwrite each other.
    public var reportDirectory: String = GradeOptions.defaultReportDirectory
    public static let defaultReportDirectory = ReportWriter.defaultDirectory + "/grade"
    public var jobs = ProcessInfo.processInfo.activeProcessorCount

    public init() {}
}

/// `orchlab grade`: run every exercise's scenario against the chosen workflows, score the
/// checks, print the scorecard and write `results.json` (Gradescope) and
/// `classroom-result.json` (GitHub Classroom).
public enum GradeRunner {
    public static let fileNames = (gradescope: "results.json", classroom: "classroom-result.json")

    /// - Returns: 0 with full marks, 1 with fewer, 2 for invalid input or no execution.
    public static func run(_ options: GradeOptions, catalogues: CatalogueRegistry, execution: @escaping ScenarioExecution,
                           console: Console) -> Int32 {
        let exercises: [Exercise]
        switch load(paths: options.paths) {
        case .failure(let error):
            ScenarioRunner.report(error, console)
            return ExitStatus.invalidInput
        case .success(let loaded):
            exercises = loaded
        }
        let workflows = options.workflows ?? catalogues.defaultCatalogue.name
        guard catalogues.catalogue(named: workflows) != nil else {
            console.line("orchlab grade: " + CatalogueError.unknownCatalogue(workflows, known: catalogues.names).description)
            return ExitStatus.invalidInput
        }
        let gradebook = grade(exercises, workflows: workflows, jobs: options.jobs, execution: execution)
        console.line(Scorecard(gradebook).lines(console).joined(separator: "\n"))
        do {
            try FileManager.default.createDirectory(atPath: options.reportDirectory, withIntermediateDirectories: true)
            let gradescope = (options.reportDirectory as NSString).appendingPathComponent(fileNames.gradescope)
            let classroom = (options.reportDirectory as NSString).appendingPathComponent(fileNames.classroom)
            try GradescopeReport(gradebook).render().write(toFile: gradescope, atomically: true, encoding: .utf8)
            try ClassroomReport(gradebook).render().write(toFile: classroom, atomically: true, encoding: .utf8)
            console.line("reports: \(gradescope), \(classroom)")
        } catch {
            console.line("orchlab: cannot write grade reports into \(options.reportDirectory): \(error.localizedDescription)")
            return ExitStatus.invalidInput
        }
        return gradebook.fullMarks ? ExitStatus.passed : ExitStatus.failed
    }

    /// Runs each exercise's scenario against `workflows` in parallel and grades it.
    public static func grade(_ exercises: [Exercise], workflows: String, jobs: Int,
                             execution: @escaping ScenarioExecution) -> Gradebook {
        let scenarios = exercises.map { exercise in
            var scenario = exercise.scenario
            scenario.workflows = workflows
            return scenario
        }
        let results = ParallelRunner(workers: jobs, failFast: false).run(
            scenarios, execute: execution, finish: { $1 }, completed: { _, _ in })
        return Gradebook(workflows: workflows, exercises: zip(exercises, results).map { Grader.grade($0, result: $1) })
    }

    /// Every exercise under `paths` (default `Scenarios/exercises/`), sorted by path.
    public static func load(paths: [String]) -> Result<[Exercise], ScenarioFileError> {
        do {
            let files = try ScenarioDiscovery.files(in: paths, defaultRoot: GradeOptions.defaultRoot, skipping: ["__snapshots__"])
            var issues: [ScenarioIssue] = []
            var exercises: [Exercise] = []
            for file in files {
                do {
                    exercises.append(try ExerciseParser().load(file: file))
                } catch {
                    issues += error.issues
                }
            }
            guard issues.isEmpty else { return .failure(ScenarioFileError(issues: issues)) }
            guard !exercises.isEmpty else {
                return .failure(ScenarioFileError(issues: [ScenarioIssue(
                    location: SourceLocation(file: paths.first ?? GradeOptions.defaultRoot, line: 1, column: 1), field: "",
                    message: "no exercise files found")]))
            }
            return .success(exercises)
        } catch {
            return .failure(error)
        }
    }
}
