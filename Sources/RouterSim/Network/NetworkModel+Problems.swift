/// The facts the simulation reports as problems.
extension NetworkModel {
    func findProblems() -> [NetworkProblem] {
        var found: [NetworkProblem] = []
        for state in linkStates {
            if state.isUp {
                if let a = end(state.link.a), let b = end(state.link.b) { found += linkProblems(a, b) }
            } else {
                found += downAddressedEnds(state)
            }
        }
        found += uncabledAddressedPorts()
        found += duplicateAddresses()
        found += duplicateSystemIDs()
        for link in duplicateSystemIDLinks {
            let (a, b) = (link.adjacency.a, link.adjacency.b)
            found.append(NetworkProblem(kind: .duplicateSystemID, subjects: [a.device, b.device].sorted(),
                                        detail: "\(a) <--> \(b): \(a.device) and \(b.device) both use system ID \(NET.groupedHex(link.systemID)); IS-IS refuses the adjacency"))
        }
        for (router, state) in routers.enumerated() where process(router) == nil && state.running.interfaces.values.contains(where: \.runsISIS) {
            found.append(NetworkProblem(kind: .isisWithoutNET, subjects: [state.spec.name],
                                        detail: "\(state.spec.name) runs ipv6 router isis on interfaces but has no IS-IS process with a NET"))
        }
        return found.sorted { ($0.kind.rawValue, $0.subjects.joined(separator: ",")) < ($1.kind.rawValue, $1.subjects.joined(separator: ",")) }
    }

    private func linkProblems(_ a: End, _ b: End) -> [NetworkProblem] {
        var found: [NetworkProblem] = []
        let subjects = [a.port.description, b.port.description].sorted()
        let linkName = "\(a.port) <--> \(b.port)"
        func problem(_ kind: NetworkProblem.Kind, _ detail: String) { found.append(NetworkProblem(kind: kind, subjects: subjects, detail: detail)) }

        if !a.interface.ipv6.isEmpty, !b.interface.ipv6.isEmpty, Self.sharedSubnet(a.interface, b.interface) == nil {
            problem(.subnetMismatch, "\(linkName): IPv6 \(a.interface.ipv6.map(\.description).sorted()) vs \(b.interface.ipv6.map(\.description).sorted()) share no subnet")
        }
        if let v4a = a.interface.ipv4, let v4b = b.interface.ipv4, v4a.network != v4b.network || v4a.length != v4b.length || v4a.address == v4b.address {
            problem(.subnetMismatch, "\(linkName): IPv4 \(v4a) vs \(v4b) are not two hosts of one subnet")
        }
        let activeA = isActiveISIS(a), activeB = isActiveISIS(b)
        if activeA != activeB {
            let (on, off) = activeA ? (a, b) : (b, a)
            problem(.oneSidedISIS, "\(linkName): IS-IS is active on \(on.port) but not on \(off.port) (\(inactiveReason(off)))")
        }
        guard activeA, activeB, let isisA = process(a.router), let isisB = process(b.router) else { return found }
        if Set(isisA.nets.map(\.area)).isDisjoint(with: isisB.nets.map(\.area)) {
            problem(.areaMismatch, "\(linkName): area \(isisA.nets.map(\.areaDescription).sorted()) vs \(isisB.nets.map(\.areaDescription).sorted())")
        } else if Self.levels(isisA, isisB) == nil {
            problem(.levelMismatch, "\(linkName): is-type \(isisA.isType.rawValue) vs \(isisB.isType.rawValue)")
        }
        if a.interface.isisPointToPoint != b.interface.isisPointToPoint {
            problem(.networkTypeMismatch, "\(linkName): one side is point-to-point, the other broadcast")
        }
        return found
    }

    /// Runs IS-IS on the port, not passive, with a process that has a NET.
    private func isActiveISIS(_ end: End) -> Bool {
        guard end.interface.runsISIS, let isis = process(end.router) else { return false }
        return !isis.isPassive(end.interface.name)
    }

    private func inactiveReason(_ end: End) -> String {
        if !end.interface.runsISIS { return "no ipv6 router isis" }
        guard let isis = process(end.router) else { return "no IS-IS process with a NET" }
        return isis.isPassive(end.interface.name) ? "passive" : "inactive"
    }

    private func downAddressedEnds(_ state: LinkState) -> [NetworkProblem] {
        [state.link.a, state.link.b].compactMap { port in
            guard let end = end(port), end.interface.ipv4 != nil || !end.interface.ipv6.isEmpty else { return nil }
            return NetworkProblem(kind: .addressedInterfaceDown, subjects: [port.description],
                                  detail: "\(port) has addresses but its link is down (\(state.downReason ?? "down"))")
        }
    }

    private func uncabledAddressedPorts() -> [NetworkProblem] {
        var found: [NetworkProblem] = []
        for state in routers {
            for interface in state.sortedRunningInterfaces where !interface.isLoopback && (interface.ipv4 != nil || !interface.ipv6.isEmpty) {
                let port = PortRef(device: state.spec.name, port: interface.name)
                guard linkOfPort[port] == nil else { continue }
                found.append(NetworkProblem(kind: .addressedInterfaceDown, subjects: [port.description],
                                            detail: "\(port) has addresses but no cable"))
            }
        }
        return found
    }

    /// The same address configured on more than one device (IPv6 and IPv4).
    private func duplicateAddresses() -> [NetworkProblem] {
        var owners: [String: Set<PortRef>] = [:]
        for state in routers {
            for interface in state.running.interfaces.values {
                let port = PortRef(device: state.spec.name, port: interface.name)
                for address in interface.ipv6 { owners[address.address.description, default: []].insert(port) }
                if let v4 = interface.ipv4 { owners[v4.address.description, default: []].insert(port) }
            }
        }
        return owners.compactMap { address, ports in
            guard Set(ports.map(\.device)).count > 1 else { return nil }
            let subjects = ports.map(\.description).sorted()
            return NetworkProblem(kind: .duplicateAddress, subjects: subjects, detail: "\(address) is configured on \(subjects.joined(separator: ", "))")
        }
    }

    /// Real IS-IS cannot tell routers with one system ID apart. Neighbors with one system ID
    /// form no adjacency (reported per link above); routers further apart would make each
    /// other's LSPs flap, which the simulation does not model: it identifies them by device, so
    /// routing through distinct neighbors still works, and reports the clash here.
    private func duplicateSystemIDs() -> [NetworkProblem] {
        var devices: [String: [String]] = [:]
        for (router, state) in routers.enumerated() {
            guard let isis = process(router) else { continue }
            devices[isis.nets[0].systemIDDescription, default: []].append(state.spec.name)
        }
        return devices.compactMap { systemID, names in
            guard names.count > 1 else { return nil }
            let sorted = names.sorted()
            return NetworkProblem(kind: .duplicateSystemID, subjects: sorted, detail: "system ID \(systemID) is used by \(sorted.joined(separator: ", "))")
        }
    }
}
