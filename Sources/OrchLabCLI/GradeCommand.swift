import ArgumentParser
import Catalogues
import Foundation
import Scenarios

/// `orchlab grade [--workflows NAME] [--report-dir DIR] [--lint] [PATHS…]`
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade the workshop exercises against a workflow catalogue.",
        discussion: """
        Runs every exercise in Scenarios/exercises/ (or PATHS) against the chosen catalogue, prints a \
        scorecard, and writes results.json (Gradescope) and classroom-result.json (GitHub Classroom) \
        into the report folder (reports/grade by default, apart from `orchlab run`'s reports). With \
        --lint, checks instead that every exercise scores nothing on the kit as handed out and full \
        marks on the reference. Exit status: 0 full marks (or a clean lint), 1 fewer, 2 invalid input.
        """
    )

    @Option(help: "The catalogue to grade (default: the first registered; see `catalogues`).")
    var workflows: String?

    @Option(name: .customLong("report-dir"), help: "Where results.json and classroom-result.json go.")
    var reportDir = GradeOptions.defaultReportDirectory

    @Option(name: .shortAndLong, help: "Exercises run in parallel on this many threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Check the exercises: each must score 0 on --starter and full marks on --reference.")
    var lint = false

    @Option(help: "With --lint: the catalogue as handed out.")
    var starter = "starter"

    @Option(help: "With --lint: the catalogue with every exercise solved.")
    var reference = "reference"

    @Option(help: "Grade one check only, as EXERCISE-ID:ASSERTION; exit 0 when it passes (one autograder test per check).")
    var check: String?

    @Argument(help: "Exercise files or folders (default: Scenarios/exercises).")
    var paths: [String] = []

    @OptionGroup(title: "External orchestrator")
    var external: ExternalOrchestratorOptions

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
        let catalogues = CommandLineContext.catalogues
        if lint && external.orchestrator != nil {
            print("orchlab grade: --lint grades OrchLab's starter and reference catalogues; it does not take --orchestrator")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let status = try external.withOrchestrator { orchestrator in
            options.externalOrchestrator = orchestrator?.name
            return grade(options, catalogues: catalogues, executor: ScenarioExecutor(catalogues: catalogues, external: orchestrator))
        }
        if status != ExitStatus.passed { throw ExitCode(status) }
    }

    private func grade(_ options: GradeOptions, catalogues: CatalogueRegistry, executor: ScenarioExecutor) -> Int32 {
        if let check {
            return GradeRunner.runOne(check: check, options, catalogues: catalogues, execution: executor.execution,
                                      console: .standardOutput())
        }
        return lint
            ? ExerciseLint.run(options, starter: starter, reference: reference, catalogues: catalogues,
                               execution: executor.execution, console: .standardOutput())
            : GradeRunner.run(options, catalogues: catalogues, execution: executor.execution, console: .standardOutput())
    }
}
