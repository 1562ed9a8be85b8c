import NetBoxSim
import Testing
import WorkflowEngine
@testable import Workshop

/// Every NetBox call of every workflow fails once (an error answer, or a timeout whose work
/// NetBox did anyway, as when a worker is killed mid-step); retrying the step completes the
/// workflow and NetBox ends exactly as after a clean run.
@Suite struct RetryTests {
    static let faults: [Fault] = [.status(503), .timeout(applied: true)]

    static let sweeps: [(name: String, sweep: FaultSweep)] = [
        ("create_node", FaultSweep(setup: { $0.nodeInputs("loc1-core") }, workflow: WorkflowName.createNode)),
        ("create_circuit", FaultSweep(setup: { harness in
            let ids = try ["loc1-core", "loc2-core"].map { try harness.createNode($0) }
            return try harness.circuitInputs(ids[0], ids[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        }, workflow: WorkflowName.createCircuit)),
        ("terminate_circuit", FaultSweep(setup: { [["subscription_id": .string(try $0.firstCircuit().circuit)]] },
                                         workflow: WorkflowName.terminateCircuit)),
        ("terminate_node", FaultSweep(setup: { harness in
            [["subscription_id": .string(try harness.createNode("loc3-core"))]]
        }, workflow: WorkflowName.terminateNode)),
        ("validate_node", FaultSweep(setup: { harness in
            [["subscription_id": .string(try harness.createNode("loc3-core"))]]
        }, workflow: WorkflowName.validateNode)),
        ("validate_circuit", FaultSweep(setup: { [["subscription_id": .string(try $0.firstCircuit().circuit)]] },
                                        workflow: WorkflowName.validateCircuit)),
    ]

    @Test(arguments: sweeps.map(\.name))
    func everyNetBoxCallFailingOnceLeaksNothing(_ name: String) throws {
        let sweep = try #require(Self.sweeps.first { $0.name == name }).sweep
        let clean = try sweep.cleanRun()
        #expect(!clean.calls.isEmpty, "the workflow calls NetBox")
        for sweepCase in sweep.cases(clean.calls, faults: Self.faults) {
            let run = try sweep.run(sweepCase)
            #expect(run.fired == 1, "\(sweepCase): the fault fired")
            let differences = run.snapshot.differences(from: clean.snapshot)
            #expect(differences.isEmpty, "\(sweepCase): NetBox differs from the clean run: \(differences)")
        }
    }

    @Test func createCircuitMakesTheCallsItShouldAndRetriesEachStepItFails() throws {
        let sweep = try #require(Self.sweeps.first { $0.name == "create_circuit" }).sweep
        let clean = try sweep.cleanRun()
        #expect(clean.calls[.createCable] == 1)
        #expect(clean.calls[.allocatePrefix] == 2)
        #expect(clean.calls[.allocateIP] == 2)
        #expect(clean.calls[.updateCable] == 1)
        for operation in [NetBoxOperation.createCable, .allocatePrefix, .allocateIP, .updateCable] {
            let run = try sweep.run(.init(operation: operation, call: 1, fault: .timeout(applied: true)))
            #expect(run.retries == 1, "\(operation): one retry")
            #expect(run.snapshot.cables.count == 1 && run.snapshot.addresses.count == 12, "\(operation)")
        }
    }
}
