import Testing
import WorkflowEngine
import Workshop
import WorkshopReference
@testable import Scenarios

/// Fingerprints taken with a memo of an earlier world read again only the subscriptions that
/// changed since, and equal those taken with a fresh memo.
@Suite struct FingerprintMemoTests {
    typealias F = ExecutionFixture

    /// A task that changes loc1's Node block, which the circuit's model shows, without saving
    /// the circuit: the circuit's model changes while its version does not.
    private static let retagExecutor = ScenarioExecutor(catalogues: F.catalogues.replacing(WorkshopReference.catalogue().adding { services in
        [workflow("retag_node", "Retag the first node", target: .system, isTask: true) {
            startStep
            step("Retag the node") { _ in
                var node = try services.subscriptions.subscriptions(NodeModel.self, product: WorkshopProducts.nodeName, statuses: [.active])[0]
                node.node.node_status = "retagged"
                return ["node": node]
            }
            doneStep
        }]
    }), topologies: F.topologies)

    /// From each checkpoint to the next one subscription was saved, a subscription was named,
    /// or (around the task) only a block the circuit shows changed; from the last checkpoint
    /// back to each, subscriptions lost versions and names.
    @Test func aMemoOfAnotherCheckpointGivesWhatAFreshOneGives() throws {
        let recorder = ChaosReference.Recorder()
        let scenario = try F.scenario(F.twoNodes + F.circuit() + """
          - start: retag_node
            as: retag
            expect: completed

        """)
        let played = Self.retagExecutor.play(scenario, injection: nil, atPoint: recorder.record)
        #expect(recorder.error == nil)
        let world = try #require(played.world)
        var fingerprints: [WorldFingerprint] = []
        for (earlier, checkpoint) in zip(recorder.checkpoints, recorder.checkpoints.dropFirst()) {
            let restored = try ScenarioWorld(restoring: checkpoint.world, of: world)
            var fresh = FingerprintMemo(), warm = earlier.memo, last = recorder.checkpoints[recorder.checkpoints.count - 1].memo
            let expected = try WorldFingerprint(restored, memo: &fresh)
            #expect(try WorldFingerprint(restored, memo: &warm) == expected)
            #expect(try WorldFingerprint(restored, memo: &last) == expected)
            #expect(checkpoint.fingerprint == expected)
            fingerprints.append(expected)
        }
        let circuit = try #require(fingerprints.last?.subscriptions.components(separatedBy: "### ").first { $0.hasPrefix("c12\n") })
        #expect(circuit.contains("node_status = retagged"))
        #expect(fingerprints.contains { !$0.subscriptions.contains("retagged") })
    }

    /// The leaks a fingerprint finds from its memo are those the leak finder finds reading
    /// every model with its users: here the careless task's prefix.
    @Test func leaksFromTheMemoAreTheLeakFindersOwn() throws {
        let executor = ScenarioExecutor(catalogues: F.leakyCatalogues, topologies: F.topologies)
        let recorder = ChaosReference.Recorder()
        let played = executor.play(try F.scenario(F.twoNodes + """
          - start: leaky_task
            as: leaky
            expect: completed

        """ + F.circuit()), injection: nil, atPoint: recorder.record)
        let world = try #require(played.world)
        for checkpoint in recorder.checkpoints {
            let restored = try ScenarioWorld(restoring: checkpoint.world, of: world)
            #expect(checkpoint.fingerprint.sideEffects == (try SideEffects(restored)))
        }
        let leaks = try #require(recorder.checkpoints.last?.fingerprint.sideEffects.leaks)
        #expect(leaks.count == 1 && leaks[0].hasPrefix("prefix ") && leaks[0].hasSuffix("\"leaky\""), "\(leaks)")
    }
}
