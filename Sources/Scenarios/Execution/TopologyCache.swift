import Synchronization
import Topology

/// Compiled topologies by file, shared by every scenario of a run: compiling a lab file is the
/// costly part of building a world, and a suite reuses a handful of labs. Worlds get a fresh
/// NetBox and fleet built from the cached result, so nothing mutable is shared.
public final class TopologyCache: Sendable {
    private let loaded = Mutex<[String: Result<CompiledTopology, TopologyError>]>([:])

    public init() {}

    /// The compiled topology of `path`; a file that failed once fails again without re-reading.
    public func topology(at path: String) throws(TopologyError) -> CompiledTopology {
        if let cached = loaded.withLock({ $0[path] }) { return try cached.get() }
        // Compiled outside the lock so two labs load in parallel; a rare double compile is harmless.
        let result = Result { () throws(TopologyError) in try TopologyLoader.load(contentsOf: path) }
        loaded.withLock { $0[path] = result }
        return try result.get()
    }
}
