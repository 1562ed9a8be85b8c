import NetBoxSim
import OrchLabJSON

/// Every object NetBox holds, each as its stored fields flattened to `key = value` lines under a
/// readable name (`interface loc1-core 1/1/c2/1`), so a snapshot can show exactly what a run
/// changed, created or deleted: an interface description or `mark_connected` included.
struct NetBoxState: Equatable {
    /// Fields that move with the clock or name the object itself rather than what it holds.
    private static let unstableKeys: Set<String> = ["id", "created", "last_updated"]

    /// Object name → its field lines, sorted.
    let objects: [String: [String]]
    /// Each object as read and its lines, by kind and id: a later state reuses the lines of an
    /// object that did not change instead of encoding it again (encoding is most of the cost).
    private let encoded: [String: [Int: Encoded]]

    private struct Encoded {
        let object: any Equatable & Sendable
        let lines: [String]
    }

    /// - Parameter earlier: a state of the same NetBox (or of the lab it was copied from) whose
    ///   lines are reused for objects equal to what they were then.
    init(_ netbox: NetBox, reusing earlier: NetBoxState? = nil) throws {
        let all: NetBoxQuery = ["limit": "0"]
        let devices = try netbox.devices(all).results
        let deviceNames = Dictionary(uniqueKeysWithValues: devices.map { ($0.id, $0.name) })
        let interfaces = try netbox.interfaces(all).results
        let ports = Dictionary(uniqueKeysWithValues: interfaces.map { ($0.id, "\(deviceNames[$0.deviceID] ?? "device \($0.deviceID)") \($0.name)") })
        var objects: [String: [String]] = [:]
        var encoded: [String: [Int: Encoded]] = [:]
        func add<T: Encodable & Equatable & Sendable>(_ kind: String, _ items: [T], id: (T) -> Int, name: (T) -> String) throws {
            let before = earlier?.encoded[kind] ?? [:]
            var now: [Int: Encoded] = [:]
            for item in items {
                let entry: Encoded
                if let old = before[id(item)], (old.object as? T) == item {
                    entry = old
                } else {
                    entry = Encoded(object: item, lines: try Self.lines(item))
                }
                now[id(item)] = entry
                objects["\(kind) \(name(item))"] = entry.lines
            }
            encoded[kind] = now
        }
        try add("site", netbox.sites(all).results, id: \.id) { $0.slug }
        try add("manufacturer", netbox.manufacturers(all).results, id: \.id) { $0.slug }
        try add("device type", netbox.deviceTypes(all).results, id: \.id) { $0.slug }
        try add("device role", netbox.deviceRoles(all).results, id: \.id) { $0.slug }
        try add("device", devices, id: \.id) { $0.name }
        try add("interface", interfaces, id: \.id) { ports[$0.id] ?? "interface \($0.id)" }
        try add("prefix", netbox.prefixes(all).results, id: \.id) { $0.prefix.description }
        try add("address", netbox.ipAddresses(all).results, id: \.id) { $0.address.description }
        try add("cable", netbox.cables(all).results, id: \.id) { cable in
            (cable.aTerminations + cable.bTerminations).map { ports[$0] ?? "interface \($0)" }.sorted().joined(separator: " <-> ")
        }
        (self.objects, self.encoded) = (objects, encoded)
    }

    static func == (lhs: NetBoxState, rhs: NetBoxState) -> Bool { lhs.objects == rhs.objects }

    private static func lines<T: Encodable>(_ item: T) throws -> [String] {
        guard case .object(let fields) = try JSON(encoding: item) else { return [] }
        return fields.filter { !unstableKeys.contains($0.key) }
            .map { "\($0.key) = \($0.value.stringValue ?? $0.value.serialized())" }.sorted()
    }

    /// What differs from `seed`: new and changed objects with the lines that changed, deleted
    /// objects by name; empty when NetBox is as the lab was loaded.
    func changes(since seed: NetBoxState) -> String {
        var parts: [String] = []
        for name in Set(objects.keys).union(seed.objects.keys).sorted() {
            switch (seed.objects[name], objects[name]) {
            case (nil, let now?): parts.append((["### new \(name)"] + now).joined(separator: "\n"))
            case (_?, nil): parts.append("### deleted \(name)")
            case (let before?, let now?) where before != now:
                let old = Set(before)
                parts.append((["### changed \(name)"] + now.filter { !old.contains($0) }
                              + Set(before.map(Self.key)).subtracting(now.map(Self.key)).sorted().map { "\($0) (removed)" })
                    .joined(separator: "\n"))
            default: continue
            }
        }
        return parts.joined(separator: "\n")
    }

    private static func key(_ line: String) -> String {
        String(line.prefix { $0 != " " })
    }
}
