import Catalogues
import Foundation
import Synchronization
import Testing
@testable import Scenarios

/// Report folders are checked before anything runs, and replaced as a whole set or not at all.
@Suite struct ReportFolderTests {
    /// Counts the scenarios an execution was asked to play.
    private final class Counter: Sendable {
        let calls = Mutex(0)
        func execution() -> ScenarioExecution {
            let inner = FakeExecution.passing()
            return { [self] scenario in
                calls.withLock { $0 += 1 }
                return inner(scenario)
            }
        }
    }

    @Test func anUnwritableReportFolderStopsTheRunBeforeAnyScenario() throws {
        let workspace = try TestWorkspace()
        try workspace.scenario("Scenarios/a.yaml", name: "a")
        let blocker = try workspace.write("blocker", "a file where a folder should be\n")
        var options = RunOptions()
        options.paths = [workspace.path("Scenarios")]
        options.reportDirectory = blocker + "/reports"
        let counter = Counter(), console = CapturedConsole()
        #expect(ScenarioRunner.run(options, catalogues: FakeExecution.catalogues, execution: counter.execution(), console: console.console()) == ExitStatus.invalidInput)
        #expect(counter.calls.withLock { $0 } == 0)
        #expect(console.text.contains("orchlab: cannot write reports into \(blocker)/reports:"))
        #expect(console.text.contains("nothing was run"))
    }

    @Test func gradingChecksItsFolderFirstToo() throws {
        let workspace = try TestWorkspace()
        let blocker = try workspace.write("blocker", "x\n")
        var options = GradeOptions()
        options.paths = [GradingTests.exercisesFolder]
        options.reportDirectory = blocker + "/grade"
        let counter = Counter(), console = CapturedConsole()
        #expect(GradeRunner.run(options, catalogues: FakeExecution.catalogues, execution: counter.execution(), console: console.console()) == ExitStatus.invalidInput)
        #expect(counter.calls.withLock { $0 } == 0)
        #expect(console.text.contains("nothing was graded"))
    }

    @Test func aFailedWriteLeavesThePreviousSetWhole() throws {
        let workspace = try TestWorkspace()
        let directory = workspace.path("reports")
        let writer = ReportWriter(directory: directory)
        let previous = try writer.write(SyntheticResults.make(count: 2))
        let before = try previous.map { try String(contentsOfFile: $0, encoding: .utf8) }
        // JSON cannot encode a NaN duration: the JSON and HTML renderers fail, the others succeed.
        var broken = SyntheticResults.make(count: 3)
        broken[1].durationSeconds = .nan
        #expect(throws: ReportFolder.Unwritable.self) { try writer.write(broken) }
        #expect(try previous.map { try String(contentsOfFile: $0, encoding: .utf8) } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted() == ["junit.xml", "report.html", "results.json", "summary.md"])
    }

    @Test func aFolderInTheWayLeavesEveryFileAsItWas() throws {
        let workspace = try TestWorkspace()
        let directory = workspace.path("reports")
        try workspace.write("reports/a.txt", "old a\n")
        // `b.txt` is a folder: the set cannot be completed, so `a.txt` keeps its old text.
        try FileManager.default.createDirectory(atPath: workspace.path("reports/b.txt"), withIntermediateDirectories: true)
        let folder = ReportFolder(directory: directory)
        #expect(throws: ReportFolder.Unwritable.self) { try folder.publish([("a.txt", { "new a\n" }), ("b.txt", { "new b\n" })]) }
        #expect(try workspace.read("reports/a.txt") == "old a\n")
        let written = try folder.publish([("a.txt", { "new a\n" }), ("c.txt", { "new c\n" })])
        #expect(written == [workspace.path("reports/a.txt"), workspace.path("reports/c.txt")])
        #expect(try workspace.read("reports/a.txt") == "new a\n" && workspace.read("reports/c.txt") == "new c\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted() == ["a.txt", "b.txt", "c.txt"])
    }
}
