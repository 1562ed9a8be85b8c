import Foundation
import Testing
@testable import Scenarios

/// A scenario's YAML is bounded before it costs anything: file size, nodes after alias expansion,
/// actions; and its topology must lie in an allowed folder.
@Suite struct ScenarioFileLimitsTests {
    /// A 560-byte-class "billion laughs": eight lines of ten aliases each stand for 10^7 scalars.
    static let aliasBomb: String = {
        var text = "name: bomb\ntopology: workshop\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<7 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        return text + "actions: [{assert: a, device: loc1-core, status: active, tags: *l6}]\n"
    }()

    @Test func anAliasBombIsRefusedAtItsAlias() throws {
        let workspace = try TestWorkspace()
        #expect(Self.aliasBomb.utf8.count < 600)
        let error = #expect(throws: ScenarioFileError.self) { try workspace.parse(Self.aliasBomb) }
        let issue = try #require(error?.issues.first)
        #expect(error?.issues.count == 1)
        #expect(issue.location.line == 7 && issue.location.column > 1)
        #expect(issue.message == "the alias *l3 (11111 nodes) takes the document past 100000 YAML nodes once aliases are expanded")
    }

    @Test func aliasesWithinTheLimitStillWork() throws {
        let workspace = try TestWorkspace()
        let yaml = "name: shared\ntopology: workshop\nactions:\n  - {assert: one, device: loc1-core, status: &s active}\n"
            + "  - {assert: two, device: loc2-core, status: *s}\n"
        #expect(try workspace.parse(yaml).assertions.count == 2)
    }

    @Test func filesAndTextAreBoundedInSize() throws {
        let workspace = try TestWorkspace()
        let limit = ScenarioLimits.maximumFileBytes
        let base = "name: big\ntopology: workshop\nactions:\n  - {assert: x, device: loc1-core, status: active}\n"
        let padded = base + "#" + String(repeating: "x", count: limit - base.utf8.count - 2) + "\n"
        #expect(padded.utf8.count == limit)
        let file = try workspace.write("Scenarios/big.yaml", padded)
        #expect(try ScenarioParser().load(file: file).name == "big")
        try workspace.write("Scenarios/big.yaml", padded + "#")
        let error = #expect(throws: ScenarioFileError.self) { try ScenarioParser().load(file: file) }
        #expect(error?.description == "\(file):1:1: the file is larger than 1048576 bytes (the limit for this kind of file)")
        #expect(throws: ScenarioFileError.self) { try workspace.parse(padded + "#") }
        #expect(throws: ScenarioFileError.self) { try ScenarioParser().load(file: "/dev/zero") }
    }

    @Test func aScenarioHasAtMostAThousandActions() throws {
        let workspace = try TestWorkspace()
        func scenario(_ count: Int) -> String {
            "name: many\ntopology: workshop\nactions:\n" + String(repeating: "  - start: create_node\n", count: count)
        }
        #expect(try workspace.parse(scenario(ScenarioLimits.maximumActions)).actions.count == 1_000)
        let error = #expect(throws: ScenarioFileError.self) { try workspace.parse(scenario(ScenarioLimits.maximumActions + 1)) }
        #expect(error?.issues.map(\.description) == [
            "\(workspace.path("Scenarios/test.yaml")):4:3: actions: 1001 actions; a scenario has at most 1000",
        ])
    }
}

@Suite struct TopologyConfinementTests {
    private func topologyIssue(_ value: String, _ workspace: TestWorkspace,
                               locator: TopologyLocator = TopologyLocator()) throws -> ScenarioIssue? {
        let yaml = "name: t\ntopology: \(value)\nactions:\n  - {assert: x, device: loc1-core, status: active}\n"
        do {
            _ = try ScenarioParser(locator: locator).parse(yaml: yaml, file: workspace.path("Scenarios/test.yaml"))
            return nil
        } catch {
            return error.issues.first
        }
    }

    @Test func aTopologyOutsideTheTopologiesFolderIsRefusedAtItsLine() throws {
        let workspace = try TestWorkspace()
        try workspace.write("secret.yaml", "name: secret\n")
        for value in ["../../../../../../../../etc/passwd", "/etc/passwd", "../secret.yaml"] {
            let issue = try #require(try topologyIssue(value, workspace), "\(value)")
            #expect(issue.location.line == 2 && issue.location.column == 11)
            #expect(issue.field == "topology")
            #expect(issue.message.contains("lies outside the folders a scenario may use"))
        }
        #expect(try topologyIssue("../Topologies/workshop.yaml", workspace) == nil)
        #expect(try topologyIssue("workshop", workspace) == nil)
    }

    @Test func linksAreResolvedBeforeTheCheck() throws {
        let workspace = try TestWorkspace()
        let secret = try workspace.write("secret.yaml", "name: secret\n")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("Topologies/leak.yaml"), withDestinationPath: secret)
        let issue = try #require(try topologyIssue("leak", workspace))
        #expect(issue.message.hasPrefix("topology 'leak' (\(TopologyLocator.realPath(secret)!)) lies outside"))
    }

    @Test func allowedRootsAdmitMoreFolders() throws {
        let workspace = try TestWorkspace()
        try workspace.write("labs/extra.yaml", "name: extra\n")
        #expect(try topologyIssue("../labs/extra.yaml", workspace) != nil)
        let locator = TopologyLocator(allowedRoots: [workspace.path("labs")])
        #expect(try topologyIssue("../labs/extra.yaml", workspace, locator: locator) == nil)
    }
}
