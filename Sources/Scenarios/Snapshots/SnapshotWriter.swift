import Foundation
import NetBoxSim
import RouterSim
import WorkflowEngine

/// A world's outcome as canonical text sections (`subscriptions`, `netbox`, `netbox changes`
/// (every object created, changed or deleted, interfaces included), `running configs`,
/// `routing`), each part under a `### <name>` line. Nothing that shifts when an unrelated step is
/// added goes in: subscription ids become the `as:` names that made them, block ids and dates
/// are left out, and cables are named by their ends rather than their ids.
struct SnapshotWriter {
    let world: ScenarioWorld
    var subscriptions: SubscriptionDump?

    func sections() throws -> [SnapshotSection] {
        [
            SnapshotSection(title: "subscriptions", text: try subscriptionText()),
            SnapshotSection(title: "netbox", text: try netboxObjects()),
            SnapshotSection(title: "netbox changes", text: try netboxChanges()),
            SnapshotSection(title: "running configs", text: try runningConfigs()),
            SnapshotSection(title: "routing", text: try routing()),
        ]
    }

    func subscriptionText() throws -> String {
        let dump = try subscriptions ?? SubscriptionDump(world)
        return Self.subscriptionText(dump.models.map { ($0.id, Self.subscriptionLines($0.model, names: dump.names)) }, names: dump.names)
    }

    /// The `subscriptions` section from each subscription's `subscriptionLines` (oldest id
    /// first, which numbers the unnamed ones), ordered by name.
    static func subscriptionText(_ subscriptions: [(id: String, lines: String)], names: [String: String]) -> String {
        let parts = subscriptions.enumerated().map { index, entry in (names[entry.id] ?? "unnamed subscription \(index + 1)", entry.lines) }
        return parts.sorted { $0.0 < $1.0 }.map { $0.1.isEmpty ? "### \($0.0)" : "### \($0.0)\n\($0.1)" }.joined(separator: "\n")
    }

    /// One subscription's model as sorted `path = value` lines (never empty ones), subscription
    /// ids by their names.
    static func subscriptionLines(_ model: JSON, names: [String: String]) -> String {
        var flat = Flattened(names: names)
        flat.flatten(model, path: "")
        return flat.lines.sorted().joined(separator: "\n")
    }

    /// The lines `subscriptionLines` has for one field of a model, unsorted (a model's lines
    /// are its fields' lines, sorted), and the strings they show, which a name would replace.
    static func subscriptionLines(field key: String, _ value: JSON, names: [String: String]) -> (lines: [String], shown: Set<String>) {
        var flat = Flattened(names: names)
        flat.field(key, value, path: "")
        return (flat.lines, flat.shown)
    }

    private struct Flattened {
        /// Keys whose values change with every extra id or clock reading, not with the outcome.
        private static let unstableKeys: Set<String> = [
            "subscription_id", "subscription_instance_id", "owner_subscription_id", "in_use_by_ids", "in_use_by_relations",
            "start_date", "end_date", "product_id", "product_block_id", "created_at",
        ]

        let names: [String: String]
        var lines: [String] = []
        var shown: Set<String> = []

        mutating func flatten(_ json: JSON, path: String) {
            switch json {
            case .object(let object):
                for (key, value) in object { field(key, value, path: path) }
            case .array(let items):
                for (index, item) in items.enumerated() { flatten(item, path: "\(path).\(index)") }
            case .string(let text):
                shown.insert(text)
                lines.append("\(path) = \(names[text].map { "${\($0)}" } ?? text)")
            default:
                lines.append("\(path) = \(json.serialized())")
            }
        }

        mutating func field(_ key: String, _ value: JSON, path: String) {
            // A block's `name` is its type and its `label` is usually null: noise in every diff.
            guard !Self.unstableKeys.contains(key), !(key == "label" && value == .null), !(key == "name" && !path.isEmpty) else { return }
            if key == "product", let name = value["name"]?.stringValue {
                lines.append("product = \(name)")
                return
            }
            flatten(value, path: path.isEmpty ? key : "\(path).\(key)")
        }
    }

    func netboxObjects() throws -> String {
        Self.netboxObjects(try NetBoxListing(world.netbox), interfaceNames: world.interfaceNames)
    }

    /// The `netbox` section from objects already listed, interfaces named by their ids.
    static func netboxObjects(_ netbox: NetBoxListing, interfaceNames ports: [Int: String]) -> String {
        var lines: [String] = []
        for device in netbox.devices.sorted(by: { $0.name < $1.name }) {
            lines += ["### device \(device.name)", "status \(device.status.rawValue)"]
        }
        for prefix in netbox.prefixes.sorted(by: { $0.prefix < $1.prefix }) {
            lines += ["### prefix \(prefix.prefix)", "status \(prefix.status.rawValue), description \"\(prefix.description)\""]
        }
        for address in netbox.addresses.sorted(by: { $0.address < $1.address }) {
            let port = address.assignedInterfaceID.flatMap { ports[$0] } ?? "unassigned"
            lines += ["### address \(address.address)", "\(address.status.rawValue) on \(port), description \"\(address.description)\""]
        }
        let cables = netbox.cables.map { cable in
            ((cable.aTerminations + cable.bTerminations).map { ports[$0] ?? "interface \($0)" }.sorted().joined(separator: " <-> "), cable)
        }
        for (ends, cable) in cables.sorted(by: { $0.0 < $1.0 }) {
            lines += ["### cable \(ends)", "status \(cable.status.rawValue)"]
        }
        return lines.joined(separator: "\n")
    }

    /// Every object the run created, changed or deleted, with process and subscription ids
    /// (written into descriptions by workflows) replaced by the scenario's names for them.
    func netboxChanges() throws -> String {
        var text = try NetBoxState(world.netbox, reusing: world.seedState).changes(since: world.seedState)
        var names = world.subscriptionNames()
        for record in world.processes { if let id = record.processID { names[id] = record.name } }
        for (id, name) in names.sorted(by: { $0.key < $1.key }) where text.contains(id) {
            text = text.replacingOccurrences(of: id, with: "${\(name)}")
        }
        return text
    }

    func runningConfigs() throws -> String {
        try world.fleet.deviceNames.sorted().map { "### \($0)\n" + (try world.fleet.runningConfigText($0)) }
            .joined(separator: "\n")
    }

    func routing() throws -> String {
        try world.fleet.deviceNames.sorted().map { device in
            let routes = try world.fleet.routes(on: device).map { route in
                "\(route.source.rawValue) \(route.prefix) metric \(route.metric) via "
                    + route.nextHops.map { "\($0.device ?? "-") \($0.interface)" }.joined(separator: ", ")
            }
            return (["### \(device)"] + routes).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// NetBox's devices, prefixes, addresses and cables, listed once for both the `netbox` section
/// and the leak finder.
struct NetBoxListing {
    let devices: [Device]
    let prefixes: [Prefix]
    let addresses: [IPAddress]
    let cables: [Cable]

    init(_ netbox: NetBox) throws {
        let all: NetBoxQuery = ["limit": "0"]
        (devices, prefixes) = (try netbox.devices(all).results, try netbox.prefixes(all).results)
        (addresses, cables) = (try netbox.ipAddresses(all).results, try netbox.cables(all).results)
    }
}
