import NetBoxSim

/// The access workflows' NetBox calls. A call that changes NetBox is either a PATCH to fixed
/// values, a delete whose 404 means "already done", or comes after a look for what an earlier,
/// interrupted attempt made (found again by its description), so any step can be retried.
public struct AccessNetBox: Sendable {
    public let client: NetBoxClient

    public init(client: NetBoxClient) {
        self.client = client
    }

    // MARK: routers and ports

    /// Active PE routers, by name.
    public func activeRouters() throws -> [Device] {
        try client.devices(NetBoxQuery([("role", AccessLimits.routerRole), ("status", DeviceStatus.active.rawValue)]))
            .sorted { $0.name < $1.name }
    }

    /// 10G ports of the router with no cable and not marked connected.
    public func freePorts(ofRouter name: String) throws -> [Interface] {
        try client.freeInterfaces(ofDevice: name, speedKbps: AccessLimits.portSpeedKbps)
    }

    public func router(id: Int) throws -> Device {
        guard let device = try client.device(id: id) else { throw AccessError.routerNotFound(id) }
        return device
    }

    public func port(id: Int) throws -> Interface {
        guard let interface = try client.interface(id: id) else { throw AccessError.interfaceNotFound(id) }
        return interface
    }

    /// Marks the port connected with the customer's description, unless someone else holds it.
    @discardableResult
    public func reservePort(id: Int, router: String, description: String) throws -> Interface {
        let port = try port(id: id)
        if port.markConnected && port.description != description {
            throw AccessError.portTaken(router: router, port: port.name, description: port.description)
        }
        return try client.updateInterface(id: id, ["description": .string(description), "mark_connected": true, "enabled": true])
    }

    public func setPort(id: Int, enabled: Bool) throws {
        _ = try client.updateInterface(id: id, ["enabled": .bool(enabled)])
    }

    /// Gives the port back (no description, not connected, disabled like the shut port the
    /// terminate text leaves), if `description` still marks it as ours.
    public func releasePort(id: Int, description: String) throws {
        guard let port = try client.interface(id: id), port.description == description else { return }
        _ = try client.updateInterface(id: id, ["description": "", "mark_connected": false, "enabled": false])
    }

    // MARK: addresses

    /// The customer's /64 and the router's address in it: found by description when an earlier
    /// attempt made them, otherwise allocated (the /64 from the pool, the address assigned to the port).
    public func ensureAddressing(description: String, portID: Int) throws -> (prefix: Prefix, address: IPAddress) {
        let prefix = try customerPrefix(description) ?? allocateCustomerPrefix(description)
        if let address = try client.ipAddresses(["interface_id": String(portID), "parent": prefix.prefix.description]).first {
            return (prefix, address)
        }
        return (prefix, try client.allocateIP(in: prefix.id, assignedInterface: portID, description: description))
    }

    /// Deletes the addresses inside the customer's /64, then the /64; what is gone already
    /// counts as released, so an interrupted release resumes.
    public func releaseAddressing(description: String) throws {
        guard let prefix = try customerPrefix(description) else { return }
        for address in try client.ipAddresses(["parent": prefix.prefix.description]) {
            try ignoringNotFound { try client.deleteIPAddress(id: address.id) }
        }
        try ignoringNotFound { try client.deletePrefix(id: prefix.id) }
    }

    public func customerPrefix(_ description: String) throws -> Prefix? {
        try client.prefixes(["description": description, "mask_length": String(AccessLimits.customerPrefixLength)]).first
    }

    public func addresses(ofPort id: Int) throws -> [IPAddress] {
        try client.ipAddresses(["interface_id": String(id)])
    }

    private func allocateCustomerPrefix(_ description: String) throws -> Prefix {
        guard let pool = try client.prefixes(["description": AccessLimits.poolDescription]).first else {
            throw AccessError.poolNotFound(AccessLimits.poolDescription)
        }
        do {
            return try client.allocatePrefix(in: pool.id, length: AccessLimits.customerPrefixLength, description: description)
        } catch .api(let error) where error.status == 409 {
            throw AccessError.poolExhausted(pool.prefix.description)
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
