import Foundation
import Testing
import WorkshopReference
@testable import Scenarios

/// The shipped scenarios through the runner with the real execution: byte-stable, order- and
/// parallelism-independent.
@Suite struct SuiteExecutionTests {
    typealias F = ExecutionFixture
    static let scenarios = SchemaSyncTests.packageRoot.appendingPathComponent("Scenarios").path
    static let fastFolders = ["validation", "faults"].map { (scenarios as NSString).appendingPathComponent($0) }

    private func options(jobs: Int, reports: String?) -> RunOptions {
        var options = RunOptions()
        options.paths = Self.fastFolders
        options.jobs = jobs
        options.recordTimings = false
        options.reportDirectory = reports
        return options
    }

    @Test func twoRunsWriteByteIdenticalReports() throws {
        let workspace = try TestWorkspace()
        let execution = F.executor.execution
        for run in ["first", "second"] {
            let status = ScenarioRunner.run(options(jobs: 2, reports: workspace.path(run)), catalogues: F.catalogues, execution: execution,
                                            console: CapturedConsole().console())
            #expect(status == ExitStatus.passed)
        }
        for file in [ReportWriter.fileNames.junit, ReportWriter.fileNames.json, ReportWriter.fileNames.markdown, ReportWriter.fileNames.html] {
            let first = try workspace.read("first/\(file)"), second = try workspace.read("second/\(file)")
            #expect(first == second, "\(file) differs between runs")
            #expect(!first.isEmpty)
        }
    }

    @Test func parallelAndSerialRunsGiveIdenticalResultsAndSnapshots() throws {
        let scenarios = try ScenarioRunner.load(paths: Self.fastFolders).get()
        let console = CapturedConsole().console()
        let serial = ScenarioRunner.execute(scenarios, options: options(jobs: 1, reports: nil), execution: F.executor.execution, console: console)
        let parallel = ScenarioRunner.execute(scenarios.reversed(), options: options(jobs: 4, reports: nil),
                                              execution: F.executor.execution, console: console)
        #expect(serial.count == scenarios.count)
        #expect(serial == parallel.reversed())
        #expect(serial.allSatisfy { $0.status == .passed })
        #expect(serial.allSatisfy { !$0.snapshot.isEmpty })
    }

