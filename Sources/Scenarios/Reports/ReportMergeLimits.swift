/// Every bound on what `orchlab report merge` reads, checked before the work it would cost;
/// docs/ci.md explains them. Exceeding one is an error naming the file, with exit status 2.
public enum ReportMergeLimits {
    /// Report folders one merge reads (a CI matrix of more than a few dozen machines is rare).
    public static let maximumShards = 256
    /// Bytes of one shard's `results.json`, checked before it is read: a generated scenario of two
    /// nodes and a circuit takes about 14 KiB, so room for some 19,000 such scenarios in one shard
    /// (docs/scaling.md has the measured size).
    public static let maximumFileBytes = 256 << 20
    /// Bytes of all the shards' `results.json` together: decoding holds every result in memory.
    public static let maximumTotalBytes = 1 << 30
    /// Scenarios in the merged suite, checked against what each shard says its suite holds.
    public static let maximumScenarios = 100_000
}
