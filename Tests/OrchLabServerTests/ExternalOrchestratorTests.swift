import Catalogues
import Foundation
import NetBoxSim
import OrchestratorDriver
import Scenarios
import Testing
import Topology
import WorkflowEngine
@testable import OrchLabServer

/// The REST driver `run --orchestrator` uses, against `orchlab serve`'s /api (which answers as
/// orchestrator-core does), and the lab it serves to an external orchestrator.
@Suite struct ExternalOrchestratorTests {
    /// Runs blocking driver calls off the concurrency pool, which the live server answers on.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func driver(_ server: LiveServer, lab: ServedLab) -> RESTOrchestrator {
        RESTOrchestrator(url: URL(string: "http://127.0.0.1:\(server.port)")!, token: LiveServer.token, lab: lab,
                         keepData: false, settleTimeout: .seconds(30))
    }

    static func lab() -> ServedLab {
        ServedLab(configuration: ServerConfiguration(host: "127.0.0.1", port: 0, token: LiveServer.token))
    }

    @Test func drivesAProcessThroughItsInputStepAndCleansUp() async throws {
        try await LiveServer.with { server in
            let orchestrator = Self.driver(server, lab: Self.lab())
            let fleet = server.world.lab.fleet
            let outcome = try await Self.blocking {
                let product = try orchestrator.productID(creating: "create_node")
                return try orchestrator.start("create_node", pages: [["product": .string(product)], ["select_device_choice": "loc1-core"]],
                                              user: "test")
            }
            #expect(outcome.status == .suspended)
            let (pending, workflow) = try await Self.blocking {
                (try orchestrator.pendingForm(outcome.processID), try orchestrator.workflow(named: "create_node"))
            }
            #expect(workflow == OrchestratedWorkflow(name: "create_node", target: .create, isTask: false))
            let form = try #require(pending).form
            let configs = orchestrator.engineer.configs(form)
            #expect(configs.map(\.device) == ["loc1-core"])
            for config in configs { _ = try fleet.apply(paste: config.text, to: config.device, actor: "test") }
            let confirmation = orchestrator.engineer.confirmation(form)
            #expect(confirmation == ["confirm_config_put_on_routers": "ACCEPTED"])
            let status = try await Self.blocking { try orchestrator.resume(outcome.processID, pages: [confirmation], user: "test") }
            #expect(status == .completed)

            let (subscription, model, steps, all) = try await Self.blocking { () -> (String?, JSON, [LoggedStep], Int) in
                let id = try orchestrator.subscriptionID(ofProcess: outcome.processID)
                return (id, try orchestrator.domainModel(id ?? ""), try orchestrator.stepLog(outcome.processID),
                        try orchestrator.subscriptions().count)
            }
            #expect(subscription != nil)
            #expect(model["node"]?["node_name"] == "loc1-core")
            #expect(steps.last?.status == .complete)
            #expect(all == 1)

            // Before each scenario every process and subscription is deleted through the API.
            let (left, processes) = try await Self.blocking { () -> (Int, Int) in
                try orchestrator.deleteEverything()
                return (try orchestrator.subscriptions().count, 0)
            }
            #expect(left == 0 && processes == 0)
            #expect(try await server.call("GET", "/api/processes/").json == .array([]))
        }
    }

    @Test func aRefusedFormNamesTheFieldAndAnIncompleteOneTheNextPage() async throws {
        try await LiveServer.with { server in
            let orchestrator = Self.driver(server, lab: Self.lab())
            let product = try await Self.blocking { try orchestrator.productID(creating: "create_node") }
            let bad = try await Self.blocking { () -> String in
                do {
                    _ = try orchestrator.start("create_node", pages: [["product": .string(product)], ["select_device_choice": "nope"]], user: "t")
                    return "started"
                } catch { return String(describing: error) }
            }
            #expect(bad.hasPrefix("400 form not valid: select_device_choice:"))
            let incomplete = try await Self.blocking { () -> String in
                do {
                    _ = try orchestrator.start("create_node", pages: [["product": .string(product)]], user: "t")
                    return "started"
                } catch { return String(describing: error) }
            }
            #expect(incomplete.hasPrefix("510 form not complete:") && incomplete.contains("select_device_choice"))
        }
    }

    @Test func theServedLabFailsPlannedNetBoxCallsAndServesNoEngine() async throws {
        let topology = LiveServer.topology
        let lab = try Lab(topology, clock: { Date(timeIntervalSince1970: 0) })
        let faults = FaultInjector()
        faults.inject(.status(503), on: .createCable, call: 1)
        let served = Self.lab()
        let shutdown = ShutdownSwitch()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await served.serve(shutdown: shutdown) { continuation.yield($0) } }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = LiveServer(port: port, world: try LiveServer.makeWorld())
            #expect(try await client.call("GET", "/netbox/api/dcim/devices/").status == 503)

            try served.show(netbox: lab.netbox, fleet: lab.fleet, faults: faults)
            let interfaces = try lab.netbox.interfaces(["limit": "0"]).results.prefix(2).map(\.id)
            let cable = """
                {"a_terminations": [{"object_type": "dcim.interface", "object_id": \(interfaces[0])}],
                 "b_terminations": [{"object_type": "dcim.interface", "object_id": \(interfaces[1])}], "status": "planned"}
                """
            let failed = try await client.call("POST", "/netbox/api/dcim/cables/", body: cable)
            #expect(failed.status == 503)
            #expect(try lab.netbox.cables(["limit": "0"]).results.isEmpty)
            #expect(try await client.call("POST", "/netbox/api/dcim/cables/", body: cable).status == 201)
            #expect(try lab.netbox.cables(["limit": "0"]).results.count == 1)
            #expect(try await client.call("GET", "/lab/devices").status == 200)
            #expect(try await client.call("GET", "/api/processes/").status == 404)
            await shutdown.trigger()
            try await group.waitForAll()
        }
    }

    @Test(arguments: [
        ("POST", "api/dcim/cables", [], NetBoxOperation.createCable),
        ("PATCH", "api/dcim/devices/3", [], .updateDevice),
        ("GET", "api/dcim/devices", ["name"], .getDeviceByName),
        ("GET", "api/dcim/devices", [], .listDevices),
        ("POST", "api/ipam/prefixes/3/available-prefixes", [], .allocatePrefix),
        ("POST", "api/ipam/prefixes/9/available-ips", [], .allocateIP),
        ("DELETE", "api/ipam/ip-addresses/4", [], .deleteIPAddress),
        ("GET", "api/dcim/interfaces", ["device"], .listInterfaces),
    ] as [(String, String, [String], NetBoxOperation)])
    func netboxCallsCountAsTheClientOperationAWorkflowMakes(method: String, path: String, query: [String], operation: NetBoxOperation) {
        let call = HTTPCall(method: .init(method)!, segments: path.split(separator: "/").map(String.init),
                            query: query.map { .init(name: $0, value: "x") }, body: [], headers: [:], origin: "")
        #expect(NetBoxFaultGate.operation(call) == operation)
    }

    @Test func statusOrHeadlessCallsAreNoClientOperation() {
        let call = HTTPCall(method: .get, segments: ["api", "status"], query: [], body: [], headers: [:], origin: "")
        #expect(NetBoxFaultGate.operation(call) == nil)
    }
}
