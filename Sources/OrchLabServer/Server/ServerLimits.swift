/// Every bound `orchlab serve` puts on what a client or an operator controls, in one place.
/// docs/limits-server.md explains each one and the error a user sees past it.
public enum ServerLimits {
    /// `--port`: 0 asks the system for any free port.
    public static let ports = 0...65_535
    /// `--body-limit` default (1 MiB): a workshop request body is a few KiB.
    public static let defaultBodyLimit = 1 << 20
    /// `--body-limit` range: below 1 KiB not even a form page fits; above 64 MiB one request
    /// could hold a large share of the machine's memory while it is parsed.
    public static let bodyLimits = 1_024...(64 << 20)
    /// `--idle-timeout` default, in seconds: a connection that sends nothing (no request, or a
    /// request head that never completes) for this long is closed.
    public static let defaultIdleTimeout = 60.0
    /// `--idle-timeout` range, in seconds.
    public static let idleTimeouts = 0.05...3_600.0
    /// `--max-connections` default: a class of 30 with a browser (6 connections each) and a
    /// pynetbox session or two is far below it, and 256 bodies of the default 1 MiB stay in
    /// 256 MiB.
    public static let defaultMaxConnections = 256
    /// `--max-connections` range: each connection is a file descriptor (the usual `ulimit -n`
    /// is 1,024 on Linux) and may hold a body of up to `--body-limit`.
    public static let maxConnections = 1...10_000
    /// `--request-timeout` default, in seconds: from a request's first byte to its last. 60 s
    /// is 64 MiB (the largest body limit) at about 1 MB/s.
    public static let defaultRequestTimeout = 60.0
    /// `--request-timeout` range, in seconds.
    public static let requestTimeouts = 0.05...3_600.0
    /// On SIGTERM/SIGINT, how long answers in flight may take to finish before they are cut.
    public static let shutdownDrain = Duration.seconds(30)
    /// Shortest accepted API token. 16 characters of hex are 64 bits: not guessable over HTTP.
    public static let minimumTokenLength = 16
    /// Longest accepted API token (NetBox v1 tokens are 40 characters; v2 ones are longer).
    public static let maximumTokenLength = 256
    /// Largest request-head field and whole head Hummingbird's HTTP/1 decoder accepts (its defaults).
    public static let maxHeaderFieldSize = 80 * 1_024
    public static let maxHeaderListSize = 80 * 1_024
    /// Largest row index in orchestrator-core's `range=start,end` (far above any real list,
    /// far below where index arithmetic could overflow).
    public static let maxRangeIndex = 1_000_000_000
    /// Most lab faults active at once (`POST /lab/faults` past it is a 400): each one is
    /// re-combined on every fault change (quadratic: 1,000 faults made each add take 30 ms), and a lab needs a handful.
    public static let maxActiveFaults = 100
    /// Largest number of objects in one NetBox bulk PATCH/PUT/DELETE (NetBox has no bound of
    /// its own; the body limit already caps it, this keeps one call's lock hold short).
    public static let maxBulkItems = 1_000
    /// The lab journal a restart replays (every paste, fault and link change): past either
    /// bound the lab refuses further changes (HTTP 507) instead of making every restart slower;
    /// start a fresh `--db` to go on. Pastes are at most 512 KiB each (RouterLimits).
    public static let maxJournalEntries = 100_000
    public static let maxJournalBytes = 256 << 20
}
