import Testing
@testable import Scenarios

/// Each action kind against the real world.
@Suite struct ActionExecutionTests {
    typealias F = ExecutionFixture

    @Test func startPostsPagesWithReferencesAndInterfacesAndPlaysTheEngineer() throws {
        let played = try F.play(F.twoNodes + F.circuit("    expect: completed"))
        let result = played.result
        #expect(result.actions.map(\.status) == [.passed, .passed, .passed])
        #expect(result.actions[2].actual == "completed")
        let world = try #require(played.world)
        let config = try world.fleet.runningConfig("loc2-core").render()
        #expect(config.contains(" description Circuit Connection to loc1-core port 1/1/c2/1"))
        let pastes = world.fleet.history(device: "loc1-core").map(\.actor)
        #expect(pastes.contains { $0.hasPrefix("process ") && $0.hasSuffix(" / Provide Config to User") })
    }

    @Test func confirmOnlyAppliesNothingAndApplySomeOnlyThoseDevices() throws {
        let confirm = try F.play(F.twoNodes + F.circuit("    engineer: confirm_only"))
        #expect(try confirm.world!.fleet.runningConfig("loc1-core").render().contains("Circuit Connection") == false)
        let some = try F.play(F.twoNodes + F.circuit("    engineer: {apply: [loc2-core]}"))
        #expect(try some.world!.fleet.runningConfig("loc1-core").render().contains("Circuit Connection") == false)
        #expect(try some.world!.fleet.runningConfig("loc2-core").render().contains("Circuit Connection"))
        #expect(some.result.actions[2].actual == "completed")
    }

    @Test func answerPostsGivenValuesAndLeaveSuspendedWaitsUntilResumed() throws {
        let result = try F.run("""
          - start: create_node
            as: loc1
            form: {select_device_choice: loc1-core}
            engineer: leave_suspended
            expect: suspended
          - resume: loc1
            engineer: {answer: {confirm_config_put_on_routers: ACCEPTED}}
            expect: completed
          - assert: nothing was pasted by the answer
            config: loc1-core
            excludes: ["interface loopback0"]
        """)
        #expect(result.actions.map(\.status) == [.passed, .passed])
        #expect(result.actions[0].actual == "suspended: waiting at 'Provide Config to User'")
        #expect(result.assertions.map(\.passed) == [true])
    }

    @Test func anUnmetExpectationFailsWithExpectedActualAndLine() throws {
        let result = try F.run("""
          - start: create_node
            as: loc1
            form: {select_device_choice: loc1-core}
            expect: {failed: "boom"}
        """)
        let action = try #require(result.actions.first)
        #expect(action.status == .failed)
        #expect(action.expected == "failed matching /boom/")
        #expect(action.actual == "completed")
        #expect(action.location.line == 5)
        #expect(action.location.file == F.scenarioFile)
        #expect(result.status == .failed)
    }

    @Test func retryAfterANetBoxFaultCompletesAndAbortEndsAProcess() throws {
        let result = try F.run(F.twoNodes + """
          - fault:
              netbox: {operation: allocate_ip, status: 500}
        """ + "\n" + F.circuit("    expect: {failed: \"500\"}") + """
          - retry: c12
            expect: completed
          - start: modify_circuit
            as: modify
            subscription: ${c12}
            form: {under_maintenance: false}
            engineer: leave_suspended
          - abort: modify
          - assert: the aborted modify left the circuit in sync
            subscription: ${c12}
            insync: true
          - assert: modify is aborted
            process: modify
            outcome: aborted
        """)
        #expect(result.actions.map(\.status) == [.passed, .passed, .passed, .passed, .passed, .passed, .passed])
        #expect(result.assertions.map(\.passed) == [true, true])
        let timeline = try #require(result.processes.first { $0.name == "c12" })
        #expect(timeline.steps.contains { $0.status == "failed" && $0.attempt == 1 })
        #expect(timeline.steps.last?.attempt == 2)
    }

