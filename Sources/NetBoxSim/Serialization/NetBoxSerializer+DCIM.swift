import OrchLabJSON
extension NetBoxSerializer {
    public func site(_ site: Site, _ reader: NetBoxReader, brief: Bool = false) -> JSON {
        let short: [String: JSON] = ["name": .string(site.name), "slug": .string(site.slug), "description": .string(site.description)]
        if brief { return self.brief(.site, site.id, display: site.name, short) }
        var fields = common(.site, site.id, display: site.name, created: site.created, lastUpdated: site.lastUpdated)
        fields.merge(short) { _, new in new }
        fields.merge([
            "status": choice(site.status), "region": .null, "group": .null, "tenant": .null, "facility": "",
            "time_zone": .null, "owner": .null, "comments": "", "asns": [],
            "device_count": .int(reader.store.devices.values.count { $0.siteID == site.id }),
            "circuit_count": 0, "prefix_count": 0, "rack_count": 0, "virtualmachine_count": 0, "vlan_count": 0,
        ]) { _, new in new }
        return .object(fields)
    }

    public func manufacturer(_ maker: Manufacturer) -> JSON {
        brief(.manufacturer, maker.id, display: maker.name, ["name": .string(maker.name), "slug": .string(maker.slug), "description": ""])
    }

    public func deviceType(_ type: DeviceType, _ reader: NetBoxReader) -> JSON {
        var fields: [String: JSON] = ["model": .string(type.model), "slug": .string(type.slug), "description": ""]
        fields["manufacturer"] = reader.manufacturer(id: type.manufacturerID).map(manufacturer) ?? .null
        fields["device_count"] = .int(reader.deviceCount(ofType: type.id))
        return brief(.deviceType, type.id, display: type.model, fields)
    }

    public func deviceRole(_ role: DeviceRole, _ reader: NetBoxReader) -> JSON {
        brief(.deviceRole, role.id, display: role.name, [
            "name": .string(role.name), "slug": .string(role.slug), "description": "", "_depth": 0,
            "device_count": .int(reader.deviceCount(ofRole: role.id)), "virtualmachine_count": 0,
        ])
    }

    public func device(_ device: Device, _ reader: NetBoxReader, brief: Bool = false) -> JSON {
        let short: [String: JSON] = ["name": .string(device.name), "description": .string(device.description)]
        if brief { return self.brief(.device, device.id, display: device.name, short) }
        var fields = common(.device, device.id, display: device.name, created: device.created, lastUpdated: device.lastUpdated)
        fields.merge(short) { _, new in new }
        let ip4 = device.primaryIPv4ID.flatMap(reader.ipAddress(id:)).map { ipAddress($0, reader, brief: true) } ?? .null
        let ip6 = device.primaryIPv6ID.flatMap(reader.ipAddress(id:)).map { ipAddress($0, reader, brief: true) } ?? .null
        fields.merge([
            "device_type": reader.deviceType(id: device.deviceTypeID).map { deviceType($0, reader) } ?? .null,
            "role": reader.deviceRole(id: device.roleID).map { deviceRole($0, reader) } ?? .null,
            "site": reader.site(id: device.siteID).map { site($0, reader, brief: true) } ?? .null,
            "status": choice(device.status),
            "primary_ip": ip6 != .null ? ip6 : ip4, "primary_ip4": ip4, "primary_ip6": ip6,
            "tenant": .null, "platform": .null, "serial": "", "asset_tag": .null, "location": .null, "rack": .null,
            "position": .null, "face": .null, "latitude": .null, "longitude": .null, "parent_device": .null,
            "airflow": .null, "cooling_method": .null, "oob_ip": .null, "cluster": .null, "virtual_chassis": .null,
            "vc_position": .null, "vc_priority": .null, "owner": .null, "comments": "", "config_template": .null,
            "config_context": [:], "local_context_data": .null,
            "interface_count": .int(reader.store.interfacesByDevice[device.id]?.count ?? 0),
            "console_port_count": 0, "console_server_port_count": 0, "power_port_count": 0, "power_outlet_count": 0,
            "front_port_count": 0, "rear_port_count": 0, "device_bay_count": 0, "module_bay_count": 0,
            "inventory_item_count": 0,
        ]) { _, new in new }
        return .object(fields)
    }

    public func interface(_ interface: Interface, _ reader: NetBoxReader, brief: Bool = false) -> JSON {
        let deviceJSON = reader.device(id: interface.deviceID).map { device($0, reader, brief: true) } ?? .null
        let cableJSON = interface.cableID.flatMap(reader.cable(id:)).map { cable($0, reader, brief: true) } ?? .null
        let short: [String: JSON] = [
            "device": deviceJSON, "name": .string(interface.name), "description": .string(interface.description),
            "cable": cableJSON, "_occupied": .bool(interface.occupied),
        ]
        if brief { return self.brief(.interface, interface.id, display: interface.name, short) }
        var fields = common(.interface, interface.id, display: interface.name, created: interface.created, lastUpdated: interface.lastUpdated)
        fields.merge(short) { _, new in new }
        let peers = reader.linkPeers(of: interface).map { self.interface($0, reader, brief: true) }
        let connected = interface.cableID.flatMap(reader.cable(id:))?.status == .connected
        fields.merge([
            "type": ["value": .string(interface.type), "label": .string(InterfaceTypeLabel.label(interface.type))],
            "enabled": .bool(interface.enabled), "mgmt_only": .bool(interface.mgmtOnly),
            "mark_connected": .bool(interface.markConnected), "speed": .optional(interface.speedKbps),
            "cable_end": .optional(interface.cableEnd),
            "link_peers": .array(peers), "link_peers_type": peers.isEmpty ? .null : "dcim.interface",
            "connected_endpoints": peers.isEmpty ? .null : .array(peers),
            "connected_endpoints_type": peers.isEmpty ? .null : "dcim.interface",
            "connected_endpoints_reachable": .bool(!peers.isEmpty && connected),
            "count_ipaddresses": .int(reader.ipAddressCount(ofInterface: interface.id)), "count_fhrp_groups": 0,
            "module": .null, "label": "", "parent": .null, "bridge": .null, "lag": .null, "mtu": .null,
            "mac_address": .null, "duplex": .null, "wwn": .null, "mode": .null, "wireless_link": .null,
            "wireless_lans": [], "vrf": .null, "l2vpn_termination": .null,
        ]) { _, new in new }
        return .object(fields)
    }

    public func cable(_ cable: Cable, _ reader: NetBoxReader, brief: Bool = false) -> JSON {
        let display = "#\(cable.id)"
        let short: [String: JSON] = ["label": .string(cable.label), "description": .string(cable.description)]
        if brief { return self.brief(.cable, cable.id, display: display, short) }
        var fields = common(.cable, cable.id, display: display, created: cable.created, lastUpdated: cable.lastUpdated)
        fields.merge(short) { _, new in new }
        func terminations(_ ids: [Int]) -> JSON {
            .array(ids.map { id in
                [
                    "object_type": "dcim.interface", "object_id": .int(id),
                    "object": reader.interface(id: id).map { interface($0, reader, brief: true) } ?? .null,
                ]
            })
        }
        fields.merge([
            "a_terminations": terminations(cable.aTerminations), "b_terminations": terminations(cable.bTerminations),
            "status": choice(cable.status), "type": .null, "profile": .null, "tenant": .null, "bundle": .null,
            "color": "", "length": .null, "length_unit": .null, "comments": "",
        ]) { _, new in new }
        return .object(fields)
    }
}
