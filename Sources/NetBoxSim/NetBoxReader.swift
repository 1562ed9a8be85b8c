/// A consistent read-only view of NetBox, valid only inside `NetBox.withReader`.
public struct NetBoxReader {
    let store: NetBoxStore

    public func site(id: Int) -> Site? { store.sites[id] }
    public func manufacturer(id: Int) -> Manufacturer? { store.manufacturers[id] }
    public func deviceType(id: Int) -> DeviceType? { store.deviceTypes[id] }
    public func deviceRole(id: Int) -> DeviceRole? { store.deviceRoles[id] }
    public func device(id: Int) -> Device? { store.devices[id] }
    public func interface(id: Int) -> Interface? { store.interfaces[id] }
    public func cable(id: Int) -> Cable? { store.cables[id] }
    public func prefix(id: Int) -> Prefix? { store.prefixes[id] }
    public func ipAddress(id: Int) -> IPAddress? { store.ipAddresses[id] }

    /// Interfaces of a device in NetBox's natural name order.
    public func interfaces(ofDevice deviceID: Int) -> [Interface] {
        (store.interfacesByDevice[deviceID] ?? []).compactMap { store.interfaces[$0] }
    }

    /// Number of prefixes containing this one (NetBox's `_depth`).
    public func depth(of prefix: Prefix) -> Int { store.prefixDepth(prefix) }
    /// Number of prefixes inside this one at any depth (NetBox's `children`).
    public func children(of prefix: Prefix) -> Int { store.prefixChildren(prefix) }

    public func ipAddressCount(ofInterface interfaceID: Int) -> Int { store.ipCount(ofInterface: interfaceID) }

    public func deviceCount(ofType typeID: Int) -> Int { store.devices.values.count { $0.deviceTypeID == typeID } }
    public func deviceCount(ofRole roleID: Int) -> Int { store.devices.values.count { $0.roleID == roleID } }

    /// The interfaces at the far end of an interface's cable.
    public func linkPeers(of interface: Interface) -> [Interface] {
        guard let cableID = interface.cableID, let cable = store.cables[cableID] else { return [] }
        let peers = interface.cableEnd == "A" ? cable.bTerminations : cable.aTerminations
        return peers.compactMap { store.interfaces[$0] }
    }
}
