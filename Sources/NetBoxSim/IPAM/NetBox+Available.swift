import Foundation
import OrchLabJSON
import IPAddressing

/// An entry of `available-prefixes` (family is a bare int there, vrf always null here).
public struct AvailablePrefix: Sendable, Equatable {
    public let prefix: IPNetwork
    public var family: Int { prefix.family.rawValue }
}

/// An entry of `available-ips`: the host with the parent prefix's length.
public struct AvailableIP: Sendable, Equatable {
    public let address: IPInterfaceAddress
    public var family: Int { address.family.rawValue }
}

extension NetBox {
    /// `GET /api/ipam/prefixes/{id}/available-prefixes/`: free space as maximal aligned blocks.
    public func availablePrefixes(in prefixID: Int) throws(NetBoxError) -> [AvailablePrefix] {
        try locked { store throws(NetBoxError) in
            guard let parent = store.prefixes[prefixID] else { throw .notFound("Prefix") }
            return store.trie(parent.prefix.family).freeBlocks(in: parent.prefix).map(AvailablePrefix.init)
        }
    }

    /// `POST .../available-prefixes/` with one dict: the lowest-addressed aligned free block of
    /// `prefix_length`, created with the other fields (`status`, `is_pool`, `description`, …).
    public func allocatePrefix(in prefixID: Int, _ request: [String: JSON], actor: String = "") throws(NetBoxError) -> Prefix {
        try allocatePrefixes(in: prefixID, [request], actor: actor)[0]
    }

    /// `POST .../available-prefixes/` with a list: allocated in order, all or nothing.
    public func allocatePrefixes(in prefixID: Int, _ requests: [[String: JSON]], actor: String = "") throws(NetBoxError) -> [Prefix] {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            guard let parent = store.prefixes[prefixID] else { throw .notFound("Prefix") }
            let family = parent.prefix.family
            var lengths: [Int] = []
            for request in requests {
                guard let value = request["prefix_length"], value != .null else {
                    throw .listShaped("prefix_length", "this field can not be missing")
                }
                guard let length = value.intValue else { throw .listShaped("prefix_length", "this field must be int type") }
                guard (0...family.bits).contains(length) else {
                    throw .listShaped("prefix_length", "Invalid prefix length (\(length)) for \(family.label)")
                }
                lengths.append(length)
            }
            var created: [Prefix] = []
            for (request, length) in zip(requests, lengths) {
                guard let block = store.trie(family).firstFree(length: length, in: parent.prefix) else {
                    throw .insufficientResources
                }
                var payload = Payload(request)
                created.append(try store.newPrefix(block, payload: &payload, now: now))
            }
            return created
        }
    }

    /// `GET /api/ipam/prefixes/{id}/available-ips/?limit=N` (default 50).
    public func availableIPs(in prefixID: Int, limit: Int = 50) throws(NetBoxError) -> [AvailableIP] {
        try locked { store throws(NetBoxError) in
            guard let parent = store.prefixes[prefixID] else { throw .notFound("Prefix") }
            return store.freeAddresses(in: parent, limit: limit).map(AvailableIP.init)
        }
    }

    /// `POST .../available-ips/` with one dict: the lowest free usable host, written as
    /// host + "/" + the parent's length, with the other fields (`status`, `description`,
    /// `assigned_object_type`/`assigned_object_id`, `dns_name`).
    public func allocateIP(in prefixID: Int, _ request: [String: JSON] = [:], actor: String = "") throws(NetBoxError) -> IPAddress {
        try allocateIPs(in: prefixID, [request], actor: actor)[0]
    }

    /// `POST .../available-ips/` with a list: allocated in order, all or nothing.
    public func allocateIPs(in prefixID: Int, _ requests: [[String: JSON]], actor: String = "") throws(NetBoxError) -> [IPAddress] {
        try perform(actor: actor) { store, now throws(NetBoxError) in
            guard let parent = store.prefixes[prefixID] else { throw .notFound("Prefix") }
            let free = store.freeAddresses(in: parent, limit: requests.count)
            guard free.count == requests.count else { throw .insufficientResources }
            var created: [IPAddress] = []
            for (request, address) in zip(requests, free) {
                var payload = Payload(request)
                created.append(try store.newIPAddress(address, payload: &payload, now: now))
            }
            return created
        }
    }
}

extension NetBoxStore {
    /// Free usable hosts of a prefix, lowest first; any IP whose host lies in range blocks it.
    func freeAddresses(in parent: Prefix, limit: Int) -> [IPInterfaceAddress] {
        let network = parent.prefix
        guard limit > 0, let range = network.usableHosts(isPool: parent.isPool) else { return [] }
        return hosts[network.family]!.freeHosts(in: range, limit: limit).map {
            IPInterfaceAddress(family: network.family, host: $0, length: network.length)
        }
    }
}
