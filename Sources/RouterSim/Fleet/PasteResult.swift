/// The outcome of one pasted session: every line's result and the change it made.
public struct PasteResult: Sendable, Equatable {
    public var device: String
    /// The history entry that recorded the paste.
    public var sequence: Int
    public var lines: [LineResult]
    /// Unified diff of the running config before and after; empty when nothing changed.
    public var diff: String
    /// Whether `copy running-config startup-config` / `write memory` ran.
    public var savedStartup: Bool
    /// The simulated time the session took (a `slow` fault's delay).
    public var delay: Duration

    public var rejectedLines: [LineResult] { lines.filter(\.isRejected) }
    /// True when no line was rejected.
    public var isClean: Bool { !lines.contains(where: \.isRejected) }
    public var changedConfig: Bool { !diff.isEmpty }
}
