/// `orchlab report merge`: read the shards' reports, merge them, print what the unsharded run
/// would have printed at its end, and write the merged reports.
public enum MergeRunner {
    /// - Returns: the exit code: 0 every scenario passed, 1 some failed, 2 the shards cannot be
    ///   merged or the reports cannot be written (the previous reports, if any, are then unchanged).
    public static func run(directories: [String], reportDirectory: String, merger: ReportMerger = ReportMerger(),
                           console: Console) -> Int32 {
        let merged: ReportMerger.Merged
        do {
            merged = try merger.merge(directories: directories)
        } catch {
            console.line(console.paint("error: ", .red) + error.description)
            console.line("nothing was merged")
            return ExitStatus.invalidInput
        }
        console.line(ConsoleFormat.failures(merged.results, console).joined(separator: "\n"))
        let summary = RunSummary(merged.results)
        console.line(console.paint(summary.sentence, summary.allPassed ? .green : .red) + " (\(directories.count) shard\(directories.count == 1 ? "" : "s") merged)")
        do {
            let files = try ReportWriter(directory: reportDirectory).write(merged.results, suite: merged.suite)
            console.line("reports: " + files.joined(separator: ", "))
        } catch {
            console.line("orchlab: \(error.description); the previous reports (if any) are unchanged")
            return ExitStatus.invalidInput
        }
        return summary.allPassed ? ExitStatus.passed : ExitStatus.failed
    }
}
