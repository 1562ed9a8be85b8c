import Catalogues
import WorkshopReference
import Foundation
import NetBoxSim
import Testing
import Topology
import WorkflowEngine
import WorkflowEngineTesting
@testable import Workshop

@Suite struct LabTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-lab-\(name)-\(UUID().uuidString).sqlite").path
    }

    @Test func labFromAFileSeedsNetBoxAndWiresTheFleet() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let lab = try Lab(contentsOf: root.appendingPathComponent("Topologies/workshop.yaml").path)
        #expect(try lab.netbox.devices(["status": "planned"]).count == 5)
        #expect(lab.fleet.deviceNames == (1...5).map { "loc\($0)-core" })
        #expect(lab.topology.fleet.links.count == 10)
    }

    @Test func labOnASQLiteFileKeepsNetBoxAcrossReopening() throws {
        let path = Self.temporaryPath("reopen")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let lab = try Lab(WorkshopHarness.topology, netboxPath: path, clock: { WorkshopHarness.fixedDate })
            let engine = try makeTestEngine()
            let catalogue = try WorkshopReference.catalogue().register(into: engine, netbox: lab.client(), fleet: lab.fleet)
            var outcome = try engine.start(WorkflowName.createNode, inputs: [
                ["product": .string(try #require(catalogue.product(named: "Node")).snapshot.productID)], ["select_device_choice": "loc1-core"]])
            outcome = try Engineer(fleet: lab.fleet).confirm(outcome.processID, on: engine)
            #expect(outcome.status == .completed)
        }
        let reopened = try Lab(WorkshopHarness.topology, netboxPath: path, clock: { WorkshopHarness.fixedDate })
        #expect(try reopened.netbox.device(id: 7).status == .active, "not reseeded over the saved state")
        #expect(try reopened.netbox.devices().count == 5)
    }

    @Test func aBadTopologyFileIsATypedError() {
        #expect(throws: TopologyError.self) { try Lab(contentsOf: "/nonexistent/lab.yaml") }
    }
}
