import ArgumentParser
import Catalogues
import Foundation
import Scenarios

/// `orchlab run [PATHS…]`: the scenario runner.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios against the simulated NetBox and router fleet and write reports.",
        discussion: """
        Runs every scenario under PATHS (default: Scenarios/), each in its own world, in parallel. \
        Writes JUnit XML, JSON, Markdown and HTML reports into the report folder. Exit status: 0 all \
        passed, 1 failures, 2 invalid input.
        """
    )

    @Argument(help: "Scenario files or folders (default: Scenarios/).")
    var paths: [String] = []

    @Option(name: .long, help: "Run only scenarios with this tag (repeatable).")
    var tag: [String] = []

    @Option(name: .long, help: "Run only scenarios whose name contains this text or matches this regular expression.")
    var filter: String?

    @Option(name: .long, help: "Run the i-th of n slices of the suite (1-based), e.g. 2/4.")
    var shard: String?

    @Flag(name: .long, help: "Print the plan without running anything.")
    var list = false

    @Flag(name: .customLong("fail-fast"), help: "Stop after the first failing scenario.")
    var failFast = false

    @Flag(name: .customLong("update-snapshots"), help: "Record each scenario's outcome as its snapshot.")
    var updateSnapshots = false

    @Flag(name: .long, help: "Replay each scenario killing the engine at every step and failing every NetBox call once; report steps whose retry duplicated or leaked a side effect.")
    var chaos = false

    @Option(name: .long, help: "Run every scenario against this workflow catalogue instead of the one it names (see `catalogues`).")
    var workflows: String?

    @Option(name: .customLong("topology-root"), help: "A folder whose topology files scenarios may name besides Topologies/ (repeatable).")
    var topologyRoot: [String] = []

    @Option(name: .customLong("report-dir"), help: "Where the reports go.")
    var reportDir = ReportWriter.defaultDirectory

    @Option(name: .shortAndLong, help: "Scenarios run in parallel on this many threads (default: all cores).")
    var jobs: Int?

    @Flag(name: .customLong("no-timings"), help: "Record no durations, so two runs write byte-identical reports.")
    var noTimings = false

    @OptionGroup(title: "External orchestrator")
    var external: ExternalOrchestratorOptions

    func run() throws {
        var options = RunOptions()
        options.paths = paths
        var selection = ScenarioSelection(tags: tag, filter: filter)
        if let shard {
            guard let parsed = Shard(shard) else {
                print("orchlab run: --shard must be i/n with 1 ≤ i ≤ n, not '\(shard)'")
                throw ExitCode(ExitStatus.invalidInput)
            }
            selection.shard = parsed
        }
        if let jobs {
            guard jobs >= 1 else {
                print("orchlab run: --jobs must be at least 1")
                throw ExitCode(ExitStatus.invalidInput)
            }
            options.jobs = jobs
        }
        options.selection = selection
        options.listOnly = list
        options.failFast = failFast
        options.updateSnapshots = updateSnapshots
        options.workflows = workflows
        options.reportDirectory = reportDir
        options.topologyRoots = topologyRoot
        options.recordTimings = !noTimings
        let catalogues = CommandLineContext.catalogues
        if let workflows, catalogues.catalogue(named: workflows) == nil {
            print("orchlab run: --workflows: " + CatalogueError.unknownCatalogue(workflows, known: catalogues.names).description)
            throw ExitCode(ExitStatus.invalidInput)
        }
        if chaos && external.orchestrator != nil {
            print("orchlab run: --chaos kills OrchLab's engine at every step, which cannot be done to an external orchestrator; drop one of --chaos and --orchestrator")
            throw ExitCode(ExitStatus.invalidInput)
        }
        let status = try external.withOrchestrator { orchestrator in
            options.externalOrchestrator = orchestrator?.name
            let executor = ScenarioExecutor(catalogues: catalogues, external: orchestrator)
            let execution = chaos ? ChaosExecutor(executor: executor).execution : executor.execution
            return ScenarioRunner.run(options, catalogues: catalogues, execution: execution, console: .standardOutput())
        }
        if status != ExitStatus.passed { throw ExitCode(status) }
    }
}
