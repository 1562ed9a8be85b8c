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
    /// The external orchestrator graded (its URL), if any: it is graded instead of a catalogue,
    /// one exercise at a time (see `RunOptions.externalOrchestrator`).
    public var externalOrchestrator: String?

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
        if options.externalOrchestrator != nil, case .failure(let error) = ScenarioRunner.refuseEngineKills(exercises.map(\.scenario)) {
            ScenarioRunner.report(error, console)
            return ExitStatus.invalidInput
        }
        let workflows = options.externalOrchestrator ?? options.workflows ?? catalogues.defaultCatalogue.name
        guard options.externalOrchestrator != nil || catalogues.catalogue(named: workflows) != nil else {
            console.line("orchlab grade: " + CatalogueError.unknownCatalogue(workflows, known: catalogues.names).description)
            return ExitStatus.invalidInput
        }
        let folder = ReportFolder(directory: options.reportDirectory)
        do {
            try folder.prepare()
        } catch {
            console.line("orchlab: \(error.description); nothing was graded")
            return ExitStatus.invalidInput
        }
        let gradebook = grade(exercises, workflows: workflows, jobs: options.externalOrchestrator == nil ? options.jobs : 1,
                              execution: execution)
        console.line(Scorecard(gradebook).lines(console).joined(separator: "\n"))
        do {
            let gradescope = try GradescopeReport(gradebook).render(), classroom = try ClassroomReport(gradebook).render()
            let reports: [ReportFolder.File] = [(fileNames.gradescope, { gradescope }), (fileNames.classroom, { classroom })]
            let files = try folder.publish(reports)
            console.line("reports: " + files.joined(separator: ", "))
        } catch {
            console.line("orchlab: \(error); the previous grade files (if any) are unchanged")
            return ExitStatus.invalidInput
        }
        return gradebook.fullMarks ? ExitStatus.passed : ExitStatus.failed
    }

    /// `orchlab grade --check EXERCISE-ID:ASSERTION`: grades one check, prints its verdict, and
    /// returns 0 when it passed, 1 when not, 2 when no such check exists.
    public static func runOne(check: String, _ options: GradeOptions, catalogues: CatalogueRegistry,
                              execution: @escaping ScenarioExecution, console: Console) -> Int32 {
        let parts = check.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, case .success(let exercises) = load(paths: options.paths),
              let exercise = exercises.first(where: { $0.id == parts[0] }),
              exercise.checks.contains(where: { $0.assertion == parts[1] }) else {
            console.line("orchlab grade: no check '\(check)'; write EXERCISE-ID:ASSERTION (the exercise's file name without .yaml)")
            return ExitStatus.invalidInput
        }
        let workflows = options.externalOrchestrator ?? options.workflows ?? catalogues.defaultCatalogue.name
        let graded = grade([exercise], workflows: workflows, jobs: 1, execution: execution).exercises[0]
        guard let verdict = graded.checks.first(where: { $0.check.assertion == parts[1] }) else { return ExitStatus.invalidInput }
        console.line("\(exercise.title) › \(verdict.check.assertion): \(Scorecard.points(verdict.score))/\(Scorecard.points(verdict.check.points))")
        if !verdict.passed { console.line(verdict.output) }
        return verdict.passed ? ExitStatus.passed : ExitStatus.failed
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
