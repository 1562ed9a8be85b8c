import ArgumentParser
import Scenarios

/// `orchlab report …`: work on reports already written.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Work on the reports `orchlab run` wrote.", subcommands: [Merge.self])

    /// `orchlab report merge [--report-dir OUT] DIR…`
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the reports of the shards of one `orchlab run --shard i/n` into one set.",
            discussion: """
            Reads results.json from each report folder (one per shard, all n of them) and writes JUnit XML, \
            JSON, Markdown and HTML reports equal to the unsharded run's, apart from timings, in suite order. \
            Exit status: 0 all passed, 1 failures, 2 a folder missing, malformed, over a limit, from another \
            suite, or a shard missing or given twice (the error names the file).
            """)

        @Argument(help: "The shards' report folders (each holds the results.json of one `orchlab run --shard i/n`).")
        var directories: [String]

        @Option(name: .customLong("report-dir"), help: "Where the merged reports go.")
        var reportDir = ReportWriter.defaultDirectory

        func run() throws {
            let status = MergeRunner.run(directories: directories, reportDirectory: reportDir, console: .standardOutput())
            if status != ExitStatus.passed { throw ExitCode(status) }
        }
    }
}
