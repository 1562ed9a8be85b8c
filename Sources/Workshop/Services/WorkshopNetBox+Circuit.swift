import NetBoxSim

/// A circuit's IPAM objects: the /64 pool taken from the circuit pool, the /127 inside it, and
/// one address per side.
public struct CircuitAddresses: Sendable, Equatable {
    public let parent: Prefix
    public let pointToPoint: Prefix
    public let a: IPAddress
    public let b: IPAddress
}

extension WorkshopNetBox {
    // MARK: cable

    /// The description that marks a cable as made by `processID`: a retry of that process finds
    /// and reuses it, while another process racing for the same ports is refused instead of
    /// sharing it.
    public static func cableOwner(processID: String) -> String { "create_circuit process \(processID)" }

    /// The planned cable between the two ports: the one an earlier attempt of the same process
    /// (`owner`) made, or a new one. A port cabled to anything else is refused.
    public func ensureCable(a: Int, b: Int, owner: String) throws -> Cable {
        for cable in try cables(touching: a, b) {
            let ends = Set(cable.aTerminations + cable.bTerminations)
            if ends == [a, b] && cable.description == owner { return cable }
            throw WorkshopError.portCabled(interfaceID: ends.contains(a) ? a : b, cableID: cable.id)
        }
        return try client.createCable(a: a, b: b, status: .planned, description: owner)
    }

    /// The cable `owner` made between the two ports, if it is there.
    public func ownedCable(a: Int, b: Int, owner: String) throws -> Cable? {
        try cables(touching: a, b).first { Set($0.aTerminations + $0.bTerminations) == [a, b] && $0.description == owner }
    }

    private func cables(touching a: Int, _ b: Int) throws -> [Cable] {
        try client.cables(NetBoxQuery([("interface_id", String(a)), ("interface_id", String(b))]))
    }

    @discardableResult
    public func setCable(_ id: Int, status: CableStatus) throws -> Cable {
        try client.updateCable(id: id, status: status)
    }

    public func cable(id: Int) throws -> Cable? {
        try client.cable(id: id)
    }

    /// Deletes the cable; one already gone counts as deleted.
    public func deleteCable(id: Int) throws {
        try ignoringNotFound { try client.deleteCable(id: id) }
    }

    // MARK: addresses

    /// Reserves the circuit's addresses (docs/workshop.md, "Constants and descriptions"), reusing
    /// whatever an earlier attempt already reserved: the /64 is found by its description, the
    /// /127 inside the /64, each side's address by its interface.
    public func ensureAddresses(circuit block: String, a: (interface: Int, description: String),
                                b: (interface: Int, description: String)) throws -> CircuitAddresses {
        let parentDescription = Descriptions.parentPrefix(block)
        let parent = try parentPrefix(circuit: block) ?? client.allocatePrefix(
            in: Self.circuitPoolID, length: 64, isPool: true, description: parentDescription)
        let p2pDescription = Descriptions.pointToPointPrefix(block)
        let pointToPoint = try pointToPointPrefixes(in: parent).first { $0.description == p2pDescription }
            ?? client.allocatePrefix(in: parent.id, length: 127, description: p2pDescription)
        return CircuitAddresses(
            parent: parent, pointToPoint: pointToPoint,
            a: try address(in: pointToPoint, for: a.interface, description: a.description),
            b: try address(in: pointToPoint, for: b.interface, description: b.description))
    }

    /// Releases what `ensureAddresses` reserved, innermost first, so an interrupted release
    /// resumes where it stopped (nothing found means nothing left to release).
    public func releaseAddresses(circuit block: String) throws {
        guard let parent = try parentPrefix(circuit: block) else { return }
        for pointToPoint in try pointToPointPrefixes(in: parent) {
            for ip in try client.ipAddresses(["parent": pointToPoint.prefix.description]) {
                try ignoringNotFound { try client.deleteIPAddress(id: ip.id) }
            }
            try ignoringNotFound { try client.deletePrefix(id: pointToPoint.id) }
        }
        try ignoringNotFound { try client.deletePrefix(id: parent.id) }
    }

    /// The circuit's /64, found by its description.
    public func parentPrefix(circuit block: String) throws -> Prefix? {
        try client.prefixes(["description": Descriptions.parentPrefix(block), "mask_length": "64"]).first
    }

    private func pointToPointPrefixes(in parent: Prefix) throws -> [Prefix] {
        try client.prefixes(["within": parent.prefix.description, "mask_length": "127"])
    }

    private func address(in prefix: Prefix, for interface: Int, description: String) throws -> IPAddress {
        if let existing = try client.ipAddresses(["interface_id": String(interface), "parent": prefix.prefix.description]).first {
            return existing
        }
        do {
            return try client.allocateIP(in: prefix.id, assignedInterface: interface, description: description)
        } catch .api(let error) where error.status == 409 {
            throw WorkshopError.noAddressLeft(prefix: prefix.prefix.description)
        }
    }

    private func ignoringNotFound(_ call: () throws -> Void) throws {
        do {
            try call()
        } catch let error as NetBoxClientError where error.status == 404 {
            return
        }
    }
}
