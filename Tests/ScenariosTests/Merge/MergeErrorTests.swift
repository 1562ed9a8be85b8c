import Foundation
import Testing
@testable import Scenarios

/// Shards that cannot be merged: each refused with exit 2, an error naming the file, and no
/// merged reports written.
@Suite struct MergeErrorTests {
    let workspace: TestWorkspace
    let fixture: MergeFixture

    init() throws {
        workspace = try TestWorkspace()
        for index in 0..<7 {
            try workspace.scenario("Scenarios/s\(index).yaml", name: "scenario \(index)", tags: index.isMultiple(of: 2) ? ["smoke"] : [],
                                   assertions: ["a", "b"])
        }
        fixture = MergeFixture(workspace: workspace, paths: [workspace.path("Scenarios")], catalogues: FakeExecution.catalogues,
                               execution: FakeExecution.passing(except: ["b"]))
    }

    private func expectRefused(_ folders: [String], _ fragments: [String], merger: ReportMerger = ReportMerger(),
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (status, output) = fixture.merge(folders, merger: merger)
        #expect(status == ExitStatus.invalidInput, "\(output)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(output.contains(fragment), "\(output)", sourceLocation: sourceLocation)
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("merged/results.json")), sourceLocation: sourceLocation)
    }

    private func edit(_ folder: String, _ change: (inout [String: Any]) -> Void) throws {
        let file = "\(folder)/results.json"
        var json = try #require(try JSONSerialization.jsonObject(with: Data(workspace.read(file).utf8)) as? [String: Any])
        change(&json)
        try workspace.write(file, String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    }

    @Test func mergedShardsOfAFailingSuiteMatchTheWholeRunAndExit1() throws {
        #expect(fixture.run(into: "whole") == ExitStatus.failed)
        let merged = fixture.merge(fixture.runShards(3))
        #expect(merged.status == ExitStatus.failed)
        #expect(merged.output.contains("FAIL scenario 0"))
        #expect(try fixture.reports(in: "merged") == (try fixture.reports(in: "whole")))
    }

    /// More shards than scenarios leaves some empty: they pass with empty reports and merge all the same.
    @Test func emptyShardsMerge() throws {
        fixture.run(into: "whole")
        #expect(fixture.run(into: "empty", shard: Shard("9/9")) == ExitStatus.passed)
        #expect(try JSONReport.decode(Data(workspace.read("empty/results.json").utf8)).scenarios.isEmpty)
        #expect(fixture.merge(fixture.runShards(9)).status == ExitStatus.failed)
        #expect(try fixture.reports(in: "merged") == (try fixture.reports(in: "whole")))
    }

    @Test func anUnshardedRunMergesAloneIntoItself() throws {
        fixture.run(into: "whole")
        #expect(fixture.merge([workspace.path("whole")]).status == ExitStatus.failed)
        #expect(try fixture.reports(in: "merged") == (try fixture.reports(in: "whole")))
    }

    @Test func aMissingShardIsNamed() {
        let shards = fixture.runShards(3)
        expectRefused([shards[0], shards[2]], ["shard 2/3 is missing"])
    }

    @Test func aShardGivenTwiceIsNamed() {
        let shards = fixture.runShards(3)
        expectRefused(shards + [shards[1]], ["\(shards[1])/results.json: shard 2/3 again"])
    }

    @Test func shardsOfDifferentSuitesAreRefused() {
        let shards = fixture.runShards(2)
        fixture.run(into: "smoke-2", shard: Shard("2/2"), tags: ["smoke"])
        expectRefused([shards[0], workspace.path("smoke-2")], ["smoke-2/results.json: a shard of another suite (4 scenarios", "(7 scenarios"])
    }

    @Test func shardsSplitDifferentlyAreRefused() {
        let three = fixture.runShards(3)
        fixture.run(into: "half-2", shard: Shard("2/2"))
        expectRefused([three[0], workspace.path("half-2")], ["half-2/results.json: shard 2/2, but", "is shard 1/3"])
    }

    @Test func aScenarioInTwoShardsIsNamed() throws {
        let shards = fixture.runShards(2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(workspace.read("shard-1/results.json").utf8)) as? [String: Any])
        try edit("shard-2") { json in
            var scenarios = json["scenarios"] as! [Any]
            scenarios[0] = (first["scenarios"] as! [Any])[0]
            json["scenarios"] = scenarios
        }
        expectRefused(shards, ["shard-2/results.json: scenario 'scenario 0' is also in \(shards[0])/results.json"])
    }

    @Test func reorderedScenariosDoNotMatchTheSuite() throws {
        let shards = fixture.runShards(2)
        try edit("shard-1") { json in json["scenarios"] = Array((json["scenarios"] as! [Any]).reversed()) }
        expectRefused(shards, ["do not make up the suite they name (7 scenarios"])
    }

    @Test func aShardWithTheWrongNumberOfScenariosIsNamed() throws {
        let shards = fixture.runShards(2)
        try edit("shard-2") { json in json["scenarios"] = Array((json["scenarios"] as! [Any]).dropLast()) }
        expectRefused(shards, ["shard-2/results.json: shard 2/2 of a suite of 7 holds 3 scenarios, but the file has 2"])
    }

    @Test func missingFoldersAndFilesAreNamed() throws {
        let shards = fixture.runShards(2)
        expectRefused([shards[0], workspace.path("nowhere")], ["nowhere/results.json: no such file: the folder", "does not exist"])
        try FileManager.default.removeItem(atPath: workspace.path("shard-2/results.json"))
        expectRefused(shards, ["shard-2/results.json: no such file", "holds no results.json"])
    }

    @Test func malformedFilesAreNamedWithTheField() throws {
        let shards = fixture.runShards(2)
        try workspace.write("shard-2/results.json", "{\"format_version\": 1,")
        expectRefused(shards, ["shard-2/results.json: not valid JSON"])
        fixture.runShards(2)
        try edit("shard-2") { json in
            var scenarios = json["scenarios"] as! [[String: Any]]
            scenarios[1]["duration_seconds"] = "soon"
            json["scenarios"] = scenarios
        }
        expectRefused(shards, ["shard-2/results.json: scenarios[1].duration_seconds: expected Double"])
        fixture.runShards(2)
        try edit("shard-1") { json in json["summary"] = nil }
        expectRefused(shards, ["shard-1/results.json: summary: missing"])
    }

    @Test func aStatusContradictingTheResultsIsRefused() throws {
        let shards = fixture.runShards(2)
        try edit("shard-1") { json in
            var scenarios = json["scenarios"] as! [[String: Any]]
            scenarios[0]["status"] = "passed"
            json["scenarios"] = scenarios
        }
        expectRefused(shards, ["shard-1/results.json: scenarios[0].status: 'passed' contradicts the scenario's own results, which make it 'failed'"])
    }

    @Test func oldNewerAndForeignFilesAreRefused() throws {
        let shards = fixture.runShards(2)
        try edit("shard-1") { json in json["suite"] = nil }
        expectRefused(shards, ["shard-1/results.json: no 'suite' field"])
        fixture.runShards(2)
        try edit("shard-1") { json in json["format_version"] = 2 }
        expectRefused(shards, ["shard-1/results.json: format_version 2 is newer than this orchlab reads (1)"])
        fixture.runShards(2)
        try edit("shard-1") { json in json["tool"] = "other" }
        expectRefused(shards, ["shard-1/results.json: written by 'other'"])
    }

    @Test func theFileSizeLimitRefusesJustOver() throws {
        let shards = fixture.runShards(2)
        let sizes = try shards.map { try #require(try FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: "\($0)/results.json").resolvingSymlinksInPath().path)[.size] as? Int) }
        let largest = try #require(sizes.indices.max { sizes[$0] < sizes[$1] })
        var merger = ReportMerger()
        merger.maximumFileBytes = sizes[largest] - 1
        expectRefused(shards, ["\(shards[largest])/results.json: \(sizes[largest]) bytes, over the limit of \(sizes[largest] - 1)"], merger: merger)
        merger.maximumFileBytes = sizes[largest]
        #expect(fixture.merge(shards, merger: merger).status == ExitStatus.failed, "a file of exactly the limit merges")
    }

    @Test func theTotalSizeLimitRefusesJustOver() throws {
        let shards = fixture.runShards(2)
        let total = try shards.map { try #require(try FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: "\($0)/results.json").resolvingSymlinksInPath().path)[.size] as? Int) }.reduce(0, +)
        var merger = ReportMerger()
        merger.maximumTotalBytes = total - 1
        expectRefused(shards, ["shard-2/results.json: the results files up to this one come to \(total) bytes, over the limit of \(total - 1)"], merger: merger)
        merger.maximumTotalBytes = total
        #expect(fixture.merge(shards, merger: merger).status == ExitStatus.failed)
    }

    @Test func theShardAndScenarioLimitsRefuseJustOver() throws {
        let shards = fixture.runShards(3)
        var merger = ReportMerger()
        merger.maximumShards = 2
        expectRefused(shards, ["3 report folders, over the limit of 2"], merger: merger)
        merger.maximumShards = 3
        merger.maximumScenarios = 6
        expectRefused(shards, ["shard-1/results.json: its suite has 7 scenarios, over the limit of 6"], merger: merger)
        merger.maximumScenarios = 7
        #expect(fixture.merge(shards, merger: merger).status == ExitStatus.failed)
    }

    @Test func theLimitsAreTheDocumentedOnes() {
        #expect(ReportMergeLimits.maximumShards == 256)
        #expect(ReportMergeLimits.maximumFileBytes == 256 * 1_048_576)
        #expect(ReportMergeLimits.maximumTotalBytes == 1_073_741_824)
        #expect(ReportMergeLimits.maximumScenarios == 100_000)
        #expect(ReportMerger().maximumFileBytes == ReportMergeLimits.maximumFileBytes)
    }
}
