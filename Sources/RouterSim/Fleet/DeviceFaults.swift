/// Faults injected into one device. They change results deterministically.
public struct DeviceFaults: Sendable, Equatable {
    /// Sessions fail with a connection error and the device's links go down.
    public var unreachable = false
    /// Every paste fails as a whole; nothing is applied.
    public var rejectsConfig = false
    /// Added to the virtual clock by every session (no real sleep).
    public var delay: Duration = .zero

    public init(unreachable: Bool = false, rejectsConfig: Bool = false, delay: Duration = .zero) {
        self.unreachable = unreachable; self.rejectsConfig = rejectsConfig; self.delay = delay
    }

    public static let none = DeviceFaults()
}
