import Foundation
import Testing
@testable import Scenarios

/// `results.json` carries everything the reports are rendered from: read back, it renders the same
/// four reports.
@Suite struct ReportRoundTripTests {
    /// Every kind of outcome: passed, failed assertion, error, skipped, a changed snapshot, a not-run action.
    static func mixedResults() -> [ScenarioResult] {
        var results = SyntheticResults.make(count: 6, failingEvery: 3)
        results[1].error = "topology failed to load: </script> & \"quotes\""
        results[2].skipReason = "an earlier scenario failed under --fail-fast"
        results[4].snapshotCheck = SnapshotCheck(status: .changed, file: "Scenarios/__snapshots__/s4.snapshot",
                                                 changes: ["running configs › loc1-core"], diff: "-a\n+b\n")
        results[5].snapshotCheck = SnapshotCheck(status: .matched, file: "Scenarios/__snapshots__/s5.snapshot")
        let action = ScenarioAction(index: 0, location: SourceLocation(file: "Scenarios/generated/s5.yaml", line: 4, column: 5),
                                    kind: .abort(process: "c12"))
        results[5].actions = [ActionResult(action: action, status: .notRun, process: "c12", expected: "completed")]
        results[5].durationSeconds = 0.1 + 0.2
        return results
    }

    @Test func resultsReadBackRenderTheSameReports() throws {
        let results = Self.mixedResults()
        let text = try JSONReport(results: results).render()
        let decoded = try JSONReport.decode(Data(text.utf8))
        #expect(try decoded.render() == text)
        #expect(decoded.suite == SuiteIdentity(results: results))
        #expect(decoded.scenarios.map(\.status) == results.map(\.status))
        #expect(JUnitReport(results: decoded.scenarios).render() == JUnitReport(results: results).render())
        #expect(MarkdownReport(results: decoded.scenarios).render() == MarkdownReport(results: results).render())
        #expect(try HTMLReport(results: decoded.scenarios).render() == (try HTMLReport(results: results).render()))
        #expect(decoded.scenarios[0].configDiffs[0].changed)
    }

    @Test func aShardRecordsItsSuiteAndPlace() throws {
        let results = Self.mixedResults()
        let suite = SuiteIdentity(scenarios: 18, fingerprint: "00000000000000ff")
        let decoded = try JSONReport.decode(Data(try JSONReport(results: results, suite: suite, shard: Shard("2/3")).render().utf8))
        #expect(decoded.suite == suite)
        #expect(decoded.shard == Shard("2/3"))
    }

    /// A file written before `suite` and `shard` existed still reads.
    @Test func aFileWithoutSuiteOrShardStillReads() throws {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(try JSONReport(results: Self.mixedResults()).render().utf8)) as? [String: Any])
        json["suite"] = nil
        let decoded = try JSONReport.decode(try JSONSerialization.data(withJSONObject: json))
        #expect(decoded.suite == nil && decoded.shard == nil)
        #expect(decoded.scenarios.count == 6)
    }

    @Test func theSuiteFingerprintDependsOnNamesCataloguesAndOrder() {
        let results = SyntheticResults.make(count: 3)
        var renamed = results, otherCatalogue = results
        renamed[0].name += "x"
        otherCatalogue[1].workflows = "starter"
        let identities = [results, Array(results.reversed()), renamed, otherCatalogue].map { SuiteIdentity(results: $0) }
        #expect(Set(identities.map(\.fingerprint)).count == 4)
        #expect(identities[0].fingerprint.count == 16)
        #expect(SuiteIdentity(results: results) == SuiteIdentity(results: SyntheticResults.make(count: 3)))
    }

    @Test func shardsSliceTheSuiteRoundRobin() throws {
        let shard = try #require(Shard("2/3"))
        #expect(shard.slice(Array(0..<8)) == [1, 4, 7])
        #expect((1...3).map { Shard(index: $0, count: 3)!.size(ofSuite: 8) } == [3, 3, 2])
        #expect(Shard(index: 3, count: 3)!.size(ofSuite: 2) == 0)
        #expect(Shard(index: 0, count: 3) == nil && Shard(index: 4, count: 3) == nil && Shard("1/0") == nil)
    }
}
