import NetBoxSim

/// The workflows' NetBox calls, all through a `NetBoxClient` (so injected faults reach them).
/// Every call that changes NetBox either is idempotent by nature (a PATCH to a fixed value, a
/// delete whose 404 means "already done") or first looks for what an earlier, interrupted
/// attempt may have made, so a step can be retried after a failure or a kill at any point
/// without leaving a second cable, prefix or address behind.
public struct WorkshopNetBox: Sendable {
    /// NetBox prefix id of the workshop's "Circuit Address Pool" (`2001:db8:10::/44`).
    public static let circuitPoolID = 3
    /// Ports offered for circuits are 400G interfaces.
    public static let circuitPortSpeedKbps = 400_000_000

    public let client: NetBoxClient

    public init(client: NetBoxClient) {
        self.client = client
    }

    /// The same calls logged in NetBox's change log under `actor` (a process and step).
    public func acting(as actor: String) -> WorkshopNetBox {
        WorkshopNetBox(client: client.acting(as: actor))
    }

    // MARK: devices

    public func plannedDevices() throws -> [Device] {
        try client.devices(status: .planned)
    }

    public func device(named name: String) throws -> Device {
        guard let device = try client.device(named: name) else { throw WorkshopError.deviceNotFound(name) }
        return device
    }

    public func device(id: Int) throws -> Device? {
        try client.device(id: id)
    }

    /// The device's primary IPv4 and IPv6 addresses, with prefix lengths.
    public func loopbacks(of device: Device) throws -> (ipv4: String, ipv6: String) {
        func address(_ id: Int?, _ family: String) throws -> String {
            guard let id, let ip = try client.ipAddresses(["id": String(id)]).first else {
                throw WorkshopError.missingPrimaryIP(device: device.name, family: family)
            }
            return ip.address.description
        }
        return (try address(device.primaryIPv4ID, "IPv4"), try address(device.primaryIPv6ID, "IPv6"))
    }

    /// A PATCH to a fixed status: repeating it changes nothing.
    @discardableResult
    public func setStatus(_ status: DeviceStatus, ofDevice id: Int) throws -> Device {
        try client.updateDevice(id: id, status: status)
    }

    // MARK: ports

    /// 400G interfaces of the device without a cable, in NetBox's (natural) order.
    public func freePorts(ofDevice name: String) throws -> [Interface] {
        try client.freeInterfaces(ofDevice: name, speedKbps: Self.circuitPortSpeedKbps)
    }

    public func interface(id: Int) throws -> Interface {
        guard let interface = try client.interface(id: id) else { throw WorkshopError.interfaceNotFound(id) }
        return interface
    }

    public func addresses(ofInterface id: Int) throws -> [IPAddress] {
        try client.ipAddresses(["interface_id": String(id)])
    }
}
