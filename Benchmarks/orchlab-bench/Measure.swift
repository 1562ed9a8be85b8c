import Foundation

/// Timing and memory helpers shared by every benchmark group. Benchmarks print medians measured in
/// the run itself; nothing here is asserted by unit tests.
enum Measure {
    /// Monotonic nanoseconds.
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Runs `body` `iterations` times and returns each run's duration in nanoseconds.
    static func samples(iterations: Int, warmup: Int = 3, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<warmup { try body() }
        var result: [Double] = []
        result.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = now()
            try body()
            result.append(Double(now() - start))
        }
        return result
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count - 1)).rounded())))
        return sorted[index]
    }

    /// Peak resident set size of this process so far, in MiB (Linux reports ru_maxrss in KiB).
    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// Current resident set size in MiB, from /proc/self/statm.
    static func currentRSSMiB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func format(ns: Double) -> String {
        if ns < 1_000 { return String(format: "%.0f ns", ns) }
        if ns < 1_000_000 { return String(format: "%.2f µs", ns / 1_000) }
        if ns < 1_000_000_000 { return String(format: "%.2f ms", ns / 1_000_000) }
        return String(format: "%.3f s", ns / 1_000_000_000)
    }
}
