/// The interfaces (and bytes of interface names) a topology has made so far, against the per-topology
/// limits; the compiler stops making interfaces once it is spent, so a file cannot grow the seed unbounded.
struct InterfaceBudget {
    private(set) var count = 0
    private(set) var nameBytes = 0
    private(set) var isSpent = false

    /// Counts one more interface; false (from then on) once either limit is passed.
    mutating func take(_ name: String) -> Bool {
        guard !isSpent else { return false }
        count += 1
        nameBytes += name.utf8.count
        isSpent = count > TopologyLimits.maximumInterfaces || nameBytes > TopologyLimits.maximumInterfaceNameBytes
        return !isSpent
    }

    var excess: String {
        count > TopologyLimits.maximumInterfaces
            ? "the topology has more than \(TopologyLimits.maximumInterfaces) interfaces"
            : "the topology's interface names take more than \(TopologyLimits.maximumInterfaceNameBytes) bytes"
    }
}