    /// Each action carries its wall time in results.json (the external-orchestrator benchmark
    /// reads it); `--no-timings` leaves it out.
    @Test func actionsCarryTheirWallTimeUnlessTimingsAreOff() throws {
        let scenarios = try ScenarioRunner.load(paths: [Self.fastFolders[0]]).get()
        let console = CapturedConsole().console()
        var timed = options(jobs: 1, reports: nil)
        timed.recordTimings = true
        let withTimings = ScenarioRunner.execute(scenarios, options: timed, execution: F.executor.execution, console: console)
        let actions = withTimings.flatMap(\.actions)
        #expect(!actions.isEmpty)
        #expect(actions.allSatisfy { ($0.durationSeconds ?? -1) >= 0 })
        let decoded = try JSONReport.decode(Data(try JSONReport(results: withTimings).render().utf8))
        #expect(decoded.scenarios.flatMap(\.actions).map(\.durationSeconds) == actions.map(\.durationSeconds))

        let untimed = ScenarioRunner.execute(scenarios, options: options(jobs: 1, reports: nil), execution: F.executor.execution,
                                             console: console)
        #expect(untimed.flatMap(\.actions).allSatisfy { $0.durationSeconds == nil })
        let text = try JSONReport(results: untimed).render()
        #expect(text.components(separatedBy: "\"duration_seconds\"").count - 1 == untimed.count + 1,
                "only the summary's and the scenarios' zeros")
    }

    @Test func snapshotsNameEveryPartAndHoldNoIDsThatShiftBetweenWorkflowVersions() throws {
        let result = try F.run(F.twoNodes + F.circuit())
        #expect(result.snapshot.map(\.title) == ["subscriptions", "netbox", "netbox changes", "running configs", "routing"])
        let subscriptions = try #require(result.snapshot.first).text
        #expect(subscriptions.contains("### c12\n"))
        #expect(subscriptions.contains("circuit.members.0.port.node.node_name = loc1-core"))
        let uuid = try Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
        #expect(!subscriptions.contains(uuid), "\(subscriptions)")
        let netbox = result.snapshot[1].text
        #expect(netbox.contains("### cable loc1-core:1/1/c2/1 <-> loc2-core:1/1/c1/1\nstatus connected"))
        let changes = result.snapshot[2].text
        #expect(changes.contains("### changed interface loc1-core 1/1/c2/1\ncable = 1\ncable_end = A"))
        #expect(changes.contains("description = create_circuit process ${c12}"))
        #expect(!changes.contains(uuid), "\(changes)")
        #expect(result.snapshot[3].text.contains("### loc1-core\n"))
        let diff = result.configDiffs.first { $0.device == "loc1-core" }?.unifiedDiff ?? ""
        #expect(diff.contains("+ description Circuit Connection to loc2-core port 1/1/c1/1"), "\(diff)")
    }

    @Test func theRegressionScenarioCatchesTheRouterWideMetricTemplate() throws {
        let scenario = try ScenarioParser().load(file: (Self.scenarios as NSString).appendingPathComponent("metric-regression.yaml"))
        #expect(F.executor.execute(scenario).status == .passed)
        let routerWide = ScenarioExecutor(catalogues: F.catalogues.replacing(WorkshopReference.catalogue(metricPlacement: .routerWide)), topologies: F.topologies)
        let result = routerWide.execute(scenario)
        #expect(result.status == .failed)
        #expect(result.assertions.filter { !$0.passed }.map(\.name).contains("no router-wide metric"))
    }

    /// The workshop's template gives every router one NET: with it the fleet, as real IS-IS,
    /// refuses every adjacency, and the regression scenario says so.
    @Test func theRegressionScenarioCatchesTheTemplatesSharedNET() throws {
        let scenario = try ScenarioParser().load(file: (Self.scenarios as NSString).appendingPathComponent("net-regression.yaml"))
        #expect(F.executor.execute(scenario).status == .passed)
        let template = ScenarioExecutor(catalogues: F.catalogues.replacing(WorkshopReference.catalogue(netAssignment: .workshopTemplate)),
                                        topologies: F.topologies)
        let played = template.play(scenario, injection: nil)
        #expect(played.result.status == .failed)
        #expect(Set(played.result.assertions.filter { !$0.passed }.map(\.name)) == [
            "loc1 has the NET of its loopback 10.0.0.1", "loc2 has a NET of its own", "loc1 and loc2 are neighbours",
            "loc2 and loc3 are neighbours", "loc1 reaches loc3 through loc2",
        ])
        let problems = try #require(played.world).fleet.problems().filter { $0.kind == .duplicateSystemID }
        #expect(problems.contains { $0.subjects == ["loc1-core", "loc2-core"] })
    }

    @Test func aLabThatCannotBeLoadedIsAScenarioError() throws {
        var scenario = try F.scenario(F.twoNodes)
        scenario.topologyPath = "/nonexistent/lab.yaml"
        let result = F.executor.execute(scenario)
        #expect(result.status == .error)
        #expect(result.error?.contains("/nonexistent/lab.yaml") == true)
    }

    @Test func aSnapshotNamesEveryRouterAWorkflowChangeAltered() throws {
        let workspace = try TestWorkspace()
        let root = SchemaSyncTests.packageRoot
        try workspace.write("Topologies/workshop.yaml", try String(contentsOf: root.appendingPathComponent("Topologies/workshop.yaml"), encoding: .utf8))
        let file = try workspace.write("Scenarios/regression.yaml",
                                       try String(contentsOf: root.appendingPathComponent("Scenarios/metric-regression.yaml"), encoding: .utf8))
        let scenario = try ScenarioParser().load(file: file)
        var options = RunOptions()
        options.updateSnapshots = true
        let console = CapturedConsole().console()
        let recorded = ScenarioRunner.execute([scenario], options: options, execution: F.executor.execution, console: console)
        #expect(recorded.first?.snapshotCheck?.status == .updated)
        options.updateSnapshots = false
        let routerWide = ScenarioExecutor(catalogues: F.catalogues.replacing(WorkshopReference.catalogue(metricPlacement: .routerWide)), topologies: F.topologies)
        let check = try #require(ScenarioRunner.execute([scenario], options: options, execution: routerWide.execution,
                                                        console: console).first?.snapshotCheck)
        #expect(check.status == .changed)
        #expect(check.changes.contains("running configs › loc1-core"))
        #expect(check.diff?.contains("+  metric 10") == true, "\(check.diff ?? "")")
    }
}
