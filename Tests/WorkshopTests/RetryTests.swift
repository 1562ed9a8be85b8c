import Catalogues
import WorkshopReference
import Foundation
import NetBoxSim
import Testing
import Topology
import WorkflowEngine
@testable import Workshop

/// Every NetBox call of every workflow fails once (an error answer, or a timeout whose work
/// NetBox did anyway, as when a worker is killed mid-step); retrying the step completes the
/// workflow and NetBox ends exactly as after a clean run.
@Suite struct RetryTests {
    static let faults: [NetBoxFault] = [.status(503), .timeout(applied: true)]

    static let sweeps: [(name: String, sweep: FaultSweep)] = [
        ("create_node", FaultSweep(setup: { try $0.nodeInputs("loc1-core") }, workflow: WorkflowName.createNode)),
        ("create_circuit", FaultSweep(setup: { harness in
            for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
            return try harness.circuitInputs(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
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

@Suite struct RestartTests {
    /// A worker dies right after NetBox reserved the first address (the answer never came back);
    /// a new engine on the same database file retries the step and reuses what NetBox holds.
    @Test func retryAfterRestartOnTheSameDatabaseReusesTheReservation() throws {
        let path = LabTests.temporaryPath("restart")
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let lab = try Lab(WorkshopHarness.topology, netboxPath: path, clock: { WorkshopHarness.fixedDate })
        let faults = FaultInjector()
        let processID: String
        do {
            let engine = try Engine(path: path, clock: SteppingClock(), ids: IDGenerator(seed: 7))
            let catalogue = try WorkshopReference.catalogue().register(into: engine, netbox: lab.client(faults: faults), fleet: lab.fleet)
            let driver = WorkshopDriver(engine: engine, catalogue: catalogue, engineer: Engineer(fleet: lab.fleet))
            for device in ["loc1-core", "loc2-core"] { try driver.createNode(device) }
            faults.injectNext(.timeout(applied: true), on: .allocateIP)
            let outcome = try engine.start(WorkflowName.createCircuit,
                                           inputs: try driver.circuitInputs(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1"))
            #expect(outcome.status == .failed)
            #expect(try engine.process(outcome.processID).lastStep == "Reserve IPs in IPAM")
            processID = outcome.processID
        }
        let engine = try Engine(path: path, clock: SteppingClock(), ids: IDGenerator(seed: 8))
        let catalogue = try WorkshopReference.catalogue().register(into: engine, netbox: lab.client(faults: faults), fleet: lab.fleet)
        let driver = WorkshopDriver(engine: engine, catalogue: catalogue, engineer: Engineer(fleet: lab.fleet))
        var outcome = try engine.retry(processID)
        outcome = try Engineer(fleet: lab.fleet).confirm(outcome.processID, on: engine)
        let circuit = try engine.subscription(CircuitModel.self, id: try driver.subscription(of: outcome))
        #expect(circuit.circuit.members.map(\.v6_ip_address) == ["2001:db8:10::/127", "2001:db8:10::1/127"])
        #expect(try lab.netbox.ipAddresses(["parent": "2001:db8:10::/44"]).count == 2)
        #expect(try lab.netbox.prefixes(["within": "2001:db8:10::/44"]).count == 2)
    }
}
