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
        let queue = WorkQueue(count: scenarios.count)
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

/// The next scenario to start and the results so far, shared by the workers.
private final class WorkQueue: Sendable {
    private struct State {
        var next = 0
        var stopped = false
        var results: [ScenarioResult?]
    }

    private let state: Mutex<State>
    private let count: Int

    init(count: Int) {
        self.count = count
        state = Mutex(State(results: Array(repeating: nil, count: count)))
    }

    func take() -> Int? {
        state.withLock { state in
            guard !state.stopped, state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
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
