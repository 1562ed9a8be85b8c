import Foundation
import Testing
@testable import Scenarios

@Suite struct SnapshotTests {
    private func sections(metric: String) -> [SnapshotSection] {
        [
            SnapshotSection(title: "subscriptions", text: "### c12\nstatus: active\n"),
            SnapshotSection(title: "running configs", text: """
            ### loc1-core
            hostname loc1-core
              metric \(metric)
            ### loc2-core
            hostname loc2-core
            """),
        ]
    }

    private func run(_ workspace: TestWorkspace, metric: String, update: Bool) throws -> ScenarioResult {
        var options = RunOptions()
        options.updateSnapshots = update
        let scenarios = try ScenarioRunner.load(paths: [workspace.path("Scenarios")]).get()
        let sections = sections(metric: metric)
        return ScenarioRunner.execute(scenarios, options: options, execution: FakeExecution.passing(snapshot: { _ in sections }),
                                      console: CapturedConsole().console())[0]
    }

    @Test func recordThenMatchThenReportWhatChanged() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/workshop/build.yaml", name: "build")

        let missing = try run(workspace, metric: "10", update: false)
        #expect(missing.snapshotCheck?.status == .missing)
        #expect(missing.status == .passed, "a missing snapshot is not a failure")

        let recorded = try run(workspace, metric: "10", update: true)
        #expect(recorded.snapshotCheck?.status == .updated)
        let file = try workspace.read("Scenarios/workshop/__snapshots__/build.snapshot")
        #expect(file.hasPrefix("# orchlab snapshot: build\n"))
        #expect(file.contains("\n== running configs ==\n### loc1-core\nhostname loc1-core\n  metric 10\n"))

        let matched = try run(workspace, metric: "10", update: false)
        #expect(matched.snapshotCheck?.status == .matched)
        #expect(matched.status == .passed)

        let changed = try run(workspace, metric: "15000000", update: false)
        let check = try #require(changed.snapshotCheck)
        #expect(check.status == .changed)
        #expect(changed.status == .failed)
        #expect(check.changes == ["running configs › loc1-core"])
        #expect(check.diff?.contains("-  metric 10\n+  metric 15000000") == true)
        #expect(changed.failures.last?.title == "snapshot changed: running configs › loc1-core")
        #expect(try workspace.read("Scenarios/workshop/__snapshots__/build.snapshot") == file, "a failing comparison never rewrites")
    }

    @Test func resultsWithoutSectionsOrThatErroredAreNotSnapshotted() throws {
        let workspace = try TestWorkspace()
        let scenario = try ScenarioParser().load(file: workspace.scenario("Scenarios/a.yaml", name: "a"))
        var result = ScenarioResult(scenario: scenario)
        #expect(SnapshotStore().check(scenario, result, update: true) == nil)
        result.snapshot = [SnapshotSection(title: "x", text: "y")]
        result.error = "topology failed to load"
        #expect(SnapshotStore().check(scenario, result, update: true) == nil)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("Scenarios/__snapshots__/a.snapshot")))
    }

    @Test func addedSectionIsNamed() {
        let old = SnapshotText.render(name: "s", sections: [SnapshotSection(title: "netbox", text: "a")])
        let new = SnapshotText.render(name: "s", sections: [SnapshotSection(title: "netbox", text: "a"),
                                                           SnapshotSection(title: "routing", text: "loc1 > loc2")])
        #expect(SnapshotText.compare(recorded: old, current: new, file: "f").changes == ["routing"])
    }
}
