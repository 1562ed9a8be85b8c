import Catalogues
import WorkshopReference
import Foundation
import Scenarios

/// The scenario runner: the workshop build scenario end to end with the real execution (one
/// thread), a generated suite of 1,000 scenarios with the real execution on 2 threads, and the
/// runner's own cost around the execution (loading files, the parallel runner with an execution
/// that does no workflow work, writing the four reports).
enum ScenariosBenchmarks {
    static let count = 1_000
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func run() throws {
        try workshopBuild()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-bench-scenarios-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try generateSuite(in: root)
        let folder = (root as NSString).appendingPathComponent("Scenarios")

        let rssBefore = Measure.currentRSSMiB()
        var scenarios: [Scenario] = []
        let load = try Measure.samples(iterations: 5, warmup: 1) { scenarios = try ScenarioRunner.load(paths: [folder]).get() }
        Figures.shared.samples("load and validate \(count) scenario files", load)

        let silent = Console(colour: false, interactive: false) { _ in }
        var options = RunOptions()
        options.reportDirectory = nil
        var results: [ScenarioResult] = []
        let execute = Measure.samples(iterations: 5, warmup: 1) {
            results = ScenarioRunner.execute(scenarios, options: options, execution: recordOnly, console: silent)
        }
        Figures.shared.samples("runner around \(count) scenarios (\(options.jobs) threads, execution records results only)", execute)

        options.jobs = 2
        let executor = ScenarioExecutor(catalogues: try CatalogueRegistry(WorkshopReference.catalogues))
        var passed = 0
        let real = Measure.samples(iterations: 3, warmup: 1) {
            results = ScenarioRunner.execute(scenarios, options: options, execution: executor.execution, console: silent)
            passed = results.count { $0.status == .passed }
        }
        Figures.shared.samples("\(count) generated scenarios end to end, real execution, 2 threads (\(passed) passed)", real)

        let reports = (root as NSString).appendingPathComponent("reports")
        let write = try Measure.samples(iterations: 5, warmup: 1) { try ReportWriter(directory: reports).write(results) }
        Figures.shared.samples("write JUnit, JSON, Markdown and HTML for \(count) results", write)
        let html = try FileManager.default.attributesOfItem(atPath: (reports as NSString).appendingPathComponent("report.html"))
        let htmlMiB = Double(html[.size] as? Int ?? 0) / 1_048_576, rss = Measure.currentRSSMiB() - rssBefore
        Figures.shared.line(String(format: "report.html for %d results: %.2f MiB; RSS increase %.1f MiB", count, htmlMiB, rss),
                            [("report.html size for \(count) results", htmlMiB, "MiB"),
                             ("RSS increase over the generated-scenario benchmarks", rss, "MiB")])
    }

    /// Scenarios/workshop-build.yaml (5 nodes, 10 circuits, 10 modifies, 15 validations, 9
    /// assertions, snapshot) played by the real execution on one thread, lab already compiled.
    private static func workshopBuild() throws {
        let scenario = try ScenarioParser().load(file: "\(repository)/Scenarios/workshop-build.yaml")
        let executor = ScenarioExecutor(catalogues: try CatalogueRegistry(WorkshopReference.catalogues))
        var status = ScenarioStatus.error
        let rssBefore = Measure.currentRSSMiB()
        let samples = Measure.samples(iterations: 40, warmup: 3) { status = executor.execute(scenario).status }
        Figures.shared.samples("workshop build scenario end to end, one thread (\(status.rawValue))", samples)
        let rss = Measure.currentRSSMiB() - rssBefore
        Figures.shared.line(String(format: "workshop build scenario: RSS increase over 43 runs: %.1f MiB", rss),
                            [("workshop build scenario: RSS increase over 43 runs", rss, "MiB")])
    }

    /// Stands in for the execution so only the runner is measured: every start completes and
    /// every assertion is recorded as passed, with a timeline, a config diff and a drawing.
    private static let recordOnly: ScenarioExecution = { scenario in
        var result = ScenarioResult(scenario: scenario)
        for action in scenario.actions {
            switch action.kind {
            case .start(let start):
                result.actions.append(ActionResult(action: action, status: .passed, process: start.name, expected: "completed",
                                                   actual: "completed"))
                result.processes.append(ProcessTimeline(name: start.name ?? start.workflow, workflow: start.workflow,
                                                        outcome: .completed,
                                                        steps: (1...8).map { StepRecord(name: "step \($0)", status: "success") }))
            case .assert(let assertion):
                result.assertions.append(AssertionResult(assertion: assertion, passed: true, actual: "as expected"))
            default:
                result.actions.append(ActionResult(action: action, status: .passed))
            }
        }
        result.configDiffs = [RouterConfigDiff(device: "loc1-core", before: "hostname loc1-core\n",
                                               after: "hostname loc1-core\ninterface 1/1/c2/1\n ipv6 address 2001:db8:10::/127\n")]
        return result
    }

    static func generateSuite(in root: String, count: Int = count) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: "\(root)/Topologies", withIntermediateDirectories: true)
        try manager.copyItem(atPath: "\(repository)/Topologies/workshop.yaml", toPath: "\(root)/Topologies/workshop.yaml")
        for index in 0..<count {
            let folder = "\(root)/Scenarios/group\(index / 100)"
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let yaml = """
            name: generated \(index)
            tags: [generated, group\(index / 100)]
            topology: workshop
            actions:
              - start: create_node
                as: a
                form: {select_device_choice: loc1-core}
              - start: create_node
                as: b
                form: {select_device_choice: loc2-core}
              - start: create_circuit
                as: c
                form:
                  - router_a: loc1-core
                  - router_b: loc2-core
                  - a_port: 1/1/c2/1
                    b_port: 1/1/c1/1
                expect: completed
              - assert: circuit active
                subscription: ${c}
                status: active
              - assert: cable connected
                cable: [{device: loc1-core, port: 1/1/c2/1}, {device: loc2-core, port: 1/1/c1/1}]
                status: connected
              - assert: path
                path: {from: loc1-core, to: loc2-core}
                via: [loc1-core, loc2-core]
              - assert: no leaks
                no_leaked_resources: true

            """
            try yaml.write(toFile: "\(folder)/s\(index).yaml", atomically: true, encoding: .utf8)
        }
    }
}
