import Foundation

/// Time as the client experiences it: advanced by simulated latency, slow answers and timeouts,
/// never by sleeping.
public final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration = .zero

    public init() {}

    /// An independent clock at this one's reading, for a checkpoint of a run.
    public func copy() -> VirtualClock {
        let copy = VirtualClock()
        copy.advance(by: now)
        return copy
    }

    public var now: Duration {
        lock.lock(); defer { lock.unlock() }
        return elapsed
    }

    public func advance(by duration: Duration) {
        lock.lock(); defer { lock.unlock() }
        elapsed += duration
    }
}
