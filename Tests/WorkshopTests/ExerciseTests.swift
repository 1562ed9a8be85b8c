import NetBoxSim
import Testing
import WorkflowEngine
@testable import Workshop

/// The starter set leaves the workshop's three exercises undone; the reference solves them.
/// `grade` tells them apart by behaviour, as exercise grading would.
@Suite struct ExerciseTests {
    /// Which exercises a workflow set solves, judged only by what its workflows do.
    static func grade(_ set: WorkflowSet) throws -> Set<Exercise> {
        var solved: Set<Exercise> = []
        let harness = try WorkshopHarness(set)
        let nodes = try ["loc1-core", "loc2-core"].map { try harness.createNode($0) }
        if try harness.netbox.device(id: 7).status == .active { solved.insert(.deviceStatusUpdate) }

        // Enrol loc3-core, stop at the config page, then try to enrol it again.
        let pending = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc3-core"))
        #expect(pending.status == .suspended)
        do {
            _ = try harness.engine.start(WorkflowName.createNode, inputs: harness.nodeInputs("loc3-core"))
        } catch FormError.invalid {
            solved.insert(.enrolmentCheck)
        }

        let circuit = try harness.createCircuit(nodes[0], nodes[1], aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        let before = harness.fleet.adjacencies().first?.aMetric
        try harness.expectCompleted(try harness.run(WorkflowName.modifyCircuit,
                                                    [["subscription_id": .string(circuit)], ["under_maintenance": false]]))
        let maintenance = try harness.engine.subscription(CircuitModel.self, id: circuit).circuit.under_maintenance
        if maintenance == false && before == 15_000_000 && harness.fleet.adjacencies().first?.aMetric == 10 {
            solved.insert(.modifyCircuit)
        }
        return solved
    }

    @Test func gradingTellsStarterFromReference() throws {
        #expect(try Self.grade(.reference) == Set(Exercise.allCases))
        #expect(try Self.grade(.starter) == [])
    }

    @Test func setsDifferOnlyInTheExercisesSteps() throws {
        let engine = try WorkshopHarness().engine
        let lab = try WorkshopHarness().lab
        func steps(_ set: WorkflowSet) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: set.workflows(engine: engine, netbox: lab.client(), fleet: lab.fleet)
                .map { ($0.name, $0.steps.names) })
        }
        let reference = steps(.reference), starter = steps(.starter)
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

    @Test func setsAreSelectableByName() {
        #expect(WorkflowSet.named("reference") == .reference)
        #expect(WorkflowSet.named("starter") == .starter)
        #expect(WorkflowSet.named("solution") == nil)
        #expect(WorkflowSet.starter.placingMetric(.routerWide).solvedExercises.isEmpty)
    }

    @Test func starterStillBuildsAWorkingNetworkButLeavesDevicesPlanned() throws {
        let harness = try WorkshopHarness(.starter)
        let (_, circuits) = try harness.buildWorkshop()
        #expect(circuits.count == 10)
        #expect(harness.fleet.reachability().isFullyReachable)
        #expect(try harness.netbox.devices(["status": "planned"]).count == 5)
    }

    @Test func starterEnrolsTheSameDeviceTwice() throws {
        let harness = try WorkshopHarness(.starter)
        let first = try harness.createNode("loc1-core")
        let second = try harness.createNode("loc1-core")
        #expect(first != second)
        #expect(try harness.netbox.device(id: 7).status == .planned, "the starter never activates the device")
    }
}
