import NetBoxSim
import WorkflowEngine

/// NetBox prefixes, addresses and cables that are neither in the lab's seed nor accounted for by
/// a live (not terminated) subscription: an address or cable id its model holds, or a prefix
/// around such an address.
struct LeakFinder {
    let world: ScenarioWorld

    /// One line per leaked object, sorted: `prefix 2001:db8:10::/64 "…"`.
    func leaks() throws -> [String] {
        var held = Holdings()
        for model in try world.liveSubscriptionModels() { held.formUnion(Holdings(model)) }
        return leaks(holding: held, in: try NetBoxListing(world.netbox))
    }

    /// `leaks()` from what live subscriptions hold and NetBox's objects, both already read.
    func leaks(holding held: Holdings, in netbox: NetBoxListing) -> [String] {
        let seed = world.seedObjects
        let prefixes = netbox.prefixes.filter { !seed.prefixes.contains($0.id) }
        // Each held address's network at every length a prefix has: a prefix is used when it is
        // one of them, which saves testing every held address against every prefix.
        let lengths = Set(prefixes.map { LengthKey(family: $0.prefix.family, length: $0.prefix.length) })
        var covered: Set<IPNetwork> = []
        for address in held.addresses {
            for key in lengths where key.family == address.family {
                covered.insert(IPNetwork(family: address.family, network: address.host, length: key.length))
            }
        }
        var found: [String] = []
        for prefix in prefixes where !covered.contains(prefix.prefix) {
            found.append("prefix \(prefix.prefix) \"\(prefix.description)\"")
        }
        for address in netbox.addresses where !seed.addresses.contains(address.id) && !held.addresses.contains(address.address) {
            found.append("address \(address.address) \"\(address.description)\"")
        }
        for cable in netbox.cables where !seed.cables.contains(cable.id) && !held.cables.contains(cable.id) {
            found.append("cable \(cable.id) \(cable.status.rawValue)")
        }
        return found.sorted()
    }

    private struct LengthKey: Hashable {
        let family: IPFamily
        let length: Int
    }
}

/// What subscription models hold that would otherwise leak: the addresses they name (any
/// address-shaped string, parsed) and the cable ids under `circuit_id`/`cable_id`.
struct Holdings {
    private(set) var addresses: Set<IPInterfaceAddress> = []
    private(set) var cables: Set<Int> = []

    init() {}

    init(_ model: JSON) {
        var parsed: [String: IPInterfaceAddress?] = [:]
        self.init(field: "", model, parsed: &parsed)
    }

    /// What `value` holds, as found under `key` (a model is the field ""; a top-level field
    /// of one holds what it holds in the model).
    /// - Parameter parsed: address-shaped strings already parsed (nil: not an address), which
    ///   gets those of `value`: parsing was most of the cost.
    init(field key: String, _ value: JSON, parsed: inout [String: IPInterfaceAddress?]) {
        var texts: Set<String> = []
        Self.collect(value, key: key, &texts, &cables)
        for text in texts {
            let address = parsed[text] ?? (try? IPInterfaceAddress.parse(text))
            parsed[text] = .some(address)
            if let address { addresses.insert(address) }
        }
    }

    mutating func formUnion(_ other: Holdings) {
        addresses.formUnion(other.addresses)
        cables.formUnion(other.cables)
    }

    private static func collect(_ json: JSON, key: String, _ addresses: inout Set<String>, _ cables: inout Set<Int>) {
        guard key != "product" else { return }
        switch json {
        // Bytes, not `contains("/")`: that goes through Foundation's string search, slowly. Port
        // names and descriptions have more than one slash, which `IPInterfaceAddress.parse` refuses.
        case .string(let text) where text.first?.isHexDigit == true && text.utf8.count(where: { $0 == UInt8(ascii: "/") }) == 1:
            addresses.insert(text)
        case .int(let id) where key == "circuit_id" || key == "cable_id":
            cables.insert(id)
        case .array(let items):
            for item in items { collect(item, key: key, &addresses, &cables) }
        case .object(let object):
            for (child, value) in object { collect(value, key: child, &addresses, &cables) }
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
