import Catalogues
import Dispatch
import Foundation
import Synchronization
import YAMLReading

/// `orchlab run`: discover, load, select, execute in parallel, compare snapshots, print, report.
public enum ScenarioRunner {
    /// Runs the suite `options` describes against `catalogues` and returns the process exit code.
    public static func run(_ options: RunOptions, catalogues: CatalogueRegistry, execution: @escaping ScenarioExecution,
                           console: Console) -> Int32 {
        let suite: [Scenario]
        let loaded = load(paths: options.paths, locator: TopologyLocator(allowedRoots: options.topologyRoots))
            .map { options.selection.suite(of: $0) }
        switch options.externalOrchestrator == nil
            ? loaded.flatMap({ resolveCatalogues($0, override: options.workflows, catalogues) })
            : loaded.flatMap(refuseEngineKills) {
        case .failure(let error):
            report(error, console)
            return ExitStatus.invalidInput
        case .success(let loaded):
            suite = loaded
        }
        let shard = options.selection.shard
        let scenarios = shard?.slice(suite) ?? suite
        if options.listOnly {
            printPlan(scenarios, options, console)
            return ExitStatus.passed
        }
        guard !suite.isEmpty else {
            console.line("orchlab: no scenario matches the selection")
            return ExitStatus.invalidInput
        }
        // A shard of a suite smaller than the shard count can be empty: it still writes (empty)
        // reports, so a CI matrix larger than the suite passes and its merge finds every shard.
        if let shard, scenarios.isEmpty {
            console.line("shard \(shard) holds none of the suite's \(suite.count) scenario\(suite.count == 1 ? "" : "s")")
        }
        if let directory = options.reportDirectory {
            do {
                try ReportWriter(directory: directory).prepare()
            } catch {
                console.line("orchlab: \(error.description); nothing was run")
                return ExitStatus.invalidInput
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let results = execute(scenarios, options: options, execution: execution, console: console)
        let wall = clock.now - started
        console.line(ConsoleFormat.failures(results, console).joined(separator: "\n"))
        let summary = RunSummary(results)
        console.line(console.paint(summary.sentence, summary.allPassed ? .green : .red)
                     + (options.recordTimings ? " in \(ConsoleFormat.duration(wall.seconds)) wall" : ""))
        if let directory = options.reportDirectory {
            do {
                let files = try ReportWriter(directory: directory).write(results, suite: SuiteIdentity(suite), shard: shard)
                console.line("reports: " + files.joined(separator: ", "))
            } catch {
                console.line("orchlab: \(error.description); the previous reports (if any) are unchanged")
                return ExitStatus.invalidInput
            }
        }
        return summary.allPassed ? ExitStatus.passed : ExitStatus.failed
    }

    /// Each scenario with the catalogue it runs against (`override`, else its own `workflows:`,
    /// else the default), or an error at every `workflows:` naming no registered catalogue.
    public static func resolveCatalogues(_ scenarios: [Scenario], override: String?,
                                         _ catalogues: CatalogueRegistry) -> Result<[Scenario], ScenarioFileError> {
        var issues: [ScenarioIssue] = []
        let resolved = scenarios.map { scenario in
            var scenario = scenario
            let name = override ?? scenario.workflows ?? catalogues.defaultCatalogue.name
            if catalogues.catalogue(named: name) == nil {
                issues.append(ScenarioIssue(location: scenario.workflowsLocation ?? scenario.location, field: "workflows",
                                            message: CatalogueError.unknownCatalogue(name, known: catalogues.names).description
                                                + Suggestion.hint(for: name, in: catalogues.names)))
            }
            scenario.workflows = name
            return scenario
        }
        return issues.isEmpty ? .success(resolved) : .failure(ScenarioFileError(issues: issues))
    }

    /// The scenarios as they are, or an error at every `fault: kill_engine`: OrchLab cannot stop
    /// an external orchestrator between its steps.
    static func refuseEngineKills(_ scenarios: [Scenario]) -> Result<[Scenario], ScenarioFileError> {
        let issues = scenarios.flatMap { scenario in
            scenario.actions.compactMap { action -> ScenarioIssue? in
                guard case .fault(.killEngine) = action.kind else { return nil }
                return ScenarioIssue(location: action.location, field: "actions[\(action.index)].fault",
                                     message: "kill_engine cannot run against an external orchestrator: OrchLab cannot stop it between steps; run this scenario without --orchestrator")
            }
        }
        return issues.isEmpty ? .success(scenarios) : .failure(ScenarioFileError(issues: issues))
    }

    /// Runs `scenarios` on `options.jobs` threads, checks snapshots, prints a line per scenario in
    /// suite order, and returns the results in that order.
    public static func execute(_ scenarios: [Scenario], options: RunOptions, execution: @escaping ScenarioExecution,
                               console: Console) -> [ScenarioResult] {
        let progress = LiveProgress(console: console, total: scenarios.count)
        let store = SnapshotStore()
        let update = options.updateSnapshots, external = options.externalOrchestrator != nil
        return ParallelRunner(workers: external ? 1 : options.jobs, failFast: options.failFast, recordTimings: options.recordTimings).run(
            scenarios, execute: execution,
            finish: { scenario, result in
                var result = result
                if !external { result.snapshotCheck = store.check(scenario, result, update: update) }
                return result
            },
            completed: progress.completed)
    }

    /// Every scenario under `paths`, sorted by path; or every problem in every file.
    public static func load(paths: [String], locator: TopologyLocator = TopologyLocator()) -> Result<[Scenario], ScenarioFileError> {
        let files: [String]
        do {
            files = try ScenarioDiscovery.files(in: paths)
        } catch {
            return .failure(error)
        }
        let parser = ScenarioParser(locator: locator)
        let loaded = Mutex([Result<Scenario, ScenarioFileError>?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result = Result { () throws(ScenarioFileError) in try parser.load(file: files[index]) }
            loaded.withLock { $0[index] = result }
        }
        let results = loaded.withLock { $0 }.compactMap { $0 }
        let issues = results.flatMap { result -> [ScenarioIssue] in
            if case .failure(let error) = result { return error.issues }
            return []
        }
        guard issues.isEmpty else { return .failure(ScenarioFileError(issues: issues)) }
        let scenarios = results.compactMap { try? $0.get() }
        if let duplicate = firstDuplicateName(scenarios) { return .failure(duplicate) }
        return .success(scenarios)
    }

    /// Reports key results by scenario name, so two scenarios may not share one.
    private static func firstDuplicateName(_ scenarios: [Scenario]) -> ScenarioFileError? {
        var seen: [String: Scenario] = [:]
        for scenario in scenarios {
            if let earlier = seen[scenario.name] {
                return ScenarioFileError(issues: [ScenarioIssue(
                    location: scenario.location, field: "name",
                    message: "the scenario name '\(scenario.name)' is already used by \(earlier.file)")])
            }
            seen[scenario.name] = scenario
        }
        return nil
    }

    static func report(_ error: ScenarioFileError, _ console: Console) {
        for issue in error.issues {
            console.line(console.paint("error: ", .red) + issue.description)
        }
        console.line("\(error.issues.count) problem\(error.issues.count == 1 ? "" : "s") in scenario input; nothing was run")
    }

    private static func printPlan(_ scenarios: [Scenario], _ options: RunOptions, _ console: Console) {
        for scenario in scenarios {
            let tags = scenario.tags.isEmpty ? "" : " [" + scenario.tags.joined(separator: ", ") + "]"
            console.line("\(scenario.file): \(scenario.name)\(tags) — \(scenario.actions.count) actions, \(scenario.assertions.count) assertions, workflows \(scenario.workflows ?? "(default)")")
        }
        let shard = options.selection.shard.map { " (shard \($0))" } ?? ""
        console.line("\(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s") selected\(shard)")
    }
}
