import Foundation
import OrchLabTestSupport
import Testing
@testable import Scenarios

/// What changes when scenarios play against an external orchestrator.
@Suite struct ExternalOrchestratorRunTests {
    @Test func killingTheEngineIsRefusedWhenTheScenarioIsReadNamingItsLine() throws {
        let file = TestRepository.path("Scenarios/faults/crash-and-recover.yaml")
        let scenario = try ScenarioParser().load(file: file)
        guard case .failure(let error) = ScenarioRunner.refuseEngineKills([scenario]) else {
            Issue.record("a scenario with kill_engine was accepted for an external orchestrator")
            return
        }
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(error.issues.count == 2)
        for issue in error.issues {
            #expect(issue.location.file == file)
            #expect(issue.field.hasPrefix("actions[") && issue.field.hasSuffix("].fault"))
            #expect(issue.message.contains("kill_engine cannot run against an external orchestrator"))
            // The line named is the action holding the kill.
            let line = lines[issue.location.line - 1] + lines[issue.location.line]
            #expect(line.contains("kill_engine") || line.contains("fault"))
        }
    }

    @Test func scenariosWithoutKillsPass() throws {
        let scenario = try ScenarioParser().load(file: TestRepository.path("Scenarios/workshop-build.yaml"))
        guard case .success(let kept) = ScenarioRunner.refuseEngineKills([scenario]) else {
            Issue.record("a scenario without kill_engine was refused")
            return
        }
        #expect(kept.map(\.name) == [scenario.name])
    }
}
