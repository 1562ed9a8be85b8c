import Synchronization
import Topology

/// Compiled topologies by file, shared by every scenario of a run: compiling a lab file is the
/// costly part of building a world, and a suite reuses a handful of labs. Worlds get a fresh
/// NetBox and fleet copied from the lab built once per file, so nothing mutable is shared.
public final class TopologyCache: Sendable {
    private let loaded = Mutex<[String: Result<CompiledTopology, TopologyError>]>([:])
    private let seeds = Mutex<[String: LabSeed]>([:])

    public init() {}

    /// The compiled topology of `path`; a file that failed once fails again without re-reading.
    public func topology(at path: String) throws(TopologyError) -> CompiledTopology {
        if let cached = loaded.withLock({ $0[path] }) { return try cached.get() }
        // Compiled outside the lock so two labs load in parallel; a rare double compile is harmless.
        let result = Result { () throws(TopologyError) in try TopologyLoader.load(contentsOf: path) }
        loaded.withLock { $0[path] = result }
        return try result.get()
    }

    /// The lab of `path` as loaded, built once: every world on that file starts from a copy.
    func labSeed(at path: String) throws -> LabSeed {
        if let cached = seeds.withLock({ $0[path] }) { return cached }
        // Built outside the lock, as above.
        let seed = try LabSeed(topology(at: path))
        seeds.withLock { $0[path] = seed }
        return seed
    }
}
