import Foundation

/// Time as the client experiences it: advanced by simulated latency, slow answers and timeouts,
/// never by sleeping.
public final class VirtualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var elapsed: Duration = .zero

    public init() {}

    public var now: Duration {
        lock.lock(); defer { lock.unlock() }
        return elapsed
    }

    public func advance(by duration: Duration) {
        lock.lock(); defer { lock.unlock() }
        elapsed += duration
    }
}
