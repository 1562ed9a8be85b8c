import Foundation
import Testing
import Yams
@testable import Scenarios

/// The participant kit stays in step with the instructor's copy: the same exercises without the
/// hidden checks (nor the assertions only they grade), the same lab, and a Classroom workflow
/// with one test per visible check at the scorecard's points.
@Suite struct WorkshopKitTests {
    static let kit = SchemaSyncTests.packageRoot.appendingPathComponent("Examples/workshop-kit")

    static func exercises(_ folder: URL) throws -> [Exercise] {
        try GradeRunner.load(paths: [folder.appendingPathComponent("Scenarios/exercises").path]).get()
    }

    @Test func theKitHoldsTheInstructorsExercisesWithoutTheHiddenChecks() throws {
        let instructor = try Self.exercises(SchemaSyncTests.packageRoot)
        let kit = try Self.exercises(Self.kit)
        #expect(kit.map(\.id) == instructor.map(\.id))
        for (handedOut, full) in zip(kit, instructor) {
            #expect(handedOut.title == full.title)
            #expect(handedOut.checks.allSatisfy { !$0.hidden })
            let visible = full.checks.filter { !$0.hidden }
            #expect(handedOut.checks.map(\.assertion) == visible.map(\.assertion))
            #expect(handedOut.checks.map(\.points) == visible.map(\.points))
            let hidden = Set(full.checks.filter(\.hidden).map(\.assertion))
            #expect(Set(handedOut.scenario.assertions.map(\.name)).isDisjoint(with: hidden), "\(handedOut.id) shows a hidden check")
            #expect(Set(handedOut.scenario.assertions.map(\.name)).isSubset(of: Set(full.scenario.assertions.map(\.name))))
        }
    }

    @Test func theKitCarriesTheSameLab() throws {
        let kitLab = try Data(contentsOf: Self.kit.appendingPathComponent("Topologies/workshop.yaml"))
        #expect(kitLab == (try Data(contentsOf: SchemaSyncTests.packageRoot.appendingPathComponent("Topologies/workshop.yaml"))))
    }

    @Test func theClassroomWorkflowGradesEveryVisibleCheckAtItsPoints() throws {
        let text = try String(contentsOf: Self.kit.appendingPathComponent(".github/workflows/classroom.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        let steps = try #require((jobs["run-autograding-tests"] as? [String: Any])?["steps"] as? [[String: Any]])
        var graded: [String: Double] = [:]
        for step in steps {
            guard let with = step["with"] as? [String: Any], let command = with["command"] as? String,
                  let range = command.range(of: "--check '") else { continue }
            let id = String(command[range.upperBound...].dropLast())
            graded[id] = (with["max-score"] as? Int).map(Double.init) ?? (with["max-score"] as? Double)
        }
        var expected: [String: Double] = [:]
        for exercise in try Self.exercises(Self.kit) {
            for check in exercise.checks { expected["\(exercise.id):\(check.assertion)"] = check.points }
        }
        #expect(graded == expected)
        let reporter = try #require(steps.last?["with"] as? [String: Any])
        #expect((reporter["runners"] as? String)?.split(separator: ",").count == expected.count)
    }
}
