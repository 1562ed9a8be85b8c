import Catalogues
import WorkshopReference
import NetBoxSim
import Testing
import WorkflowEngine
@testable import Workshop

/// A retry finds the cable its own process made; a second process racing for the same ports is
/// refused instead of sharing that cable (and its addresses).
@Suite struct CableOwnershipTests {
    @Test func cablesAreReusedOnlyByTheProcessThatMadeThem() throws {
        let harness = try WorkshopHarness()
        let netbox = WorkshopNetBox(client: harness.lab.client())
        let first = try netbox.ensureCable(a: 38, b: 109, owner: WorkshopNetBox.cableOwner(processID: "p1"))
        #expect(first.description == "create_circuit process p1")
        #expect(try netbox.ensureCable(a: 38, b: 109, owner: WorkshopNetBox.cableOwner(processID: "p1")) == first)
        #expect(throws: WorkshopError.portCabled(interfaceID: 38, cableID: first.id)) {
            try netbox.ensureCable(a: 38, b: 109, owner: WorkshopNetBox.cableOwner(processID: "p2"))
        }
        #expect(throws: WorkshopError.portCabled(interfaceID: 109, cableID: first.id)) {
            try netbox.ensureCable(a: 110, b: 109, owner: WorkshopNetBox.cableOwner(processID: "p2"))
        }
        #expect(try netbox.ownedCable(a: 38, b: 109, owner: WorkshopNetBox.cableOwner(processID: "p2")) == nil)
        #expect(try harness.netbox.cables().count == 1)
    }

    @Test func abortingLeavesSomebodyElsesCableAndAddressesAlone() throws {
        let harness = try WorkshopHarness()
        for device in ["loc1-core", "loc2-core"] { try harness.createNode(device) }
        let inputs = try harness.circuitInputs(routerA: "loc1-core", routerB: "loc2-core", aPort: "1/1/c2/1", bPort: "1/1/c1/1")
        let started = try harness.engine.start(WorkflowName.createCircuit, inputs: inputs)
        // Meanwhile the ports were re-cabled by someone else, with the same circuit addresses.
        try harness.netbox.deleteCable(id: 1)
        let foreign = try harness.netbox.createCable(["a_terminations": [["object_type": "dcim.interface", "object_id": 38]],
                                                      "b_terminations": [["object_type": "dcim.interface", "object_id": 109]],
                                                      "status": "planned", "description": "patched by hand"])
        let before = try NetBoxSnapshot(harness.netbox)
        #expect(try harness.engine.abort(started.processID).status == .aborted)
        #expect(try NetBoxSnapshot(harness.netbox).differences(from: before).isEmpty)
        #expect(try harness.netbox.cable(id: foreign.id).description == "patched by hand")
    }
}
