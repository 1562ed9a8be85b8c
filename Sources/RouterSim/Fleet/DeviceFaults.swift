/// Faults injected into one device. They change results deterministically.
public struct DeviceFaults: Sendable, Equatable {
    /// Sessions fail with a connection error and the device's links go down.
    public var unreachable = false
    /// Every paste fails as a whole; nothing is applied.
    public var rejectsConfig = false
    /// Added to the virtual clock by every session (no real sleep).
    public var delay: Duration = .zero
    /// Regular expressions: a pasted line containing a match is rejected by the device (as a
    /// config lock or an authorization rule would) and not executed; the other lines apply.
    /// A pattern that is not a valid regular expression matches as plain text.
    public var rejectedLinePatterns: [String] = []

    public init(unreachable: Bool = false, rejectsConfig: Bool = false, delay: Duration = .zero, rejectedLinePatterns: [String] = []) {
        self.unreachable = unreachable; self.rejectsConfig = rejectsConfig; self.delay = delay
        self.rejectedLinePatterns = rejectedLinePatterns
    }

    public static let none = DeviceFaults()
}
