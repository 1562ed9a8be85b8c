import NetBoxSim
import IPAddressing

extension TopologyCompiler {
    /// The prefixes of a topology, indexed so "is this address inside any prefix" costs one lookup per
    /// distinct prefix length instead of one per prefix.
    struct PrefixIndex {
        var networks: Set<IPNetwork> = []
        var lengths: [IPFamily: Set<Int>] = [:]

        mutating func insert(_ network: IPNetwork) {
            networks.insert(network)
            lengths[network.family, default: []].insert(network.length)
        }

        func covers(_ address: IPInterfaceAddress) -> Bool {
            (lengths[address.family] ?? []).contains { length in
                length <= address.length && networks.contains(IPNetwork(family: address.family, network: address.host, length: length))
            }
        }
    }

    /// An address of the topology, by host, and the interface it is assigned to.
    struct AssignedAddress {
        var text: String
        var interface: NetBoxSeed.InterfaceRef?
    }

    func prefixes(_ prefixes: [Topology.Prefix]) -> PrefixIndex {
        var index = PrefixIndex(), networks = UniqueKeys<IPNetwork>(), ids = UniqueKeys<Int>()
        for prefix in prefixes {
            claim(prefix.id, in: &ids, "prefix", prefix.origin)
            guard let address = Self.address(prefix.prefix) else {
                log.error(prefix.origin, field: "prefix", "malformed prefix '\(prefix.prefix)'", expected: "CIDR like 10.0.0.0/8 or 2001:db8::/32")
                continue
            }
            let network = address.network
            guard !address.hasHostBits else {
                // Still counts for "inside a prefix", so its addresses are not also reported as outside every prefix.
                index.insert(network)
                log.error(
                    prefix.origin, field: "prefix", "host bits set in prefix '\(prefix.prefix)'",
                    expected: "the network address \(network)")
                continue
            }
            guard networks.claim(network, "prefix \(network)", by: prefix.origin, field: "prefix", log: log) else { continue }
            index.insert(network)
            seed.prefixes.append(NetBoxSeed.Prefix(
                id: prefix.id, prefix: network.description, status: prefix.status ?? "active",
                isPool: prefix.isPool ?? false, description: prefix.description ?? ""))
        }
        return index
    }

    /// Loopback addresses (device by device), then the `addresses` list; returns them by host.
    func addresses(_ topology: Topology, within prefixes: PrefixIndex) -> [IPInterfaceAddress: AssignedAddress] {
        var hosts: [IPInterfaceAddress: AssignedAddress] = [:]
        var owners = UniqueKeys<IPInterfaceAddress>(), ids = UniqueKeys<Int>()
        func add(
            _ text: String, id: Int?, status: String?, description: String?, interface: NetBoxSeed.InterfaceRef?,
            origin: Origin, field: String?, family: IPFamily? = nil
        ) {
            claim(id, in: &ids, "IP address", origin)
            guard let address = Self.address(text) else {
                log.error(origin, field: field, "malformed address '\(text)'", expected: "an address with prefix length, e.g. 10.0.0.1/32")
                return
            }
            if let family, address.family != family {
                log.error(origin, field: field, "'\(text)' is not an IPv\(family.rawValue) address", expected: "an IPv\(family.rawValue) address")
                return
            }
            guard owners.claim(address.hostRoute, "address \(address.hostText)", by: origin, field: field, log: log) else { return }
            if !prefixes.covers(address) {
                log.warning(origin, field: field, "address \(address) is outside every prefix", expected: "a prefix in prefixes that contains it")
            }
            hosts[address.hostRoute] = AssignedAddress(text: address.description, interface: interface)
            seed.ipAddresses.append(NetBoxSeed.IPAddress(
                id: id, address: address.description, status: status ?? "active", description: description ?? "",
                assignedInterface: interface))
        }
        for (device, loopback) in loopbacks {
            let interface = NetBoxSeed.InterfaceRef(device: device, interface: loopback.name ?? Self.defaultLoopbackName)
            for (address, family) in [(loopback.ipv4, IPFamily.v4), (loopback.ipv6, .v6)] {
                guard let address else { continue }
                add(
                    address.address, id: address.id, status: address.status, description: address.description,
                    interface: interface, origin: address.origin, field: address.isWrittenAsMapping ? "address" : nil,
                    family: family)
                if let host = Self.address(address.address)?.hostRoute, hosts[host]?.interface == interface {
                    loopbackPrimaries[device, default: [:]][family] = hosts[host]?.text
                }
            }
        }
        for address in topology.addresses {
            var interface: NetBoxSeed.InterfaceRef?
            if let endpoint = address.interface, resolve(endpoint, what: "address") != nil {
                interface = NetBoxSeed.InterfaceRef(device: endpoint.device, interface: endpoint.interface)
            }
            add(
                address.address, id: address.id, status: address.status, description: address.description,
                interface: interface, origin: address.origin, field: "address")
        }
        return hosts
    }

    /// Explicit `primary_ip4`/`primary_ip6` win over the loopback's addresses; either must be assigned to
    /// one of the device's own interfaces.
    func primaryIPs(hosts: [IPInterfaceAddress: AssignedAddress]) {
        for (index, device) in addedDevices {
            let fromLoopback = loopbackPrimaries[device.name] ?? [:]
            seed.devices[index].primaryIPv4 = fromLoopback[.v4]
            seed.devices[index].primaryIPv6 = fromLoopback[.v6]
            for (field, text, family) in [("primary_ip4", device.primaryIPv4, IPFamily.v4), ("primary_ip6", device.primaryIPv6, .v6)] {
                guard let text else { continue }
                guard let address = Self.address(text, lengthRequired: false), address.family == family else {
                    log.error(device.origin, field: field, "'\(text)' is not an IPv\(family.rawValue) address", expected: "an IPv\(family.rawValue) address of this device")
                    continue
                }
                guard let assigned = hosts[address.hostRoute] else {
                    log.error(
                        device.origin, field: field, "primary IP \(address.hostText) is not an address of this topology",
                        expected: "an address in addresses (or the loopback) assigned to an interface of '\(device.name)'")
                    continue
                }
                guard let interface = assigned.interface, interface.device == device.name else {
                    let whereItIs = assigned.interface.map { "it is assigned to \($0.device):\($0.interface)" } ?? "it is not assigned to any interface"
                    log.error(
                        device.origin, field: field, "primary IP \(assigned.text) is not on device '\(device.name)' (\(whereItIs))",
                        expected: "an address assigned to an interface of '\(device.name)'")
                    continue
                }
                if family == .v4 { seed.devices[index].primaryIPv4 = assigned.text } else { seed.devices[index].primaryIPv6 = assigned.text }
            }
        }
    }

    /// A topology file's address or prefix. Leading zeros are refused there (`010.0.0.1` is far
    /// more often a typo than a decimal), although NetBox and the routers accept them.
    static func address(_ text: String, lengthRequired: Bool = true) -> IPInterfaceAddress? {
        try? IPInterfaceAddress.parse(text, requireLength: lengthRequired, allowingLeadingZeros: false)
    }
}

extension Topology.LoopbackAddress {
    var isWrittenAsMapping: Bool { origin.fieldLocations["address"] != nil }
}
