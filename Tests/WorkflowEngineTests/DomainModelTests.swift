import Dispatch
import Synchronization
import Testing
import WorkflowEngine
import WorkflowEngineTesting

@Suite struct DomainModelTests {
    @Test func setStatusNamesTheMissingField() throws {
        let (engine, _) = try nodeEngine()
        try engine.register(createWorkflow("create_unnamed_node", "forgets node_id", initialForm: nodeForm) {
            step("Construct without id") { context in
                var subscription = try context.newSubscription(NodeModel.self, customerID: "ORG-1")
                subscription.node.node_name = try context.state.string("node_name")
                return ["subscription": subscription, "subscription_id": subscription.subscriptionID]
            }
            setStatus(.provisioning)
        })
        try engine.register(Product(name: "unnamed", description: "n", type: "Node", tag: "NODE",
                                    workflows: ["create_unnamed_node"], model: NodeModel.self))
        let run = try assertFailed(runWorkflow(engine, "create_unnamed_node", [["product": "unnamed"], ["node_name": "x"]]))
        #expect(run.detail.lastStep == "Set subscription to 'provisioning'")
        let error = try #require(extractError(run)?["error"]?.stringValue)
        #expect(error.contains("field 'node_id' of block 'Node' (node.node_id)"))
        #expect(!error.contains("node_name"))
        #expect(extractError(run)?["class"] == "DomainError")
    }

    @Test func crossSubscriptionBlocksAreRelationsRecordedAsInUseBy() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let run = try assertComplete(runWorkflow(engine, "create_circuit", [["product": "circuit 100G"],
                                                                             ["router_a": .string(a), "router_b": .string(b)]]))
        let circuitID = try run.state.string("subscription_id")
        let circuit = try engine.subscription(circuitID)
        #expect(circuit["speed"] == "100G")
        #expect(circuit["status"] == "active")
        let members = try #require(circuit["circuit"]?["members"]?.arrayValue)
        #expect(members.count == 2)
        #expect(members[0]["port"]?["node"]?["owner_subscription_id"] == .string(a))
        #expect(members[1]["port"]?["node"]?["node_name"] == "loc2")

