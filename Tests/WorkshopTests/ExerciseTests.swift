import Catalogues
import NetBoxSim
import Testing
import WorkflowEngine
import Workshop
import WorkshopReference
import WorkshopStarter

/// The kit as handed out leaves the workshop's three exercises undone; the reference solves
/// them, each independently. `solved` tells them apart by behaviour, as grading would.
@Suite struct ExerciseTests {
    /// Which exercises a catalogue solves, judged only by what its workflows do.
    static func solved(_ catalogue: Catalogue) throws -> Set<WorkshopExercise> {
        var solved: Set<WorkshopExercise> = []
        let harness = try WorkshopHarness(catalogue)
        for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
        if try harness.netbox.device(id: 7).status == .active { solved.insert(.deviceStatusUpdate) }

        // Enrol loc3-core, stop at the config page, then try to enrol it again.
        let pending = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc3-core"))
        #expect(pending.status == .suspended)
        do {
            _ = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc3-core"))
        } catch FormError.invalid {
            solved.insert(.enrolmentCheck)
        }

        let circuit = try harness.createCircuit(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        let before = harness.fleet.adjacencies().first?.aMetric
        try harness.expectCompleted(try harness.run(WorkflowName.modifyCircuit,
                                                    [["subscription_id": .string(circuit)], ["under_maintenance": false]]))
        let maintenance = try harness.engine.subscription(CircuitModel.self, id: circuit).circuit.under_maintenance
        if maintenance == false && before == 15_000_000 && harness.fleet.adjacencies().first?.aMetric == 10 {
            solved.insert(.modifyCircuit)
        }
        return solved
    }

    @Test func theKitSolvesNothingAndTheReferenceEverything() throws {
        #expect(try Self.solved(WorkshopReference.catalogue()) == Set(WorkshopExercise.allCases))
        #expect(try Self.solved(WorkshopReference.starter()) == [])
    }

    @Test(arguments: WorkshopExercise.allCases)
    func eachSolutionSolvesOnlyItsOwnExercise(_ exercise: WorkshopExercise) throws {
        #expect(try Self.solved(WorkshopReference.catalogue(solving: [exercise])) == [exercise])
    }

    @Test func referenceDiffersFromTheKitOnlyInTheExercisesWorkflows() throws {
        let harness = try WorkshopHarness()
        let services = LabServices(netbox: harness.lab.client(), fleet: harness.fleet,
                                   subscriptions: SubscriptionLookup(engine: harness.engine))
        func steps(_ catalogue: Catalogue) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: catalogue.workflows(services).map { ($0.name, $0.steps.names) })
        }
        let reference = steps(WorkshopReference.catalogue()), starter = steps(WorkshopReference.starter())
        #expect(Set(reference.keys) == Set(starter.keys))
        #expect(Set(reference.keys.filter { reference[$0] != starter[$0] }) == [WorkflowName.createNode, WorkflowName.modifyCircuit])
        #expect(reference[WorkflowName.createNode]?.filter { !(starter[WorkflowName.createNode] ?? []).contains($0) }
            == ["Set device status 'active' in NetBox"])
        #expect(starter[WorkflowName.modifyCircuit] == ["Start", "Create Process Subscription relation", "Lock subscription",
                                                        "Update subscription model", "Unlock subscription", "Done"])
        #expect(reference[WorkflowName.modifyCircuit] == ["Start", "Create Process Subscription relation", "Lock subscription",
                                                          "Update subscription model", "Provide Config to User",
                                                          "Unlock subscription", "Done"])
    }

    /// A solution keeps its workflow's description: clients list workflows by it, as in the
    /// workshop's app.
    @Test func kitAndReferenceDescribeEachWorkflowAlike() throws {
        let harness = try WorkshopHarness()
        let services = LabServices(netbox: harness.lab.client(), fleet: harness.fleet,
                                   subscriptions: SubscriptionLookup(engine: harness.engine))
        func descriptions(_ catalogue: Catalogue) -> [String: String] {
            Dictionary(uniqueKeysWithValues: catalogue.workflows(services).map { ($0.name, $0.description) })
        }
        let starter = descriptions(WorkshopReference.starter())
        #expect(descriptions(WorkshopReference.catalogue()) == starter)
        #expect(starter[WorkflowName.modifyCircuit] == "Modify the circuit maintenance state")
        #expect(starter[WorkflowName.terminateCircuit] == "Terminate the circuit")
    }

    @Test func theKitStillBuildsAWorkingNetworkButLeavesDevicesPlanned() throws {
        let harness = try WorkshopHarness(WorkshopReference.starter())
        let (_, circuits) = try harness.buildWorkshop()
        #expect(circuits.count == 10)
        #expect(harness.fleet.reachability().isFullyReachable)
        #expect(try harness.netbox.devices(["status": "planned"]).count == 5)
    }

    @Test func theKitEnrolsTheSameDeviceTwice() throws {
        let harness = try WorkshopHarness(WorkshopReference.starter())
        let first = try harness.createNode("loc1-core")
        let second = try harness.createNode("loc1-core")
        #expect(first != second)
        #expect(try harness.netbox.device(id: 7).status == .planned, "the kit never activates the device")
    }
}
