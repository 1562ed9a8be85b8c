@testable import Scenarios

/// Results shaped like a real run's, built directly for report tests.
enum SyntheticResults {
    static func make(count: Int, failingEvery: Int = 0) -> [ScenarioResult] {
        (0..<count).map { index in
            let file = "Scenarios/generated/s\(index).yaml"
            let scenario = Scenario(name: "generated scenario \(index)", tags: ["generated"], topology: "workshop",
                                    topologyPath: "Topologies/workshop.yaml", actions: [],
                                    location: SourceLocation(file: file, line: 1, column: 1))
            var result = ScenarioResult(scenario: scenario)
            result.durationSeconds = 0.004
            let failing = failingEvery > 0 && index % failingEvery == 0
            result.processes = [ProcessTimeline(
                name: "c12", workflow: "create_circuit", processId: "00000000-0000-4000-8000-\(String(format: "%012d", index))",
                outcome: .completed,
                steps: ["Start", "Construct model", "Reserve IPs", "Provide config", "Set cable connected", "Done"]
                    .map { StepRecord(name: $0, status: "success") })]
            result.assertions = (0..<5).map { number in
                let assertion = Assertion(name: "check \(number)", message: "the circuit must be up",
                                          check: .device(name: "loc1-core", status: "active"),
                                          location: SourceLocation(file: file, line: 10 + number * 3, column: 5))
                let passes = !(failing && number == 2)
                return AssertionResult(assertion: assertion, passed: passes, actual: passes ? "active" : "planned <unexpected> & \"quoted\"")
            }
            result.configDiffs = [RouterConfigDiff(device: "loc1-core", before: "hostname loc1-core\n",
                                                   after: "hostname loc1-core\ninterface 1/1/c2/1\n ipv6 address 2001:db8:10::/127\n")]
            result.topology = TopologyDrawing(
                nodes: [.init(name: "loc1-core", status: "active"), .init(name: "loc2-core", status: "active")],
                links: [.init(a: InterfaceRef(device: "loc1-core", port: "1/1/c2/1"), b: InterfaceRef(device: "loc2-core", port: "1/1/c1/1"),
                              state: .up, circuit: .init(name: "c12", status: "active", underMaintenance: failing))])
            return result
        }
    }
}
