import NetBoxSim
import WorkflowEngine

/// NetBox prefixes, addresses and cables that are neither in the lab's seed nor accounted for by
/// a live (not terminated) subscription: an address or cable id its model holds, or a prefix
/// around such an address.
struct LeakFinder {
    let world: ScenarioWorld

    /// One line per leaked object, sorted: `prefix 2001:db8:10::/64 "…"`. `subscriptions`, when
    /// given, saves reading every model again.
    func leaks(_ subscriptions: SubscriptionDump? = nil) throws -> [String] {
        var addresses: Set<String> = []
        var cables: Set<Int> = []
        let live = try subscriptions.map { $0.models.map(\.model).filter { $0["status"]?.stringValue != Lifecycle.terminated.rawValue } }
            ?? world.liveSubscriptionModels()
        for model in live { Self.collect(model, key: "", &addresses, &cables) }
        let held = addresses.compactMap { try? IPInterfaceAddress.parse($0) }
        let netbox = world.netbox, seed = world.seedObjects
        var found: [String] = []
        for prefix in try netbox.prefixes(["limit": "0"]).results where !seed.prefixes.contains(prefix.id) {
            let used = held.contains { $0.family == prefix.prefix.family && prefix.prefix.contains($0.host) }
            if !used { found.append("prefix \(prefix.prefix) \"\(prefix.description)\"") }
        }
        for address in try netbox.ipAddresses(["limit": "0"]).results
        where !seed.addresses.contains(address.id) && !held.contains(address.address) {
            found.append("address \(address.address) \"\(address.description)\"")
        }
        for cable in try netbox.cables(["limit": "0"]).results where !seed.cables.contains(cable.id) && !cables.contains(cable.id) {
            found.append("cable \(cable.id) \(cable.status.rawValue)")
        }
        return found.sorted()
    }

    /// Address-shaped strings anywhere in a model, and cable ids under `circuit_id`/`cable_id`.
    private static func collect(_ json: JSON, key: String, _ addresses: inout Set<String>, _ cables: inout Set<Int>) {
        switch json {
        // Bytes, not `contains("/")`: that goes through Foundation's string search, slowly.
        case .string(let text) where text.first?.isHexDigit == true && text.utf8.contains(UInt8(ascii: "/")):
            addresses.insert(text)
        case .int(let id) where key == "circuit_id" || key == "cable_id":
            cables.insert(id)
        case .array(let items):
            for item in items { collect(item, key: key, &addresses, &cables) }
        case .object(let object):
            for (child, value) in object where child != "product" { collect(value, key: child, &addresses, &cables) }
        default:
            break
        }
    }
}

extension ScenarioWorld {
    /// Every subscription id with its status, oldest id first.
    func subscriptionIDs() throws -> [(id: String, status: String)] {
        try orchestrator.subscriptions()
    }

    func liveSubscriptionModels() throws -> [JSON] {
        let orchestrator = orchestrator
        return try subscriptionIDs().filter { $0.status != Lifecycle.terminated.rawValue }.map { try orchestrator.domainModel($0.id) }
    }
}
