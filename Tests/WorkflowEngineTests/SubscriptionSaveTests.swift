import Testing
@testable import WorkflowEngine
import WorkflowEngineTesting

@Suite struct SubscriptionSaveTests {
    /// An update writes only the rows that changed; afterwards the store must hold exactly the
    /// rows of the new model, as if it had been written from scratch.
    @Test func updateLeavesExactlyTheRowsOfTheNewModel() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let c = try activeNode(engine, node, name: "loc3")
        let run = try assertComplete(runWorkflow(engine, "create_circuit", [["product": "circuit 100G"],
                                                                             ["router_a": .string(a), "router_b": .string(b)]]))
        let circuitID = try run.state.string("subscription_id")
        var circuit = try engine.subscription(CircuitModel.self, id: circuitID)
        circuit.circuit.members.removeFirst()
        circuit.circuit.members[0].v6_ip_address = nil
        circuit.circuit.members[0].port?.node = try engine.subscription(NodeModel.self, id: c).node
        circuit.circuit.circuit_id = 7
        circuit.circuit.under_maintenance = true
        var added = Block<Layer3InterfaceBlock>()
        added.v6_ip_address = "fd00::9"
        circuit.circuit.members.append(added)
        let encoded = try circuit.encoded(ids: engine.core.ids)
        try engine.core.database.transaction { try engine.core.subscriptions.save(encoded) }

