import OrchLabJSON
extension NetBoxSerializer {
    /// `asCreated` reproduces NetBox's create response, which shows `children: 0, _depth: 0`
    /// even for nested prefixes; a re-read shows the real values.
    public func prefix(_ prefix: Prefix, _ reader: NetBoxReader, brief: Bool = false, asCreated: Bool = false) -> JSON {
        let text = prefix.prefix.description
        let depth = asCreated ? 0 : reader.depth(of: prefix)
        let short: [String: JSON] = [
            "family": family(prefix.prefix.family), "prefix": .string(text),
            "description": .string(prefix.description), "_depth": .int(depth),
        ]
        if brief { return self.brief(.prefix, prefix.id, display: text, short) }
        var fields = common(.prefix, prefix.id, display: text, created: prefix.created, lastUpdated: prefix.lastUpdated)
        fields.merge(short) { _, new in new }
        fields.merge([
            "status": choice(prefix.status), "is_pool": .bool(prefix.isPool), "mark_utilized": .bool(prefix.markUtilized),
            "children": .int(asCreated ? 0 : reader.children(of: prefix)),
            "vrf": .null, "scope_type": .null, "scope_id": .null, "scope": .null, "tenant": .null, "vlan": .null,
            "role": .null, "owner": .null, "comments": "",
        ]) { _, new in new }
        return .object(fields)
    }

    public func ipAddress(_ ip: IPAddress, _ reader: NetBoxReader, brief: Bool = false) -> JSON {
        let text = ip.address.description
        let short: [String: JSON] = [
            "family": family(ip.address.family), "address": .string(text), "nat_inside": .null, "nat_outside": [],
            "dns_name": .string(ip.dnsName), "description": .string(ip.description),
        ]
        if brief { return self.brief(.ipAddress, ip.id, display: text, short) }
        var fields = common(.ipAddress, ip.id, display: text, created: ip.created, lastUpdated: ip.lastUpdated)
        fields.merge(short) { _, new in new }
        let assigned = ip.assignedInterfaceID.flatMap(reader.interface(id:))
        fields.merge([
            "status": choice(ip.status), "vrf": .null, "tenant": .null, "role": .null, "owner": .null, "comments": "",
            "assigned_object_type": assigned == nil ? .null : "dcim.interface",
            "assigned_object_id": .optional(assigned?.id),
            "assigned_object": assigned.map { interface($0, reader, brief: true) } ?? .null,
        ]) { _, new in new }
        return .object(fields)
    }
}