    @Test func unresolvedReferencesFailAndActionsOnRefusedProcessesDoNotRun() throws {
        let result = try F.run("""
          - start: create_node
            as: loc1
            form: {select_device_choice: loc1-core}
          - start: modify_circuit
            as: ghost
            subscription: ${loc1.no_such.field}
          - start: create_node
            as: twice
            form: {select_device_choice: loc9-core}
            expect: refused
          - resume: twice
        """)
        #expect(result.actions[1].status == .failed)
        #expect(result.actions[1].message?.contains("${loc1.no_such.field}") == true)
        #expect(result.actions[2].status == .passed)
        #expect(result.actions[3].status == .notRun)
    }

    @Test func routerFaultsKeepTheProcessAtItsConfigPageUntilCleared() throws {
        let result = try F.run(F.twoNodes + """
          - fault: {router_unreachable: loc2-core}
        """ + "\n" + F.circuit("    expect: {suspended: \"loc2-core not responding\"}") + """
          - fault: clear
          - fault:
              router_rejects_config: {device: loc1-core, lines: ["^ description"]}
          - resume: c12
            expect: {suspended: "loc1-core rejected:  description"}
          - fault: clear
          - resume: c12
            expect: completed
        """)
        #expect(result.actions.allSatisfy { $0.status == .passed }, "\(result.actions.map { ($0.summary, $0.actual) })")
    }

    @Test func linkDownBreaksTheAdjacencyAndLinkUpRestoresIt() throws {
        let result = try F.run(F.twoNodes + F.circuit() + """
          - fault: {link_down: {device: loc1-core, port: 1/1/c2/1}}
          - assert: down
            adjacency: [loc1-core, loc2-core]
            state: down
          - fault: {link_up: {device: loc2-core, port: 1/1/c1/1}}
          - assert: up
            adjacency: [loc1-core, loc2-core]
        """)
        #expect(result.assertions.map(\.passed) == [true, true])
        let link = try #require(result.topology?.links.first { $0.a == InterfaceRef(device: "loc1-core", port: "1/1/c2/1") })
        #expect(link.state == .up)
        #expect(link.circuit?.name == "c12")
        #expect(link.circuit?.underMaintenance == true)
    }

    @Test func anUnknownNetBoxOperationIsAFailedActionNamingTheKnownOnes() throws {
        let result = try F.run("""
          - fault:
              netbox: {operation: create_unicorn}
        """)
        #expect(result.actions[0].status == .failed)
        #expect(result.actions[0].message?.contains("create_cable") == true)
    }

    @Test func killEngineRecoversFromTheDatabaseAndRunsTheKilledStepOnce() throws {
        let played = try F.play(F.twoNodes + """
          - fault: {kill_engine: {after_step: 4}}
        """ + "\n" + F.circuit("    expect: completed") + """
          - assert: nothing duplicated
            no_leaked_resources: true
        """)
        let world = try #require(played.world)
        #expect(world.recoveries.count == 1)
        #expect(world.recoveries.first?.step == "Reserve IPs in IPAM")
        #expect(played.result.actions.allSatisfy { $0.status == .passed })
        #expect(played.result.assertions.map(\.passed) == [true])
        let steps = try #require(played.result.processes.first { $0.name == "c12" }).steps.map(\.name)
        #expect(steps.filter { $0 == "Reserve IPs in IPAM" }.count == 1)
    }

    @Test func aKillWhileConfirmingAnInputStepIsRecoveredByConfirmingAgain() throws {
        let played = try F.play("""
          - fault: {kill_engine: {after_step: 6}}
          - start: create_node
            as: loc1
            form: {select_device_choice: loc1-core}
            expect: completed
        """)
        let world = try #require(played.world)
        #expect(world.recoveries.map(\.step) == ["Provide Config to User (its confirmation)"])
        #expect(world.recoveries.first?.processID == world.process(named: "loc1")?.processID)
        #expect(played.result.actions.map(\.status) == [.passed, .passed])
    }
}
