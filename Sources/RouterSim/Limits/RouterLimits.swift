/// Every bound the fleet puts on what a client, a file or a fault can make it hold or do, in
/// one place. docs/limits-routers.md explains each one and the error a user sees past it.
public enum RouterLimits {
    // MARK: pastes

    /// Largest paste a router accepts (UTF-8 bytes); a bigger one is refused whole with
    /// `RouterError.pasteTooLarge` before any line runs.
    public static let pasteBytes = 512 * 1024
    /// Most lines in one paste (a full router config is a few thousand lines at most).
    public static let pasteLines = 10_000
    /// Longest line the CLI reads; a longer one is rejected on its own (`% Line too long`).
    public static let lineBytes = 4096
    /// How much of a line results and history echo back (UTF-8 bytes, cut on a character
    /// boundary and marked with `…`).
    public static let echoBytes = 200

    // MARK: configuration

    /// Virtual (loopback) interfaces a router holds.
    public static let loopbacks = 1024
    /// IPv6 addresses on one interface.
    public static let ipv6AddressesPerInterface = 32
    /// NETs in one IS-IS process (IOS allows three).
    public static let netsPerProcess = 3

    // MARK: history

    /// History entries kept per router; the oldest go first.
    public static let historyEntriesPerRouter = 200
    /// Estimated bytes of history kept per router; the oldest entries go first, but the newest
    /// entry is always kept, however big (a paste is bounded by `pasteBytes`/`pasteLines`).
    public static let historyBytesPerRouter = 4 * 1024 * 1024
    /// Fleet-wide entries (link changes) kept; the oldest go first.
    public static let fleetHistoryEntries = 1000

    // MARK: fault patterns

    /// Longest `rejectedLinePatterns` pattern (UTF-8 bytes).
    public static let faultPatternBytes = 256
    /// Patterns on one device.
    public static let faultPatternsPerDevice = 32
    /// Largest count in a `{m,n}` repetition.
    public static let faultPatternRepetition = 100
    /// Largest compiled pattern (matcher instructions, after `{m,n}` is expanded), for all of
    /// a device's patterns together; matching costs at most about twice this many steps per
    /// character of the line.
    public static let faultPatternInstructions = 1000
    /// States the matcher keeps per paste (its DFA cache); past it new states are followed
    /// without being kept.
    public static let faultPatternDFAStates = 1024
    /// Matcher steps one paste may spend on the patterns (ordinary patterns spend about one
    /// per character; only a pattern built to defeat the matcher's cache, on a paste built
    /// to match, comes near). Past it the rest of the paste is rejected without being checked.
    public static let faultPatternStepsPerPaste = 4_000_000
}
