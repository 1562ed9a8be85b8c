import Catalogues
import Foundation
@testable import Scenarios

/// Runs a suite whole and in shards into a workspace's report folders, timings off, and merges them.
struct MergeFixture {
    static let reportFiles = [ReportWriter.fileNames.junit, ReportWriter.fileNames.json, ReportWriter.fileNames.markdown,
                              ReportWriter.fileNames.html]

    let workspace: TestWorkspace
    let paths: [String]
    let catalogues: CatalogueRegistry
    let execution: ScenarioExecution

    /// Runs the suite (or its `shard`, or only scenarios with one of `tags`) into `folder`.
    @discardableResult
    func run(into folder: String, shard: Shard? = nil, tags: [String] = [], jobs: Int = 2) -> Int32 {
        var options = RunOptions()
        options.paths = paths
        options.jobs = jobs
        options.recordTimings = false
        options.selection = ScenarioSelection(tags: tags, shard: shard)
        options.reportDirectory = workspace.path(folder)
        return ScenarioRunner.run(options, catalogues: catalogues, execution: execution, console: CapturedConsole().console())
    }

    /// Runs shard 1/n … n/n into `shard-1` … `shard-n` and returns those folders' paths.
    @discardableResult
    func runShards(_ count: Int) -> [String] {
        (1...count).map { index in
            run(into: "shard-\(index)", shard: Shard(index: index, count: count))
            return workspace.path("shard-\(index)")
        }
    }

    /// Merges `folders` into `folder` and returns the exit code and what was printed.
    func merge(_ folders: [String], into folder: String = "merged", merger: ReportMerger = ReportMerger()) -> (status: Int32, output: String) {
        let console = CapturedConsole()
        let status = MergeRunner.run(directories: folders, reportDirectory: workspace.path(folder), merger: merger, console: console.console())
        return (status, console.text)
    }

    func reports(in folder: String) throws -> [String] {
        try Self.reportFiles.map { try workspace.read("\(folder)/\($0)") }
    }
}

