import OrchLabJSON
extension NetBoxClient {
    // MARK: devices

    /// `nb.dcim.devices.get(name=X)`: nil when none, an error when several match.
    public func device(named name: String) throws(NetBoxClientError) -> Device? {
        let found = try call(.getDeviceByName) { () throws(NetBoxError) in try Self.all(["name": name], netbox.devices) }
        guard found.count <= 1 else { throw .multipleResults(operation: .getDeviceByName, count: found.count) }
        return found.first
    }

    /// `nb.dcim.devices.get(id)`: nil on 404.
    public func device(id: Int) throws(NetBoxClientError) -> Device? {
        try optional(.getDevice) { () throws(NetBoxError) in try netbox.device(id: id) }
    }

    public func devices(status: DeviceStatus) throws(NetBoxClientError) -> [Device] {
        try devices(["status": status.rawValue])
    }

    public func devices(_ query: NetBoxQuery) throws(NetBoxClientError) -> [Device] {
        try call(.listDevices) { () throws(NetBoxError) in try Self.all(query, netbox.devices) }
    }

    /// `PATCH` of a device's status (planned → active in the workshop's node workflow).
    public func updateDevice(id: Int, status: DeviceStatus) throws(NetBoxClientError) -> Device {
        try updateDevice(id: id, ["status": .string(status.rawValue)])
    }

    public func updateDevice(id: Int, _ fields: [String: JSON]) throws(NetBoxClientError) -> Device {
        try call(.updateDevice) { () throws(NetBoxError) in try netbox.updateDevice(id: id, fields, actor: actor) }
    }

    // MARK: interfaces

    /// Ports offered for circuits: `interfaces.filter(device=X, occupied=False, speed=…)`.
    public func freeInterfaces(ofDevice deviceName: String, speedKbps: Int = 400_000_000) throws(NetBoxClientError) -> [Interface] {
        try interfaces(["device": deviceName, "occupied": "False", "speed": String(speedKbps)])
    }

    public func interfaces(_ query: NetBoxQuery) throws(NetBoxClientError) -> [Interface] {
        try call(.listInterfaces) { () throws(NetBoxError) in try Self.all(query, netbox.interfaces) }
    }

    public func interface(id: Int) throws(NetBoxClientError) -> Interface? {
        try optional(.getInterface) { () throws(NetBoxError) in try netbox.interface(id: id) }
    }

    public func updateInterface(id: Int, _ fields: [String: JSON]) throws(NetBoxClientError) -> Interface {
        try call(.updateInterface) { () throws(NetBoxError) in try netbox.updateInterface(id: id, fields, actor: actor) }
    }

    // MARK: prefixes

    public func prefix(id: Int) throws(NetBoxClientError) -> Prefix? {
        try optional(.getPrefix) { () throws(NetBoxError) in try netbox.prefix(id: id) }
    }

    public func prefixes(_ query: NetBoxQuery) throws(NetBoxClientError) -> [Prefix] {
        try call(.listPrefixes) { () throws(NetBoxError) in try Self.all(query, netbox.prefixes) }
    }

    public func availablePrefixes(in parentID: Int) throws(NetBoxClientError) -> [AvailablePrefix] {
        try call(.availablePrefixes) { () throws(NetBoxError) in try netbox.availablePrefixes(in: parentID) }
    }

    /// `prefix.available_prefixes.create({...})`: the lowest aligned free block of `length`.
    public func allocatePrefix(
        in parentID: Int, length: Int, isPool: Bool = false, description: String = "", status: PrefixStatus = .active
    ) throws(NetBoxClientError) -> Prefix {
        let request: [String: JSON] = [
            "prefix_length": .int(length), "is_pool": .bool(isPool), "description": .string(description),
            "status": .string(status.rawValue),
        ]
        return try call(.allocatePrefix) { () throws(NetBoxError) in try netbox.allocatePrefix(in: parentID, request, actor: actor) }
    }

    public func deletePrefix(id: Int) throws(NetBoxClientError) {
        try call(.deletePrefix) { () throws(NetBoxError) in try netbox.deletePrefix(id: id, actor: actor) }
    }

    // MARK: IP addresses

    public func availableIPs(in prefixID: Int, limit: Int = 50) throws(NetBoxClientError) -> [AvailableIP] {
        try call(.availableIPs) { () throws(NetBoxError) in try netbox.availableIPs(in: prefixID, limit: limit) }
    }

    /// `prefix.available_ips.create({...})`, optionally assigned to an interface.
    public func allocateIP(
        in prefixID: Int, assignedInterface interfaceID: Int? = nil, description: String = "", status: IPAddressStatus = .active
    ) throws(NetBoxClientError) -> IPAddress {
        var request: [String: JSON] = ["description": .string(description), "status": .string(status.rawValue)]
        if let interfaceID {
            request["assigned_object_type"] = "dcim.interface"
            request["assigned_object_id"] = .int(interfaceID)
        }
        return try call(.allocateIP) { () throws(NetBoxError) in try netbox.allocateIP(in: prefixID, request, actor: actor) }
    }

    public func ipAddresses(_ query: NetBoxQuery) throws(NetBoxClientError) -> [IPAddress] {
        try call(.listIPAddresses) { () throws(NetBoxError) in try Self.all(query, netbox.ipAddresses) }
    }

    public func deleteIPAddress(id: Int) throws(NetBoxClientError) {
        try call(.deleteIPAddress) { () throws(NetBoxError) in try netbox.deleteIPAddress(id: id, actor: actor) }
    }

    // MARK: cables

    /// `nb.dcim.cables.create(...)` between two interfaces.
    public func createCable(
        a interfaceA: Int, b interfaceB: Int, status: CableStatus = .planned, description: String = "", label: String = ""
    ) throws(NetBoxClientError) -> Cable {
        let fields: [String: JSON] = [
            "a_terminations": [["object_type": "dcim.interface", "object_id": .int(interfaceA)]],
            "b_terminations": [["object_type": "dcim.interface", "object_id": .int(interfaceB)]],
            "status": .string(status.rawValue), "description": .string(description), "label": .string(label),
        ]
        return try call(.createCable) { () throws(NetBoxError) in try netbox.createCable(fields, actor: actor) }
    }

    public func updateCable(id: Int, status: CableStatus) throws(NetBoxClientError) -> Cable {
        try call(.updateCable) { () throws(NetBoxError) in
            try netbox.updateCable(id: id, ["status": .string(status.rawValue)], actor: actor)
        }
    }

    public func cable(id: Int) throws(NetBoxClientError) -> Cable? {
        try optional(.getCable) { () throws(NetBoxError) in try netbox.cable(id: id) }
    }

    public func cables(_ query: NetBoxQuery) throws(NetBoxClientError) -> [Cable] {
        try call(.listCables) { () throws(NetBoxError) in try Self.all(query, netbox.cables) }
    }

    public func deleteCable(id: Int) throws(NetBoxClientError) {
        try call(.deleteCable) { () throws(NetBoxError) in try netbox.deleteCable(id: id, actor: actor) }
    }
}
