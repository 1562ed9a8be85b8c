import Catalogues
import Foundation
import Scenarios
import WorkshopReference

/// `orchlab run --chaos` against a plain run of the shipped scenario suite, in the same process
/// with the same executor (labs compiled once): the chaos/clean ratio is what the checkpoints
/// (see docs/chaos.md) keep small.
enum ChaosBenchmarks {
    static func run() throws {
        let folder = "\(ScenariosBenchmarks.repository)/Scenarios"
        let scenarios = try ScenarioRunner.load(paths: [folder]).get()
        let executor = ScenarioExecutor(catalogues: try CatalogueRegistry(WorkshopReference.catalogues))
        let silent = Console(colour: false, interactive: false) { _ in }
        var options = RunOptions()
        options.reportDirectory = nil
        options.jobs = 2
        var statuses = ""
        var findings: [[String]] = []
        let clean = Measure.samples(iterations: 5, warmup: 1) {
            let results = ScenarioRunner.execute(scenarios, options: options, execution: executor.execution, console: silent)
            statuses = summary(results)
        }
        Figures.shared.samples("shipped suite (\(scenarios.count) scenarios), clean, 2 threads (\(statuses))", clean)
        let chaosExecution = ChaosExecutor(executor: executor).execution
        let chaos = Measure.samples(iterations: 3, warmup: 1) {
            let results = ScenarioRunner.execute(scenarios, options: options, execution: chaosExecution, console: silent)
            statuses = summary(results)
            findings = results.map(chaosFindings)
        }
        Figures.shared.samples("shipped suite, --chaos, 2 threads (\(statuses))", chaos)
        let ratio = Measure.median(chaos) / Measure.median(clean)
        Figures.shared.line(String(format: "chaos/clean ratio: %.1f×", ratio), [("chaos/clean ratio", ratio, "×")])
        var fromStart = ChaosExecutor(executor: executor)
        fromStart.replaysFromCheckpoints = false
        let slow = Measure.samples(iterations: 1, warmup: 0) {
            let results = ScenarioRunner.execute(scenarios, options: options, execution: fromStart.execution, console: silent)
            statuses = summary(results)
            let same = results.map(chaosFindings) == findings
            statuses += same ? ", the same chaos findings" : ", DIFFERENT chaos findings"
        }
        Figures.shared.samples("shipped suite, --chaos replaying every fault from the start, 2 threads (\(statuses))", slow)
        let slowRatio = Measure.median(slow) / Measure.median(clean)
        Figures.shared.line(String(format: "chaos/clean ratio replaying from the start: %.1f×", slowRatio),
                            [("chaos/clean ratio replaying from the start", slowRatio, "×")])
    }

    /// Every chaos assertion with its outcome and difference, in result order.
    private static func chaosFindings(_ result: ScenarioResult) -> [String] {
        result.assertions.filter { $0.name.hasPrefix("chaos: ") }.map { "\($0.name) \($0.passed) \($0.actual)" }
    }

    private static func summary(_ results: [ScenarioResult]) -> String {
        "\(results.count { $0.status == .passed }) passed, \(results.count { $0.status != .passed }) not"
    }
}
