import Catalogues
import Foundation
import Testing
@testable import Scenarios

@Suite struct GradingTests {
    static let exercisesFolder = SchemaSyncTests.packageRoot.appendingPathComponent("Scenarios/exercises").path

    /// The shipped exercises, with a stand-in lab file if the repository's Topologies/ lacks one.
    private func shippedExercises(_ workspace: TestWorkspace) throws -> [Exercise] {
        let parser = ExerciseParser(locator: TopologyLocator(fallbackDirectories: [workspace.root]))
        let files = try ScenarioDiscovery.files(in: [Self.exercisesFolder], skipping: [])
        return try files.map { file throws(ScenarioFileError) in try parser.load(file: file) }
    }

    @Test func theThreeWorkshopExercisesParse() throws {
        let exercises = try shippedExercises(TestWorkspace())
        #expect(exercises.map(\.id) == ["modify-circuit", "netbox-status", "no-double-enrolment"])
        #expect(exercises.map(\.maxScore) == [12, 10, 10])
        #expect(exercises.allSatisfy { $0.checks.contains(where: \.hidden) })
        let modify = try #require(exercises.first)
        let workflows = modify.scenario.actions.compactMap { action -> String? in
            if case .start(let start) = action.kind { return start.workflow }
            return nil
        }
        #expect(Set(workflows) == ["create_node", "create_circuit", "modify_circuit"])
        guard case .start(let circuit) = modify.scenario.actions[3].kind else { Issue.record("not a start"); return }
        #expect(circuit.pages.map { $0.keys.sorted() } == [["router_a"], ["router_b"], ["a_port", "b_port"]])
    }

    @Test func referenceScoresFullMarksAndStarterZeroWithAnExecutionThatTellsThemApart() throws {
        let exercises = try shippedExercises(TestWorkspace())
        let reference = GradeRunner.grade(exercises, workflows: "reference", jobs: 2, execution: FakeExecution.referenceOnly())
        let starter = GradeRunner.grade(exercises, workflows: "starter", jobs: 2, execution: FakeExecution.referenceOnly())
        #expect(reference.score == 32 && reference.maxScore == 32 && reference.fullMarks)
        #expect(starter.score == 0 && !starter.fullMarks)
        #expect(starter.exercises.allSatisfy { $0.result.workflows == "starter" })
    }

    @Test func scorecardShowsHintsAndHidesHiddenChecks() throws {
        let exercises = try shippedExercises(TestWorkspace())
        let gradebook = GradeRunner.grade(exercises, workflows: "starter", jobs: 1, execution: FakeExecution.referenceOnly())
        let text = Scorecard(gradebook).lines(CapturedConsole().console()).joined(separator: "\n")
        #expect(text.contains("Exercise 2: Set the NetBox device status to active in create_node  0/10"))
        #expect(text.contains("✘ loc1-core is active in NetBox  0/6"))
        #expect(text.contains("hint: Add a step after \"set status provisioning\""))
        #expect(text.contains("hint: Render the endpoint configs"), "a check's own hint wins")
        #expect(!text.contains("loc2-core is active in NetBox"), "hidden checks are not named")
        #expect(text.contains("hidden checks: 0 of 1 passed  0/4"))
        #expect(text.hasSuffix("Total: 0/32 points"))
    }

