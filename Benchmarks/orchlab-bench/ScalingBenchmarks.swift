import Catalogues
import Dispatch
import Foundation
import Scenarios
import Synchronization
import WorkshopReference

/// How the suite scales (docs/scaling.md): N generated scenarios (ScenariosBenchmarks' generator;
/// N = ORCHLAB_SCALING_SCENARIOS, default 10,000), each pass through `ScenarioRunner.run` with the
/// real execution and reports written, as `orchlab run` does: whole on 1 thread, whole on 2
/// threads, and as 2 shards of 1 thread each side by side (two machines' worth) then merged. All
/// in one process, one after another, so the ratios compare runs under the same machine load.
enum ScalingBenchmarks {
    struct Phase {
        var wallSeconds: Double
        var cpuSeconds: Double
        var rssIncreaseMiB: Double
        var status: String
    }

    static func run() throws {
        let count = Int(ProcessInfo.processInfo.environment["ORCHLAB_SCALING_SCENARIOS"] ?? "") ?? 10_000
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("orchlab-bench-scaling-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ScenariosBenchmarks.generateSuite(in: root, count: count)
        let folder = (root as NSString).appendingPathComponent("Scenarios")
        let catalogues = try CatalogueRegistry(WorkshopReference.catalogues)
        let executor = ScenarioExecutor(catalogues: catalogues)
        let silent = Console(colour: false, interactive: false) { _ in }
        print("load average before: \(loadAverage()); \(ProcessInfo.processInfo.activeProcessorCount) cores")

        func options(jobs: Int, shard: Shard? = nil, reports: String) -> RunOptions {
            var options = RunOptions()
            options.paths = [folder]
            options.jobs = jobs
            options.selection.shard = shard
            options.reportDirectory = (root as NSString).appendingPathComponent(reports)
            return options
        }
        func runWhole(jobs: Int) -> Phase {
            measure { "exit \(ScenarioRunner.run(options(jobs: jobs, reports: "whole-\(jobs)"), catalogues: catalogues, execution: executor.execution, console: silent))" }
        }

        let one = runWhole(jobs: 1)
        report("whole suite, 1 thread", one, count: count, threads: 1)
        let two = runWhole(jobs: 2)
        report("whole suite, 2 threads", two, count: count, threads: 2)
        let shards = measure {
            let runs = (1...2).map { options(jobs: 1, shard: Shard(index: $0, count: 2), reports: "shard-\($0)") }
            let statuses = Mutex([Int32](repeating: -1, count: 2))
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let status = ScenarioRunner.run(runs[index], catalogues: catalogues, execution: executor.execution, console: silent)
                statuses.withLock { $0[index] = status }
            }
            return "exits \(statuses.withLock { $0 }.map(String.init).joined(separator: ","))"
        }
        report("2 shards side by side, 1 thread each", shards, count: count, threads: 2)
        let shardFolders = ["shard-1", "shard-2"].map { (root as NSString).appendingPathComponent($0) }
        let merged = (root as NSString).appendingPathComponent("merged")
        let merge = measure { "exit \(MergeRunner.run(directories: shardFolders, reportDirectory: merged, console: silent))" }
        report("merge the 2 shards' reports", merge, count: count, threads: 1)
        let json = try FileManager.default.attributesOfItem(atPath: (root as NSString).appendingPathComponent("merged/results.json"))[.size] as? Int ?? 0
        print(String(format: "results.json: %.1f KiB per scenario (%.1f MiB for %d)", Double(json) / 1024 / Double(count),
                     Double(json) / 1_048_576, count))
        print(String(format: "ratio 2 shards + merge / whole on 2 threads (wall): %.2f", (shards.wallSeconds + merge.wallSeconds) / two.wallSeconds))
        print(String(format: "ratio whole on 2 threads / whole on 1 thread (wall): %.2f", two.wallSeconds / one.wallSeconds))
        print("load average after: \(loadAverage())")
    }

    private static func report(_ name: String, _ phase: Phase, count: Int, threads: Int) {
        print("\(name) (\(phase.status)): " + String(format: "wall %.1f s, CPU %.1f s; %.0f scenarios/min/thread (wall), %.0f scenarios per CPU-minute; RSS +%.0f MiB, %.1f KiB per scenario",
                     phase.wallSeconds, phase.cpuSeconds, Double(count) / (phase.wallSeconds / 60) / Double(threads),
                     Double(count) / (phase.cpuSeconds / 60), phase.rssIncreaseMiB, phase.rssIncreaseMiB * 1024 / Double(count)))
    }

    /// Wall time, this process's CPU time, and the peak RSS above the starting RSS (sampled every 20 ms).
    private static func measure(_ body: () -> String) -> Phase {
        let baseline = Measure.currentRSSMiB()
        let sampler = RSSSampler()
        let cpuBefore = cpuSeconds(), start = Measure.now()
        let status = body()
        let wall = Double(Measure.now() - start) / 1e9, cpu = cpuSeconds() - cpuBefore
        return Phase(wallSeconds: wall, cpuSeconds: cpu, rssIncreaseMiB: max(0, sampler.stop() - baseline), status: status)
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// Samples the current RSS on a thread of its own until stopped, keeping the highest.
private final class RSSSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var peak = Measure.currentRSSMiB()
    private var running = true
    private let done = DispatchSemaphore(value: 0)

    init() {
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                let rss = Measure.currentRSSMiB()
                lock.withLock { peak = max(peak, rss) }
                usleep(20_000)
            }
            done.signal()
        }
    }

    func stop() -> Double {
        lock.withLock { running = false }
        done.wait()
        return lock.withLock { max(peak, Measure.currentRSSMiB()) }
    }
}
