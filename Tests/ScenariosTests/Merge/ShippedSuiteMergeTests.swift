import Foundation
import Testing
@testable import Scenarios

/// The shipped suite with the real execution, whole and as three merged shards: the merged reports
/// are the whole run's, byte for byte (timings off).
@Suite struct ShippedSuiteMergeTests {
    @Test func threeMergedShardsWriteTheWholeRunsReports() throws {
        let workspace = try TestWorkspace()
        let fixture = MergeFixture(workspace: workspace, paths: [SuiteExecutionTests.scenarios],
                                   catalogues: ExecutionFixture.catalogues, execution: ExecutionFixture.executor.execution)
        let whole = fixture.run(into: "whole")
        let shards = fixture.runShards(3)
        let merged = fixture.merge(shards)
        #expect(merged.status == whole, "\(merged.output)")
        let expected = try fixture.reports(in: "whole"), actual = try fixture.reports(in: "merged")
        for (index, file) in MergeFixture.reportFiles.enumerated() {
            #expect(actual[index] == expected[index], "merged \(file) differs from the whole run's")
        }
        let suite = try JSONReport.decode(Data(expected[1].utf8))
        #expect(suite.scenarios.count >= 10, "the shipped suite is all there")
        #expect(suite.shard == nil)
        let shardSizes = try (1...3).map { try JSONReport.decode(Data(workspace.read("shard-\($0)/results.json").utf8)) }
            .map { report in (report.shard?.description, report.scenarios.count, report.suite) }
        #expect(shardSizes.map(\.0) == ["1/3", "2/3", "3/3"])
        #expect(shardSizes.map(\.1).reduce(0, +) == suite.scenarios.count)
        #expect(shardSizes.allSatisfy { $0.2 == suite.suite })
        #expect(merged.output.contains(RunSummary(suite.scenarios).sentence + " (3 shards merged)"))
    }
}