    @Test func gradescopeResultsCarryEveryCheckWithVisibility() throws {
        let exercises = try shippedExercises(TestWorkspace())
        let gradebook = GradeRunner.grade(exercises, workflows: "reference", jobs: 1, execution: FakeExecution.passing(
            except: ["loc1-core is active in NetBox"]))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(GradescopeReport(gradebook).render().utf8)) as? [String: Any])
        #expect(json["score"] as? Double == 26)
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == 8)
        let failing = try #require(tests.first { ($0["name"] as? String)?.hasSuffix("› loc1-core is active in NetBox") == true })
        #expect(failing["score"] as? Double == 0)
        #expect(failing["max_score"] as? Double == 6)
        #expect(failing["visibility"] as? String == "visible")
        #expect((failing["output"] as? String)?.contains("expected: NetBox device loc1-core has status active") == true)
        #expect((failing["output"] as? String)?.contains("actual:   planned") == true)
        #expect(tests.count { $0["visibility"] as? String == "hidden" } == 3)
        #expect(tests.allSatisfy { $0["name"] != nil && $0["score"] != nil && $0["max_score"] != nil && $0["output"] != nil })
    }

    @Test func classroomResultHidesHiddenCheckNames() throws {
        let exercises = try shippedExercises(TestWorkspace())
        let gradebook = GradeRunner.grade(exercises, workflows: "reference", jobs: 1, execution: FakeExecution.referenceOnly())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ClassroomReport(gradebook).render().utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        #expect(json["status"] as? String == "pass")
        #expect(json["max_score"] as? Double == 32)
        let tests = try #require(json["tests"] as? [[String: Any]])
        let names = tests.compactMap { $0["name"] as? String }
        #expect(names.contains { $0.hasSuffix("› hidden check 1") })
        #expect(!names.contains { $0.contains("loc2-core is active") })
        #expect(tests.allSatisfy { $0["status"] as? String == "pass" })
        let hidden = tests.filter { ($0["name"] as? String)?.contains("› hidden check") == true }
        let visible = tests.filter { ($0["name"] as? String)?.contains("› hidden check") == false }
        #expect(hidden.count == 3 && hidden.allSatisfy { $0["filename"] as? String == "" && $0["line_no"] as? Int == 0 },
                "a hidden check's place in the instructor's file is not shown")
        #expect(visible.allSatisfy { ($0["line_no"] as? Int ?? 0) > 0 })
    }

    @Test func checksNotReachedOrScenarioErrorsScoreZero() throws {
        let exercise = try #require(try shippedExercises(TestWorkspace()).first { $0.id == "netbox-status" })
        var result = FakeExecution.result(for: exercise.scenario) { _ in true }
        result.assertions.removeLast()
        let partial = Grader.grade(exercise, result: result)
        #expect(partial.score == 6)
        #expect(partial.checks[1].failure == "not evaluated: the scenario stopped before this check")
        result.error = "topology failed to load"
        let errored = Grader.grade(exercise, result: result)
        #expect(errored.score == 0)
        #expect(errored.checks[0].output.hasPrefix("the exercise scenario could not run: topology failed to load"))
    }

    @Test func exerciseFileErrorsAreLocated() throws {
        let workspace = try TestWorkspace()
        let yaml = """
        exercise: broken
        scenario:
          topology: workshop
          actions:
            - assert: all good
              no_leaked_resources: true
        checks:
          - assert: all god
            points: -1
          - assert: all good
            points: 2
            hiden: true
          - assert: all good
            points: 1
        """
        do {
            _ = try ExerciseParser().parse(yaml: yaml, file: workspace.path("Scenarios/exercises/broken.yaml"))
            Issue.record("expected the exercise to be rejected")
        } catch {
            let messages = error.issues.map { "\($0.location.line): \($0.message)" }
            #expect(messages.contains { $0.hasPrefix("9: wrong type: found ") && $0.hasSuffix(" (expected points as a number ≥ 0)") })
            #expect(messages.contains { $0.hasPrefix("12: unknown key 'hiden' in check") && $0.contains("did you mean 'hidden'?") })
            #expect(messages.contains { $0.hasPrefix("13: the assertion 'all good' is already graded") })
        }
        do {
            _ = try ExerciseParser().parse(yaml: yaml.replacingOccurrences(of: "points: -1", with: "points: 1"), file: workspace.path("x.yaml"))
            Issue.record("expected the exercise to be rejected")
        } catch {
            #expect(error.issues.contains { $0.message == "the scenario has no assertion named 'all god' (did you mean 'all good'?)" })
        }
    }

    @Test func gradeCommandWritesBothResultFilesAndExitsByScore() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Scenarios/exercises/one.yaml", """
        exercise: One check
        scenario:
          topology: workshop
          actions:
            - start: create_node
              as: n
            - assert: node active
              subscription: ${n}
              status: active
        checks:
          - assert: node active
            points: 5
        """)
        var options = GradeOptions()
        options.paths = [workspace.path("Scenarios/exercises")]
        options.reportDirectory = workspace.path("grade")
        options.workflows = "starter"
        let console = CapturedConsole()
        #expect(GradeRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.referenceOnly(), console: console.console()) == 1)
        #expect(console.text.contains("Grading against the starter workflows"))
        #expect(try workspace.read("grade/results.json").contains("\"score\" : 0"))
        #expect(try workspace.read("grade/classroom-result.json").contains("\"status\" : \"fail\""))
        options.workflows = "reference"
        #expect(GradeRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.referenceOnly(), console: CapturedConsole().console()) == 0)
        #expect(try workspace.read("grade/results.json").contains("\"score\" : 5"))
        options.paths = [workspace.path("nowhere")]
        #expect(GradeRunner.run(options, catalogues: FakeExecution.catalogues, execution: FakeExecution.referenceOnly(), console: CapturedConsole().console()) == 2)
    }
}
