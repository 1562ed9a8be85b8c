import NetBoxSim
import WorkflowEngine

/// The costly parts of a world's last fingerprint, by what tells whether they still hold:
/// NetBox's change count (it only grows), each subscription's status and version (bumped by each
/// save) with the versions of the other subscriptions whose blocks its model shows, and the names
/// the scenario gave subscriptions. A world restored from a checkpoint starts with the memo of
/// the fingerprint taken there, so a replay reads again only what its own steps changed.
struct FingerprintMemo {
    /// Every subscription as the world's last fingerprint saw it, by id.
    private var parts: [String: SubscriptionPart] = [:]
    /// The names `parts` have their lines written with.
    private var names: [String: String] = [:]
    /// Every address-shaped string the parts hold, parsed (`Holdings`).
    private var addresses: [String: IPInterfaceAddress?] = [:]
    private var subscriptions: (key: SubscriptionKey, text: String, held: Holdings)?
    private var netbox: (count: Int, listing: NetBoxListing, text: String)?
    private var leaks: (netbox: Int, subscriptions: SubscriptionKey, found: [String])?

    private struct SubscriptionKey: Equatable {
        let versions: [Version]
        let names: [String: String]
    }

    private struct Version: Equatable {
        let id: String
        let status: String
        let version: Int
    }

    /// The `subscriptions` section of the world's snapshot, as `SnapshotWriter` writes it from
    /// the models without the blocks' users, and NetBox's objects and leaks as `SideEffects`
    /// reads them; only what changed since the memo's last reading is read again.
    mutating func read(_ world: ScenarioWorld) throws -> (subscriptions: String, sideEffects: SideEffects) {
        let versions = try world.engine.subscriptionVersions().map { Version(id: $0.id, status: $0.status, version: $0.version) }
        let key = SubscriptionKey(versions: versions, names: world.subscriptionNames())
        if subscriptions?.key != key { try readSubscriptions(key, world.engine) }
        let (_, text, held) = subscriptions!
        let count = world.netbox.changeCount
        if netbox?.count != count {
            let listing = try NetBoxListing(world.netbox)
            netbox = (count, listing, SnapshotWriter.netboxObjects(listing, interfaceNames: world.interfaceNames))
        }
        let (_, listing, objects) = netbox!
        if leaks?.netbox != count || leaks?.subscriptions != key {
            leaks = (count, key, LeakFinder(world: world).leaks(holding: held, in: listing))
        }
        return (text, SideEffects(netbox: objects, leaks: leaks!.found))
    }

    private mutating func readSubscriptions(_ key: SubscriptionKey, _ engine: Engine) throws {
        let current = Dictionary(uniqueKeysWithValues: key.versions.map { ($0.id, $0.version) })
        // Ids named differently than when `parts` were written: only a model holding one of them reads differently.
        let renamed: Set<String> = names == key.names ? [] : Set(names.keys).union(key.names.keys).filter { names[$0] != key.names[$0] }
        var parts: [String: SubscriptionPart] = [:]
        var lines: [(id: String, lines: String)] = []
        var held = Holdings()
        for version in key.versions {
            var part: SubscriptionPart
            let known = self.parts[version.id]
            if let known, known.status == version.status, known.version == version.version,
               known.foreign.allSatisfy({ current[$0.key] == $0.value }) {
                part = known
            } else {
                part = SubscriptionPart(try engine.subscriptionWithoutUsers(version.id), version, current: current, names: key.names,
                                        earlier: known, addresses: &addresses)
            }
            // Fields kept from `known` have their lines written with the names of before.
            if !renamed.isEmpty { part.rename(renamed, key.names) }
            parts[version.id] = part
            lines.append((version.id, part.lines))
            if let holdings = part.holdings { held.formUnion(holdings) }
        }
        (self.parts, names) = (parts, key.names)
        subscriptions = (key, SnapshotWriter.subscriptionText(lines, names: key.names), held)
    }

    /// One subscription's model without the blocks' users (`Engine.subscriptionWithoutUsers`)
    /// and what fingerprints make of it, field by field: a save mostly changes one field (a
    /// lock or unlock only `insync` and `version`), so the rest is taken from the earlier version.
    private struct SubscriptionPart {
        let status: String
        let version: Int
        /// The versions of the other subscriptions whose blocks the model shows: a save of one
        /// of those changes the model without changing `version`.
        let foreign: [String: Int]
        private var fields: [String: Field]
        private(set) var lines: String
        /// What it keeps from leaking; nil once terminated.
        let holdings: Holdings?

        private struct Field {
            let value: JSON
            var lines: [String]
            /// The strings `lines` show, by name where one has a name.
            var shown: Set<String>
            let owners: Set<String>
            let holdings: Holdings
        }

        /// - Parameter earlier: the same subscription at an earlier version.
        init(_ model: JSON, _ version: Version, current: [String: Int], names: [String: String], earlier: SubscriptionPart?,
             addresses: inout [String: IPInterfaceAddress?]) {
            (status, self.version) = (version.status, version.version)
            var values: [String: JSON] = [:]
            if case .object(let object) = model { values = object } else { values[""] = model }
            var fields: [String: Field] = [:]
            for (key, value) in values {
                if let before = earlier?.fields[key], Self.same(before.value, value) {
                    fields[key] = before
                    continue
                }
                var owners: Set<String> = []
                Self.owners(value, &owners)
                let (lines, shown) = SnapshotWriter.subscriptionLines(field: key, value, names: names)
                fields[key] = Field(value: value, lines: lines, shown: shown, owners: owners,
                                    holdings: Holdings(field: key, value, parsed: &addresses))
            }
            self.fields = fields
            var owners = fields.values.reduce(into: Set<String>()) { $0.formUnion($1.owners) }
            owners.remove(version.id)
            foreign = Dictionary(uniqueKeysWithValues: owners.compactMap { owner in current[owner].map { (owner, $0) } })
            lines = Self.lines(fields)
            holdings = model["status"]?.stringValue == Lifecycle.terminated.rawValue
                ? nil : fields.values.reduce(into: Holdings()) { $0.formUnion($1.holdings) }
        }

        /// Writes again the lines of fields holding an id whose name changed.
        mutating func rename(_ renamed: Set<String>, _ names: [String: String]) {
            var changed = false
            for (key, field) in fields where !renamed.isDisjoint(with: field.shown) {
                (fields[key]!.lines, fields[key]!.shown) = SnapshotWriter.subscriptionLines(field: key, field.value, names: names)
                changed = true
            }
            if changed { lines = Self.lines(fields) }
        }

        /// As `SnapshotWriter.subscriptionLines` writes the whole model.
        private static func lines(_ fields: [String: Field]) -> String {
            fields.values.flatMap(\.lines).sorted().joined(separator: "\n")
        }

        /// `==`, except that doubles must have the same bits: 0.0 and -0.0 are written differently.
        private static func same(_ a: JSON, _ b: JSON) -> Bool {
            switch (a, b) {
            case (.double(let x), .double(let y)): x.bitPattern == y.bitPattern
            case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
            case (.object(let x), .object(let y)): x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
            default: a == b
            }
        }

        /// The owner of every block.
        private static func owners(_ json: JSON, _ owners: inout Set<String>) {
            switch json {
            case .array(let items):
                for item in items { Self.owners(item, &owners) }
            case .object(let object):
                if let owner = object["owner_subscription_id"]?.stringValue { owners.insert(owner) }
                for value in object.values { Self.owners(value, &owners) }
            default:
                break
            }
        }
    }
}
