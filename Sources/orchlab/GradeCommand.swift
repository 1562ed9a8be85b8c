import ArgumentParser
import Foundation
import Scenarios

/// `orchlab grade [--workflows starter|reference] [--report-dir DIR] [PATHS…]`
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade the workshop exercises against a workflow set.",
        discussion: """
        Runs every exercise in Scenarios/exercises/ (or PATHS) against the chosen workflows, prints a \
        scorecard, and writes results.json (Gradescope) and classroom-result.json (GitHub Classroom) \
        into the report folder. Exit status: 0 full marks, 1 fewer, 2 invalid input.
        """
    )


    @Option(help: "The workflow set to grade: starter (the participant's) or reference.")
    var workflows: WorkflowSet = .starter

    @Option(name: .customLong("report-dir"), help: "Where results.json and classroom-result.json go.")
    var reportDir = ReportWriter.defaultDirectory

    @Option(name: .shortAndLong, help: "Exercises run in parallel on this many threads (default: all cores).")
    var jobs: Int?

    @Argument(help: "Exercise files or folders (default: Scenarios/exercises).")
    var paths: [String] = []

    func run() throws {
        if let jobs, jobs < 1 {
            print("orchlab grade: --jobs must be at least 1")
            throw ExitCode(ExitStatus.invalidInput)
        }
        var options = GradeOptions()
        options.paths = paths
        options.workflows = workflows
        options.reportDirectory = reportDir
        if let jobs { options.jobs = jobs }
        let status = GradeRunner.run(options, execution: ScenarioExecutor().execution, console: .standardOutput())
        if status != ExitStatus.passed { throw ExitCode(status) }
    }
}

extension WorkflowSet: ExpressibleByArgument {}
