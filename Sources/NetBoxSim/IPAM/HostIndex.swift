import IPAddressing

/// The hosts of one family's IP addresses in sorted order, for "lowest free address" questions.
struct HostIndex {
    private(set) var hosts: [UInt128] = []

    /// Index of the first host ≥ `value`.
    private func lowerBound(_ value: UInt128) -> Int {
        var low = 0, high = hosts.count
        while low < high {
            let mid = (low + high) / 2
            if hosts[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func contains(_ host: UInt128) -> Bool {
        let index = lowerBound(host)
        return index < hosts.count && hosts[index] == host
    }

    mutating func insert(_ host: UInt128) {
        let index = lowerBound(host)
        hosts.insert(host, at: index)
    }

    mutating func remove(_ host: UInt128) {
        let index = lowerBound(host)
        if index < hosts.count && hosts[index] == host { hosts.remove(at: index) }
    }

    /// Up to `limit` free hosts of `range` in ascending order. Runs of taken hosts are skipped
    /// by binary search, so the cost does not grow with how full the range already is.
    func freeHosts(in range: ClosedRange<UInt128>, limit: Int) -> [UInt128] {
        var result: [UInt128] = []
        var candidate = range.lowerBound
        while result.count < limit {
            let index = lowerBound(candidate)
            if index < hosts.count && hosts[index] == candidate {
                let last = hosts[endOfRun(from: index)]
                guard last < range.upperBound else { break }
                candidate = last + 1
                continue
            }
            result.append(candidate)
            if candidate == range.upperBound { break }
            candidate += 1
        }
        return result
    }

    /// The last index of the run of consecutive hosts starting at `start`: hosts are distinct
    /// and sorted, so `hosts[j] - hosts[start] == j - start` holds exactly up to the run's end.
    private func endOfRun(from start: Int) -> Int {
        var low = start, high = hosts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if hosts[mid] - hosts[start] == UInt128(mid - start) { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension IPNetwork {
    /// The hosts NetBox's available-ips hands out from this prefix: pools, IPv4 /31–/32 and IPv6
    /// /127–/128 use every address; otherwise IPv4 drops network and broadcast and IPv6 drops only
    /// the subnet-router anycast address.
    func usableHosts(isPool: Bool) -> ClosedRange<UInt128>? {
        let whole = isPool || length >= family.bits - 1
        if whole { return network...last }
        switch family {
        case .v4: return network + 1 <= last - 1 ? (network + 1)...(last - 1) : nil
        case .v6: return (network + 1)...last
        }
    }
}