        #expect(try storedRows(engine.core, circuitID) == expectedRows(encoded.tree))
        let reloaded = try engine.subscription(CircuitModel.self, id: circuitID)
        #expect(reloaded.version == circuit.version + 1)
        #expect(reloaded.circuit.circuit_id == 7 && reloaded.circuit.under_maintenance == true)
        #expect(reloaded.circuit.members.map(\.v6_ip_address) == [nil, "fd00::9"])
        #expect(reloaded.circuit.members[0].port?.node?.node_name == "loc3")
        #expect(try engine.subscription(a)["node"]?["in_use_by_ids"] == .array([]))
    }

    /// Loads and saves reuse the rows they last read or wrote (SubscriptionCache); what they see
    /// must be what the store holds, also after a save that rolled back with its transaction.
    @Test func cachedRowsNeverOutliveARollback() throws {
        struct Abort: Error {}
        let (engine, node) = try nodeEngine()
        let id = try activeNode(engine, node, name: "loc1")
        let original = try engine.subscription(NodeModel.self, id: id)

        var renamed = original
        renamed.node.node_name = "rolled-back"
        let doomed = try renamed.encoded(ids: engine.core.ids)
        #expect(throws: Abort.self) {
            try engine.core.database.transaction { try engine.core.subscriptions.save(doomed); throw Abort() }
        }
        // Another writer on the file (a second engine) may reach the version the rolled-back save
        // had cached; the rows of that save must still not be served.
        try engine.core.database.run("UPDATE subscriptions SET version = version + 1 WHERE subscription_id = ?", [.text(id)])
        #expect(try engine.subscription(NodeModel.self, id: id).node.node_name == "loc1")
        try engine.core.database.run("UPDATE subscriptions SET version = version - 1 WHERE subscription_id = ?", [.text(id)])
        let afterRollback = try engine.subscription(NodeModel.self, id: id)
        #expect(afterRollback.node.node_name == "loc1" && afterRollback.version == original.version)

        var moved = original
        moved.node.ipv4_loopback = "10.9.9.9/32"
        let committed = try moved.encoded(ids: engine.core.ids)
        try engine.core.database.transaction { try engine.core.subscriptions.save(committed) }
        let cached = try engine.subscription(id)
        engine.core.subscriptions.cache.forget(id)
        #expect(try engine.subscription(id) == cached)
        #expect(cached["node"]?["node_name"] == "loc1" && cached["node"]?["ipv4_loopback"] == "10.9.9.9/32")
        #expect(try storedRows(engine.core, id) == expectedRows(committed.tree))
    }

    /// Lock and unlock save the stored dump untyped (StoredModel); that must write the same rows
    /// and the same state as decoding the typed model and encoding it back.
    @Test func untypedSaveEqualsTheTypedRoundTrip() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let run = try assertComplete(runWorkflow(engine, "create_circuit", [["product": "circuit 100G"],
                                                                             ["router_a": .string(a), "router_b": .string(b)]]))
        for id in [a, try run.state.string("subscription_id")] {
            let typed = try engine.core.decodeAny(engine.core.subscriptions.domainModel(id)).encoded(ids: IDGenerator(seed: 1))
            let untyped = try engine.core.loadStored(id).encoded(ids: IDGenerator(seed: 1))
            #expect(untyped.json == typed.json)
            #expect(expectedRows(untyped.tree) == expectedRows(typed.tree))
            // Saving it writes only the subscription row: its blocks' rows must be the stored ones.
            let stored = try storedRows(engine.core, id)
            #expect(untyped.blocksAsStored && expectedRows(untyped.tree) == stored)
            #expect(untyped.info == typed.info && untyped.expectedVersion == typed.expectedVersion)
        }
    }

    /// A cached dump includes other subscriptions' blocks (a circuit shows its nodes): a save of
    /// one of those must show in the next load, and a cached load must equal a fresh one.
    @Test func cachedDumpsFollowTheBlocksOfOtherSubscriptions() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let run = try assertComplete(runWorkflow(engine, "create_circuit", [["product": "circuit 100G"],
                                                                             ["router_a": .string(a), "router_b": .string(b)]]))
        let circuitID = try run.state.string("subscription_id")
        func nodeNames() throws -> [String] {
            try engine.subscription(CircuitModel.self, id: circuitID).circuit.members.compactMap { $0.port?.node?.node_name }
        }
        #expect(try nodeNames().sorted() == ["loc1", "loc2"])

        var renamed = try engine.subscription(NodeModel.self, id: a)
        renamed.node.node_name = "loc1-renamed"
        let encoded = try renamed.encoded(ids: engine.core.ids)
        try engine.core.database.transaction { try engine.core.subscriptions.save(encoded) }

        #expect(try nodeNames().sorted() == ["loc1-renamed", "loc2"])
        let cached = try engine.subscription(circuitID)
        engine.core.subscriptions.cache.forget(circuitID)
        #expect(try engine.subscription(circuitID) == cached)
    }

    /// Replacing a block that another subscription uses would leave that one's relation pointing
    /// at nothing (and its model unloadable): the save is refused and nothing changes.
    @Test func aBlockInUseByAnotherSubscriptionCannotBeDropped() throws {
        let (engine, node) = try nodeEngine()
        let a = try activeNode(engine, node, name: "loc1"), b = try activeNode(engine, node, name: "loc2")
        let run = try assertComplete(runWorkflow(engine, "create_circuit", [["product": "circuit 100G"],
                                                                             ["router_a": .string(a), "router_b": .string(b)]]))
        let circuitID = try run.state.string("subscription_id")
        let before = try storedRows(engine.core, a)

        var replaced = try engine.subscription(NodeModel.self, id: a)
        var fresh = Block<NodeBlock>()
        fresh.node_name = "loc1"
        replaced.node = fresh
        let encoded = try replaced.encoded(ids: engine.core.ids)
        #expect(throws: DomainError.blockInUse(subscriptionID: a, block: "Node", users: [circuitID])) {
            try engine.core.database.transaction { try engine.core.subscriptions.save(encoded) }
        }
        #expect(try storedRows(engine.core, a) == before)
        #expect(try engine.subscription(CircuitModel.self, id: circuitID).circuit.members.count == 2)
    }

    private func storedRows(_ core: EngineCore, _ id: String) throws -> [String] {
        let owned = "SELECT subscription_instance_id FROM subscription_instances WHERE subscription_id = ?"
        let instances = try core.database.query(
            "SELECT subscription_instance_id, block_name, coalesce(label, '-') FROM subscription_instances WHERE subscription_id = ?",
            [.text(id)]) { "instance \($0.string(0)) \($0.string(1)) \($0.string(2))" }
        let values = try core.database.query(
            "SELECT subscription_instance_id, field, value FROM subscription_instance_values WHERE subscription_instance_id IN (\(owned))",
            [.text(id)]) { "value \($0.string(0)) \($0.string(1)) \($0.string(2))" }
        let relations = try core.database.query("""
            SELECT in_use_by_id, depends_on_id, order_id, domain_model_attr, is_list FROM subscription_instance_relations
            WHERE in_use_by_id IN (\(owned))
            """, [.text(id)]) { "relation \($0.string(0)) \($0.string(1)) \($0.int(2)) \($0.string(3)) \($0.bool(4))" }
        return (instances + values + relations).sorted()
    }

    private func expectedRows(_ tree: StorageTree) -> [String] {
        (tree.instances.map { "instance \($0.id) \($0.blockName) \($0.label ?? "-")" }
            + tree.values.map { "value \($0.instanceID) \($0.field) \($0.json)" }
            + tree.relations.map { "relation \($0.inUseByID) \($0.dependsOnID) \($0.order) \($0.attribute) \($0.isList)" }).sorted()
    }
}