        let nodeA = try engine.subscription(a)
        let relations = try #require(nodeA["node"]?["in_use_by_relations"]?.arrayValue)
        #expect(relations.map { $0["subscription_id"] } == [.string(circuitID)])
        #expect(nodeA["node"]?["in_use_by_ids"] == [members[0]["port"]?["subscription_instance_id"] ?? nil])
        let typed = try engine.subscription(CircuitModel.self, id: circuitID)
        #expect(typed.circuit.members[0].port?.node?.subscriptionInstanceID == nodeA["node"]?["subscription_instance_id"]?.stringValue)
    }

    @Test func blocksOwnedByAnotherSubscriptionAreNeverModified() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let circuit = try runWorkflow(engine, "create_circuit", [["product": "circuit 100G"], ["router_a": .string(a), "router_b": .string(b)]])
        let circuitID = try circuit.state.string("subscription_id")
        let nodeVersion = try engine.subscription(NodeModel.self, id: a).version
        _ = try assertComplete(runWorkflow(engine, "tamper_circuit", [["subscription_id": .string(circuitID)]]))
        let nodeA = try engine.subscription(NodeModel.self, id: a)
        #expect(nodeA.node.node_name == "loc1")
        #expect(nodeA.version == nodeVersion)
        #expect(try engine.subscription(CircuitModel.self, id: circuitID).circuit.under_maintenance == true)
    }

    @Test func nodeUsedByActiveCircuitCannotBeTerminated() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        _ = try runWorkflow(engine, "create_circuit", [["product": "circuit 100G"], ["router_a": .string(a), "router_b": .string(b)]])
        let options = try engine.subscriptionWorkflows(a)
        #expect(options.options(.terminate).first?.reason == .inUseByOthers)
        #expect(options.startable == ["force_terminate_node", "modify_node", "modify_node_with_approval", "validate_node"])
        let error = try #require(throws: FormError.self) { try engine.start("terminate_node", inputs: [["subscription_id": .string(a)]]) }
        #expect(error.validationErrors.first?.msg == "This workflow cannot be started: \(StartBlocker.inUseByOthers.text)")
        let forced = try assertFailed(runWorkflow(engine, "force_terminate_node", [["subscription_id": .string(a)]]))
        #expect(extractError(forced)?["error"]?.stringValue?.hasPrefix("Unsafe status change of Subscription \(a) to 'terminated'") == true)
    }

    @Test func modifyNeedsAnInSyncActiveSubscription() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let waiting = try assertSuspended(runWorkflow(engine, "modify_node_with_approval", [["subscription_id": .string(id)]]))
        #expect(try engine.subscriptionWorkflows(id).options(.modify).allSatisfy { $0.reason == .notInSync })
        let error = try #require(throws: FormError.self) { try engine.start("modify_node", inputs: [["subscription_id": .string(id)]]) }
        #expect(error.validationErrors.first?.msg == "This workflow cannot be started: \(StartBlocker.notInSync.text)")
        _ = try assertComplete(resumeWorkflow(waiting, [["approved": "ACCEPTED"]]))
        let renamed = try assertComplete(runWorkflow(engine, "modify_node", [["subscription_id": .string(id)]]))
        #expect(try engine.subscription(NodeModel.self, id: id).description == "Node loc1")
        #expect(renamed.stepNames == ["Start", "Create Process Subscription relation", "Lock subscription", "Rename node",
                                      "Unlock subscription", "Done"])
    }

    @Test func concurrentModifyStartsOnOneSubscriptionLetExactlyOneThrough() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let started = Mutex<[ProcessOutcome]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let outcome = try? engine.start("modify_node_with_approval", inputs: [["subscription_id": .string(id)]]) {
                started.withLock { $0.append(outcome) }
            }
        }
        #expect(started.withLock { $0.map(\.status) } == [.suspended])
    }

    @Test func staleVersionAndUnknownSubscriptionAreFormErrors() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let stale = try #require(throws: FormError.self) {
            try engine.start("modify_node", inputs: [["subscription_id": .string(id), "version": 1]])
        }
        #expect(stale.validationErrors.first?.type == "stale_data")
        let missing = try #require(throws: FormError.self) { try engine.start("modify_node", inputs: [["subscription_id": "nope"]]) }
        #expect(missing.validationErrors.first?.msg == "Subscription not found")
        #expect(throws: EngineError.unknownSubscription("nope")) { try engine.subscription("nope") }
    }

    @Test func terminateAndValidateUseTheirStandardSteps() throws {
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let validated = try assertComplete(runWorkflow(engine, "validate_node", [["subscription_id": .string(id)]]))
        #expect(validated.stepNames == ["Start", "Create Process Subscription relation", "Lock subscription", "Check node",
                                        "Unlock subscription", "Done"])
        #expect(validated.state["node_ok"] == true)
        let terminated = try assertComplete(runWorkflow(engine, "terminate_node", [["subscription_id": .string(id)]]))
        #expect(terminated.stepNames.contains("Set subscription to 'terminated'"))
        let subscription = try engine.subscription(NodeModel.self, id: id)
        #expect(subscription.status == .terminated)
        #expect(subscription.endDate != nil)
        #expect(try engine.subscriptionWorkflows(id).startable.isEmpty)
    }

    @Test func lockingAnOutOfSyncSubscriptionFailsAndTheBackupIsKept() throws {
        let engine = try makeTestEngine()
        try engine.register(modifyWorkflow("double_lock", "locks twice") { unsync })
        try engine.register(Product(name: "lockable", description: "l", type: "Node", tag: "NODE",
                                    workflows: ["double_lock"], model: NodeModel.self))
        let id = try engine.createSubscription(NodeModel.self, product: "lockable", customerID: "c") { subscription in
            subscription.node.node_id = 1
            subscription.node.node_name = "x"
            subscription.node.ipv4_loopback = "10.0.0.1"
            subscription.node.ipv6_loopback = "fd00::1"
        }.subscriptionID
        let run = try assertFailed(runWorkflow(engine, "double_lock", [["subscription_id": .string(id)]]))
        #expect(extractError(run)?["error"] == .string("Subscription \(id) is already out of sync, cannot continue!"))
        #expect(run.stepNames == ["Start", "Create Process Subscription relation", "Lock subscription", "Lock subscription"])
        #expect(run.state["__old_subscriptions__"]?[id]?["insync"] == true)
    }

    @Test func subscriptionListShowsEachSubscriptionWithItsProductAndFiltersByID() throws {
        let (engine, _) = try nodeEngine()
        #expect(try engine.subscriptionList().isEmpty)
        let ids = try (1...2).map { n in
            try engine.createSubscription(NodeModel.self, product: "node Cisco", customerID: "c", status: .initial) { subscription in
                subscription.node.node_name = "n\(n)"
            }.subscriptionID
        }
        let all = try engine.subscriptionList()
        #expect(all.compactMap { $0["subscription_id"]?.stringValue } == ids.sorted())
        #expect(all.allSatisfy { $0["status"] == "initial" && $0["product"]?["name"] == "node Cisco" })
        let one = try engine.subscriptionList(ids: [ids[1]])
        #expect(one.count == 1 && one[0]["subscription_id"]?.stringValue == ids[1])
        #expect(try engine.subscriptionList(ids: []).isEmpty)
    }

    @Test func createSubscriptionChecksRequirementsOfItsStatus() throws {
        let (engine, _) = try nodeEngine()
        #expect(throws: DomainError.self) {
            try engine.createSubscription(NodeModel.self, product: "node Cisco", customerID: "c") { $0.node.node_name = "x" }
        }
        #expect(try engine.subscriptionCount() == 0)
        let created = try engine.createSubscription(NodeModel.self, product: "node Cisco", customerID: "c") { subscription in
            subscription.node.node_id = 1
            subscription.node.node_name = "x"
            subscription.node.ipv4_loopback = "10.0.0.1"
            subscription.node.ipv6_loopback = "fd00::1"
        }
        #expect(created.status == .active && created.insync)
        #expect(throws: DomainError.wrongModelType(subscriptionID: created.subscriptionID, expected: "CircuitModel", actual: "ExampleNodeModel")) {
            try engine.subscription(CircuitModel.self, id: created.subscriptionID)
        }
    }
}
