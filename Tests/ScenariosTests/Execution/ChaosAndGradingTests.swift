import Testing
@testable import Scenarios

/// Chaos mode against a deliberately careless step and the reference workflows; grading the
/// shipped exercises with the real execution.
@Suite struct ChaosAndGradingTests {
    typealias F = ExecutionFixture

    @Test func chaosFindsTheStepWhoseRetryLeaks() throws {
        let executor = ScenarioExecutor(catalogues: F.leakyCatalogues, topologies: F.topologies)
        let scenario = try F.scenario("""
          - start: leaky_task
            as: leaky
            expect: completed
        """)
        #expect(executor.execute(scenario).status == .passed, "the clean run is fine")
        let result = ChaosExecutor(executor: executor).execute(scenario)
        let failures = result.assertions.filter { !$0.passed }
        #expect(failures.map(\.name).contains("chaos: leaky / Allocate a /127 without looking (engine killed in step row 2)"))
        #expect(failures.map(\.name).contains(
            "chaos: leaky / Allocate a /127 without looking (NetBox allocate_prefix call #1 timed out after applying)"))
        let findings = failures.filter { $0.name.hasPrefix("chaos: leaky / ") }
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.actual.contains("+### prefix 2001:db8:10::2/127") }, "\(findings.map(\.actual))")
        #expect(failures.contains { $0.actual.hasSuffix("replayed; 2 did") })
        #expect(result.status == .failed)
    }

    @Test func chaosPassesTheReferenceWorkflows() throws {
        let scenario = try F.scenario(F.twoNodes + F.circuit())
        let result = ChaosExecutor(executor: F.executor).execute(scenario)
        let summary = try #require(result.assertions.last)
        #expect(summary.passed, "\(result.assertions.filter { !$0.passed }.map { "\($0.name): \($0.actual)" })")
        #expect(summary.actual.hasSuffix("no step duplicated or leaked a side effect"))
        #expect(!summary.actual.hasPrefix("0 engine kills"))
        #expect(result.status == .passed)
    }

    @Test func starterScoresZeroAndReferenceFullMarksOnTheWorkshopExercises() throws {
        let exercises = try GradeRunner.load(paths: [GradingTests.exercisesFolder]).get()
        #expect(exercises.count == 3)
        let starter = GradeRunner.grade(exercises, workflows: "starter", jobs: 2, execution: F.executor.execution)
        #expect(starter.score == 0)
        #expect(starter.exercises.allSatisfy { $0.result.error == nil })
        let reference = GradeRunner.grade(exercises, workflows: "reference", jobs: 2, execution: F.executor.execution)
        #expect(reference.score == reference.exercises.reduce(0) { $0 + $1.maxScore })
        #expect(reference.score > 0)
    }
}
