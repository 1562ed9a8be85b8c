extension NetBoxStore {
    /// Current value of every id sequence, by type.
    var sequences: [ObjectType: Int] {
        [
            .site: sites.lastID, .manufacturer: manufacturers.lastID, .deviceType: deviceTypes.lastID,
            .deviceRole: deviceRoles.lastID, .device: devices.lastID, .interface: interfaces.lastID,
            .cable: cables.lastID, .prefix: prefixes.lastID, .ipAddress: ipAddresses.lastID,
        ]
    }

    func undoPending() {
        undo(pending.map { ($0.type, $0.id, $0.before) })
        pending.removeAll(keepingCapacity: true)
    }

    /// Restores each object to its `before` state, newest change first. Id sequences stay where
    /// they are: NetBox does not hand an id out twice even after a failed transaction.
    func undo(_ changes: [(ObjectType, Int, ObjectSnapshot?)]) {
        for (type, id, before) in changes.reversed() {
            if let before { put(before) } else { remove(type, id: id) }
        }
    }

    func put(_ snapshot: ObjectSnapshot) {
        switch snapshot {
        case .site(let o): putSite(o)
        case .manufacturer(let o): putManufacturer(o)
        case .deviceType(let o): putDeviceType(o)
        case .deviceRole(let o): putDeviceRole(o)
        case .device(let o): putDevice(o)
        case .interface(let o): putInterface(o)
        case .cable(let o): putCable(o)
        case .prefix(let o): putPrefix(o)
        case .ipAddress(let o): putIPAddress(o)
        }
    }

    func remove(_ type: ObjectType, id: Int) {
        switch type {
        case .site: if let old = sites.remove(id) { siteBySlug[old.slug] = nil }
        case .manufacturer: if let old = manufacturers.remove(id) { manufacturerBySlug[old.slug] = nil }
        case .deviceType: if let old = deviceTypes.remove(id) { deviceTypeBySlug[old.slug] = nil }
        case .deviceRole: if let old = deviceRoles.remove(id) { deviceRoleBySlug[old.slug] = nil }
        case .device:
            if let old = devices.remove(id) { devicesByName[old.name.lowercased()]?.removeAll { $0 == id } }
            deviceOrderChanged()
        case .interface:
            if let old = interfaces.remove(id) { interfacesByDevice[old.deviceID]?.removeAll { $0 == id } }
        case .cable: cables.remove(id)
        case .prefix: removePrefix(id)
        case .ipAddress: removeIPAddress(id)
        }
    }
}
