import Foundation

/// `orchlab report merge`: the shards of one `orchlab run --shard i/n` put back together in the
/// suite's order, so the reports written from them are the unsharded run's (apart from timings).
public struct ReportMerger: Sendable {
    /// The suite the shards were cut from, and its results in suite order.
    public struct Merged: Sendable {
        public let suite: SuiteIdentity
        public let results: [ScenarioResult]
    }

    public var maximumShards = ReportMergeLimits.maximumShards
    public var maximumFileBytes = ReportMergeLimits.maximumFileBytes
    public var maximumTotalBytes = ReportMergeLimits.maximumTotalBytes
    public var maximumScenarios = ReportMergeLimits.maximumScenarios

    public init() {}

    /// Reads each folder's `results.json` and merges them.
    /// - Throws: `ReportMergeError` naming the file at fault: missing, too large, malformed,
    ///   from another suite, or a shard missing, given twice, or holding another's scenario.
    public func merge(directories: [String]) throws(ReportMergeError) -> Merged {
        guard !directories.isEmpty else { throw ReportMergeError(file: nil, "no report folders to merge") }
        guard directories.count <= maximumShards else {
            throw ReportMergeError(file: nil, "\(directories.count) report folders, over the limit of \(maximumShards)")
        }
        var totalBytes = 0
        for directory in directories {
            let file = ShardReport.file(in: directory)
            totalBytes += ShardReport.size(of: file)
            guard totalBytes <= maximumTotalBytes else {
                throw ReportMergeError(file: file, "the results files up to this one come to \(totalBytes) bytes, over the limit of \(maximumTotalBytes) for one merge")
            }
        }
        let shards = try directories.map { directory throws(ReportMergeError) in
            try ShardReport(directory: directory, maximumBytes: maximumFileBytes, maximumScenarios: maximumScenarios)
        }
        return try merge(shards)
    }

    /// Puts shards already read back in suite order: shard i of n holds suite positions i-1,
    /// i-1+n, … in order, so position p is the (p / n)-th result of shard (p % n) + 1.
    public func merge(_ shards: [ShardReport]) throws(ReportMergeError) -> Merged {
        guard let first = shards.first else { throw ReportMergeError(file: nil, "no report folders to merge") }
        var byIndex: [Int: ShardReport] = [:]
        for shard in shards {
            guard shard.suite == first.suite else {
                throw ReportMergeError(file: shard.file, "a shard of another suite (\(shard.suite)) than \(first.file) (\(first.suite)); merge only the shards of one run")
            }
            guard shard.shard.count == first.shard.count else {
                throw ReportMergeError(file: shard.file, "shard \(shard.shard), but \(first.file) is shard \(first.shard): the runs were split differently")
            }
            if let other = byIndex[shard.shard.index] {
                throw ReportMergeError(file: shard.file, "shard \(shard.shard) again: \(other.file) is that shard too")
            }
            byIndex[shard.shard.index] = shard
        }
        let count = first.shard.count
        if let missing = (1...count).first(where: { byIndex[$0] == nil }) {
            throw ReportMergeError(file: nil, "shard \(missing)/\(count) is missing: give the report folders of all \(count) shards")
        }
        try checkNoScenarioTwice(shards)
        let ordered = (1...count).map { byIndex[$0]!.results }
        let results = (0..<first.suite.scenarios).map { position in ordered[position % count][position / count] }
        guard SuiteIdentity(results: results) == first.suite else {
            throw ReportMergeError(file: nil, "the scenarios of \(shards.map(\.file).joined(separator: ", ")) do not make up the suite they name (\(first.suite)): a file was edited or comes from another run")
        }
        return Merged(suite: first.suite, results: results)
    }

    private func checkNoScenarioTwice(_ shards: [ShardReport]) throws(ReportMergeError) {
        var seen: [String: String] = [:]
        for shard in shards {
            for result in shard.results {
                if let other = seen[result.name] {
                    throw ReportMergeError(file: shard.file, "scenario '\(result.name)' is also in \(other)")
                }
                seen[result.name] = shard.file
            }
        }
    }
}
