import Dispatch
import Synchronization

/// Runs scenarios on worker threads, one scenario per call of the execution, and returns the
/// results in input order whatever order they finish in.
struct ParallelRunner: Sendable {
    let workers: Int
    let failFast: Bool
    var recordTimings = true

    /// - Parameters:
    ///   - finish: applied to each result on its worker before it counts (snapshot check).
    ///   - completed: called once per scenario (from any thread) with its input position.
    func run(
        _ scenarios: [Scenario], execute: ScenarioExecution,
        finish: @escaping @Sendable (Scenario, ScenarioResult) -> ScenarioResult,
        completed: @escaping @Sendable (Int, ScenarioResult) -> Void
    ) -> [ScenarioResult] {
        let queue = WorkQueue(order: Self.startOrder(scenarios, workers: workers))
        let failFast = failFast, recordTimings = recordTimings
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, scenarios.count))) { _ in
            while let index = queue.take() {
                let scenario = scenarios[index]
                let clock = ContinuousClock()
                let start = clock.now
                var result = execute(scenario)
                let elapsed = clock.now - start
                result.name = scenario.name
                result.location = scenario.location
                result.durationSeconds = recordTimings ? elapsed.seconds : 0
                if !recordTimings {
                    for index in result.actions.indices { result.actions[index].durationSeconds = nil }
                }
                result = finish(scenario, result)
                queue.store(result, at: index, stopping: failFast && [.failed, .error].contains(result.status))
                completed(index, result)
            }
        }
        let stored = queue.results()
        let firstFailure = stored.compactMap { $0 }.first { [.failed, .error].contains($0.status) }?.name
        return scenarios.indices.map { index in
            if let result = stored[index] { return result }
            var skipped = ScenarioResult(scenario: scenarios[index])
            skipped.skipReason = "not run: --fail-fast stopped the suite after \(firstFailure ?? "a failure")"
            completed(index, skipped)
            return skipped
        }
    }
}

extension ParallelRunner {
    /// Input positions in the order to start them. On one worker, the input order. On several,
    /// the scenarios with the most actions first (ties in input order): a long scenario started
    /// last leaves the other workers idle while it finishes (under `--chaos` the workshop build
    /// is half the suite's work). Results keep the input order either way.
    static func startOrder(_ scenarios: [Scenario], workers: Int) -> [Int] {
        guard workers > 1 else { return Array(scenarios.indices) }
        return scenarios.indices.sorted { lhs, rhs in
            let (l, r) = (scenarios[lhs].actions.count, scenarios[rhs].actions.count)
            return l != r ? l > r : lhs < rhs
        }
    }
}

/// The next scenario to start and the results so far, shared by the workers.
private final class WorkQueue: Sendable {
    private struct State {
        var next = 0
        var stopped = false
        var results: [ScenarioResult?]
    }

    private let state: Mutex<State>
    private let order: [Int]

    init(order: [Int]) {
        self.order = order
        state = Mutex(State(results: Array(repeating: nil, count: order.count)))
    }

    func take() -> Int? {
        state.withLock { state in
            guard !state.stopped, state.next < order.count else { return nil }
            defer { state.next += 1 }
            return order[state.next]
        }
    }

    func store(_ result: ScenarioResult, at index: Int, stopping: Bool) {
        state.withLock { state in
            state.results[index] = result
            if stopping { state.stopped = true }
        }
    }

    func results() -> [ScenarioResult?] {
        state.withLock { $0.results }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
