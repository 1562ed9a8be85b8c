import Foundation
import Testing
@testable import Scenarios

/// Chaos replays from checkpoints find what replays from the start find: the same failed
/// assertions, with the same places and differences.
@Suite struct ChaosCheckpointTests {
    typealias F = ExecutionFixture

    /// Both ways of replaying, on one scenario.
    private static func bothWays(_ scenario: Scenario, executor: ScenarioExecutor = F.executor) -> (fast: ScenarioResult, slow: ScenarioResult) {
        var slow = ChaosExecutor(executor: executor)
        slow.replaysFromCheckpoints = false
        return (ChaosExecutor(executor: executor).execute(scenario), slow.execute(scenario))
    }

    private static func failures(_ result: ScenarioResult) -> [String] {
        result.assertions.filter { !$0.passed }.map { "\($0.name): \($0.actual)" }
    }

    /// The careless task runs between enrolments and a circuit, so its faults are replayed from a
    /// checkpoint in the middle of the scenario and the replays that rejoin the clean run stop early.
    @Test func checkpointedReplaysFindTheDuplicatedAndLeakedPrefix() throws {
        let executor = ScenarioExecutor(catalogues: F.leakyCatalogues, topologies: F.topologies)
        let scenario = try F.scenario(F.twoNodes + """
          - start: leaky_task
            as: leaky
            expect: completed

        """ + F.circuit())
        let (fast, slow) = Self.bothWays(scenario, executor: executor)
        let findings = fast.assertions.filter { !$0.passed && $0.name.hasPrefix("chaos: leaky / ") }
        #expect(Set(findings.map(\.name)) == [
            "chaos: leaky / Allocate a /127 without looking (engine killed in step row 24)",
            "chaos: leaky / Allocate a /127 without looking (NetBox allocate_prefix call #1 timed out after applying)",
        ], "\(Self.failures(fast))")
        // Duplicated: a second prefix in NetBox; leaked: no subscription holds it.
        #expect(findings.allSatisfy { $0.actual.contains("+### prefix 2001:db8:10::2/127") }, "\(findings.map(\.actual))")
        #expect(findings.allSatisfy { $0.actual.contains("leaked prefix 2001:db8:10::2/127 \"leaky\"") }, "\(findings.map(\.actual))")
        #expect(Self.failures(fast) == Self.failures(slow))
        #expect(fast.assertions.map(\.actual) == slow.assertions.map(\.actual))
    }

    /// A replay restored from a checkpoint starts where the clean run was: the same NetBox,
    /// subscriptions, processes and routers as a fingerprint sees them.
    @Test func aRestoredWorldLooksLikeTheOneCheckpointed() throws {
        let recorder = ChaosReference.Recorder()
        let played = F.executor.play(try F.scenario(F.twoNodes + F.circuit()), injection: nil, beforeEngineAction: recorder.record)
        #expect(recorder.error == nil)
        let world = try #require(played.world)
        #expect(recorder.checkpoints.map(\.action) == [0, 1, 2])
        for checkpoint in recorder.checkpoints {
            let restored = try ScenarioWorld(restoring: checkpoint.world, of: world)
            #expect(try WorldFingerprint(restored) == checkpoint.fingerprint)
            #expect(try restored.stepRowCount() == checkpoint.stepRows)
        }
        #expect(recorder.checkpoints.map(\.stepRows) == recorder.checkpoints.map(\.stepRows).sorted())
        #expect(recorder.checkpoints.last!.stepRows > 0)
    }

    /// The shipped fault scenarios (a scenario's own engine kill, NetBox outages whose failed
    /// processes chaos retries, routers refusing config): checkpointed chaos reports exactly what
    /// replaying from the start does. The other shipped scenarios match too, but replaying them
    /// from the start takes minutes: `orchlab-bench chaos` compares the whole suite.
    @Test(arguments: ShippedScenarios.faultFiles)
    func checkpointedChaosMatchesReplayingFromTheStart(file: String) throws {
        let scenario = try ScenarioParser().load(file: file)
        let (fast, slow) = Self.bothWays(scenario)
        #expect(fast.error == nil && slow.error == nil)
        #expect(Self.failures(fast) == Self.failures(slow))
        #expect(fast.assertions.map(\.actual) == slow.assertions.map(\.actual))
        #expect(fast.assertions.last?.actual.contains("replayed") == true)
    }
}

enum ShippedScenarios {
    static let faultFiles: [String] = {
        let folder = SchemaSyncTests.packageRoot.appendingPathComponent("Scenarios/faults")
        let found = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return found.filter { $0.pathExtension == "yaml" }.map(\.path).sorted()
    }()
}
