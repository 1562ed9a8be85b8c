import Catalogues
import Foundation
import Testing
@testable import Scenarios

@Suite struct RunnerTests {
    @Test func discoveryFindsYamlSortedAndSkipsExercisesAndSnapshots() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/b/two.yaml", name: "two")
        try workspace.scenario("Scenarios/a/one.yml", name: "one")
        try workspace.write("Scenarios/exercises/ex.yaml", "exercise: x\n")
        try workspace.write("Scenarios/__snapshots__/one.yaml", "x")
        try workspace.write("Scenarios/notes.txt", "not a scenario")
        let files = try ScenarioDiscovery.files(in: [workspace.path("Scenarios")])
        #expect(files == [workspace.path("Scenarios/a/one.yml"), workspace.path("Scenarios/b/two.yaml")])
        let both = try ScenarioDiscovery.files(in: [workspace.path("Scenarios/b/two.yaml"), workspace.path("Scenarios/b/./two.yaml")])
        #expect(both.count == 1, "the same file named twice runs once")
    }

    @Test func discoveryNamesMissingPaths() throws {
        let workspace = try TestWorkspace()
        #expect { try ScenarioDiscovery.files(in: [workspace.path("nope")]) } throws: { error in
            (error as? ScenarioFileError)?.issues.first?.message == "no such file or folder"
        }
    }

    private func scenarios(_ count: Int, workspace: TestWorkspace) throws -> [Scenario] {
        for index in 0..<count {
            try workspace.scenario("Scenarios/s\(String(format: "%03d", index)).yaml", name: "scenario \(index)",
                                   tags: index % 3 == 0 ? ["smoke"] : ["slow"])
        }
        return try ScenarioRunner.load(paths: [workspace.path("Scenarios")]).get()
    }

    @Test func selectionByTagFilterAndRegex() throws {
        let all = try scenarios(10, workspace: TestWorkspace())
        #expect(ScenarioSelection(tags: ["smoke"]).apply(to: all).map(\.name) == ["scenario 0", "scenario 3", "scenario 6", "scenario 9"])
        #expect(ScenarioSelection(filter: "SCENARIO 1").apply(to: all).map(\.name) == ["scenario 1"])
        #expect(ScenarioSelection(filter: "^scenario [2-4]$").apply(to: all).map(\.name) == ["scenario 2", "scenario 3", "scenario 4"])
        #expect(ScenarioSelection(tags: ["smoke"], filter: "9").apply(to: all).map(\.name) == ["scenario 9"])
    }

    @Test func shardsPartitionTheSuiteStably() throws {
        let all = try scenarios(11, workspace: TestWorkspace())
        let shards = (1...3).map { ScenarioSelection(shard: Shard("\($0)/3")).apply(to: all).map(\.name) }
        #expect(shards.flatMap { $0 }.sorted() == all.map(\.name).sorted())
        #expect(Set(shards[0]).isDisjoint(with: shards[1]) && Set(shards[1]).isDisjoint(with: shards[2]))
        #expect(shards[0] == ["scenario 0", "scenario 3", "scenario 6", "scenario 9"])
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("x") == nil && Shard("1/0") == nil)
    }

    @Test func resultsComeInSuiteOrderWhateverFinishesFirst() throws {
        let all = try scenarios(24, workspace: TestWorkspace())
        // Early scenarios do the most work, so later ones tend to finish first.
        let execution: ScenarioExecution = { scenario in
            let index = Int(scenario.name.split(separator: " ")[1])!
            var sum = 0
            for i in 0..<((24 - index) * 20_000) { sum &+= i }
            var result = FakeExecution.result(for: scenario) { _ in sum >= 0 }
            result.error = nil
            return result
        }
        let captured = CapturedConsole()
        var options = RunOptions()
        options.jobs = 4
        let results = ScenarioRunner.execute(all, options: options, execution: execution, console: captured.console())
        #expect(results.map(\.name) == all.map(\.name))
        let lines = captured.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 24)
        #expect(lines.first?.hasPrefix("[ 1/24] PASS  scenario 0") == true)
        #expect(lines.last?.hasPrefix("[24/24] PASS  scenario 23") == true)
        #expect(lines.map { $0.contains("scenario \(lines.firstIndex(of: $0)!)  ") }.allSatisfy { $0 })
    }

    @Test func severalWorkersStartTheLongestScenariosFirst() throws {
        func scenario(_ name: String, starts: Int) throws -> Scenario {
            try ExecutionFixture.scenario(String(repeating: "  - start: create_node\n    form: {select_device_choice: loc1-core}\n", count: starts),
                                          name: name)
        }
        let suite = [try scenario("one", starts: 1), try scenario("three", starts: 3), try scenario("two", starts: 2),
                     try scenario("three again", starts: 3)]
        #expect(ParallelRunner.startOrder(suite, workers: 2) == [1, 3, 2, 0])
        #expect(ParallelRunner.startOrder(suite, workers: 1) == [0, 1, 2, 3])
    }

    @Test func exitCodesAndOutput() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/good.yaml", name: "good")
        try workspace.scenario("Scenarios/bad.yaml", name: "bad", assertions: ["loc1 active", "loc2 active"])
        var options = RunOptions()
        options.paths = [workspace.path("Scenarios")]
        options.reportDirectory = workspace.path("reports")

        let passing = CapturedConsole()
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(), console: passing.console()) == 0)
        #expect(passing.text.contains("2 scenarios: 2 passed, 0 failed, 0 errors, 0 skipped"))

        let failing = CapturedConsole()
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(except: ["loc2 active"]), console: failing.console()) == 1)
        let text = failing.text
        #expect(text.contains("FAIL  bad"))
        #expect(text.contains("\(workspace.path("Scenarios/bad.yaml")):10: assertion \"loc2 active\""))
        #expect(text.contains("expected: NetBox device loc1-core has status active"))
        #expect(text.contains("actual  : planned"))
        #expect(!text.contains("\u{1B}["), "no colour when not on a terminal")
        #expect(FileManager.default.fileExists(atPath: workspace.path("reports/junit.xml")))

        try workspace.write("Scenarios/broken.yaml", "name: broken\ntopology: workshop\nactions:\n  - strat: x\n")
        let invalid = CapturedConsole()
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(), console: invalid.console()) == 2)
        #expect(invalid.text.contains("broken.yaml:4:5: actions[0]: unknown action"))
        #expect(invalid.text.contains("nothing was run"))
    }

    @Test func colourOnlyWhenTheConsoleAllowsIt() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/a.yaml", name: "a")
        var options = RunOptions()
        options.paths = [workspace.path("Scenarios")]
        options.reportDirectory = nil
        let captured = CapturedConsole()
        _ = ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(), console: captured.console(colour: true))
        #expect(captured.text.contains("\u{1B}[32mPASS \u{1B}[0m"))
    }

    @Test func listPlansWithoutExecutingAndMissingExecutionIsInvalid() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/a.yaml", name: "alpha", tags: ["smoke"])
        try workspace.scenario("Scenarios/b.yaml", name: "beta")
        var options = RunOptions()
        options.paths = [workspace.path("Scenarios")]
        options.listOnly = true
        options.selection = ScenarioSelection(tags: ["smoke"])
        let captured = CapturedConsole()
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(), console: captured.console()) == 0)
        #expect(captured.text.contains("alpha [smoke] — 2 actions, 1 assertions, workflows reference"))
        #expect(!captured.text.contains("beta"))
        #expect(captured.text.contains("1 scenario selected"))
        options.listOnly = false
        options.selection = ScenarioSelection(filter: "no such scenario")
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(), console: CapturedConsole().console()) == 2)
    }

    @Test func failFastSkipsWhatIsNotStarted() throws {
        let all = try scenarios(6, workspace: TestWorkspace())
        var options = RunOptions()
        options.jobs = 1
        options.failFast = true
        let results = ScenarioRunner.execute(all, options: options, execution: FakeExecution.passing(except: ["loc1 active"]),
                                             console: CapturedConsole().console())
        #expect(results.map(\.status) == [.failed, .skipped, .skipped, .skipped, .skipped, .skipped])
        #expect(results[1].skipReason?.contains("scenario 0") == true)
    }

    @Test func workflowOverrideReachesTheExecution() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/a.yaml", name: "a")
        var options = RunOptions()
        options.paths = [workspace.path("Scenarios")]
        options.reportDirectory = nil
        options.workflows = "starter"
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.referenceOnly(), console: CapturedConsole().console()) == 1)
        options.workflows = "reference"
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.referenceOnly(), console: CapturedConsole().console()) == 0)
    }

    @Test func duplicateScenarioNamesAreInvalid() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/a.yaml", name: "same")
        try workspace.scenario("Scenarios/b.yaml", name: "same")
        let result = ScenarioRunner.load(paths: [workspace.path("Scenarios")])
        #expect(throws: ScenarioFileError.self) { try result.get() }
    }
}

@Suite struct RunDeterminismTests {
    /// Without timings, two parallel runs of the same suite write the same bytes in every report.
    @Test func reportsAreByteStableAcrossRuns() throws {
        let workspace = try TestWorkspace()
        for index in 0..<12 {
            try workspace.scenario("Scenarios/s\(index).yaml", name: "scenario \(index)", assertions: ["a", "b"])
        }
        var reports: [[String]] = []
        for run in 0..<2 {
            var options = RunOptions()
            options.paths = [workspace.path("Scenarios")]
            options.jobs = 3
            options.recordTimings = false
            options.reportDirectory = workspace.path("reports\(run)")
            #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.passing(except: ["b"]), console: CapturedConsole().console()) == 1)
            reports.append(try ["junit.xml", "results.json", "summary.md", "report.html"].map { try workspace.read("reports\(run)/\($0)") })
        }
        #expect(reports[0] == reports[1])
        #expect(reports[0][1].contains("\"duration_seconds\" : 0,"))
    }
}
