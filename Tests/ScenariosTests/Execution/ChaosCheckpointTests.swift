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

    /// The careless task, with the leaky catalogue, after two enrolments and before `tail`.
    private static let leakyExecutor = ScenarioExecutor(catalogues: F.leakyCatalogues, topologies: F.topologies)
    private static func leakyAfterEnrolments(then tail: String = "") throws -> Scenario {
        try F.scenario(F.twoNodes + """
          - start: leaky_task
            as: leaky
            expect: completed

        """ + tail)
    }

    private static func failures(_ result: ScenarioResult) -> [String] {
        result.assertions.filter { !$0.passed }.map { "\($0.name): \($0.actual)" }
    }

    /// The careless task runs between enrolments and a circuit, so its faults are replayed from a
    /// checkpoint in the middle of the scenario and the replays that rejoin the clean run stop early.
    @Test func checkpointedReplaysFindTheDuplicatedAndLeakedPrefix() throws {
        let executor = Self.leakyExecutor
        let scenario = try Self.leakyAfterEnrolments(then: F.circuit())
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
    /// subscriptions, processes and routers as a fingerprint sees them, and inside an action the
    /// same engineer's record.
    @Test func aRestoredWorldLooksLikeTheOneCheckpointed() throws {
        let recorder = ChaosReference.Recorder()
        let played = F.executor.play(try F.scenario(F.twoNodes + F.circuit()), injection: nil, atPoint: recorder.record)
        #expect(recorder.error == nil)
        let world = try #require(played.world)
        let actions = recorder.checkpoints.compactMap { if case .action(let index) = $0.point { index } else { nil } }
        #expect(actions == [0, 1, 2])
        // Each start's loop: the round after the start call (suspended at the config step), after
        // the resume (completed), and for the circuit those of its second input step.
        let rounds = recorder.checkpoints.compactMap { if case .round(let round) = $0.point { "\(round.action).\(round.round)" } else { nil } }
        #expect(rounds.count >= 6 && rounds.starts(with: ["0.0", "0.1"]), "\(rounds)")
        // Between the steps of each start's call, which returns to round 0 of its loop.
        let steps = recorder.checkpoints.compactMap { if case .step(let boundary) = $0.point { boundary } else { nil } }
        #expect(steps.contains { $0.addsRecord && $0.after.round == 0 && $0.after.record.processID != nil }, "\(steps.count)")
        for checkpoint in recorder.checkpoints {
            let restored = try ScenarioWorld(restoring: checkpoint.world, of: world)
            var fresh = FingerprintMemo(), seeded = checkpoint.memo
            #expect(try WorldFingerprint(restored, memo: &fresh) == checkpoint.fingerprint)
            // The memo a replay starts with gives what reading everything again gives.
            #expect(try WorldFingerprint(restored, memo: &seeded) == checkpoint.fingerprint)
            #expect(try restored.stepRowCount() == checkpoint.stepRows)
            #expect(checkpoint.point.recordKey(in: restored) == checkpoint.recordKey)
        }
        #expect(recorder.checkpoints.map(\.stepRows) == recorder.checkpoints.map(\.stepRows).sorted())
        #expect(recorder.checkpoints.last!.stepRows > 0)
    }

    /// Each fault alone, replayed from the checkpoint just before it (inside its action when the
    /// fault falls after the action's first engine call, between two steps when it falls inside
    /// a call) and from the start: the same finding, or none either way. The clean run never
    /// retried, so replays that retried may rejoin it rounds later.
    @Test func eachFaultFromItsCheckpointAsFromTheStart() throws {
        let executor = Self.leakyExecutor
        let scenario = try Self.leakyAfterEnrolments()
        let recorder = ChaosReference.Recorder()
        let played = executor.play(scenario, injection: nil, atPoint: recorder.record)
        let world = try #require(played.world)
        #expect(!played.wouldRetry)
        let reference = ChaosReference(checkpoints: recorder.checkpoints, origin: world, canStopEarly: true, neverRetried: true)
        let baseline = try SideEffects(world)
        let chaos = ChaosExecutor(executor: executor)
        var insideActions = 0, insideCalls = 0
        var findings = 0
        for injection in try ChaosExecutor.injections(after: world) {
            switch reference.checkpoint(before: injection)?.point {
            case .round: insideActions += 1
            case .step: insideCalls += 1
            default: break
            }
            let fast = chaos.replay(scenario, injection, from: reference, against: baseline)
            let slow = chaos.replayFromStart(scenario, injection, against: baseline)
            #expect(fast?.assertionResult(scenario).name == slow?.assertionResult(scenario).name, "\(injection)")
            #expect(fast?.difference == slow?.difference, "\(injection)")
            if slow != nil { findings += 1 }
        }
        #expect(insideActions > 0 && insideCalls > 0)
        #expect(findings == 2, "the careless task's kill and failed allocation")
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
