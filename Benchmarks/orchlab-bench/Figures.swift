import Foundation

/// Every figure the benchmarks measure. As text (the default) each line is printed when it is
/// measured; with `--json` the same lines go to standard error as progress and standard output
/// gets one JSON document at the end, each figure with its group, name, statistic and unit, so
/// scripts (Benchmarks/compare.sh) read numbers instead of parsing prose.
final class Figures: @unchecked Sendable {
    static let shared = Figures()

    struct Figure: Encodable {
        let group: String
        let name: String
        /// `median`, `p90`, `cpu_median` for timed samples, `value` for a single measurement.
        let statistic: String
        let value: Double
        let unit: String
        /// How many samples the statistic summarises (absent for single measurements).
        let samples: Int?
    }

    private let lock = NSLock()
    private var figures: [Figure] = []
    private var group = ""
    var json = false

    func begin(group name: String, announce: Bool = true) {
        lock.withLock { group = name }
        if announce { emit("== \(name) ==") }
    }

    /// A line of text and the figures it shows (nanoseconds for durations, "MiB" for memory).
    func line(_ text: String, _ values: [(name: String, value: Double, unit: String)]) {
        lock.withLock {
            for value in values {
                figures.append(Figure(group: group, name: value.name, statistic: "value", value: value.value, unit: value.unit, samples: nil))
            }
        }
        emit(text)
    }

    /// Median and p90 of duration samples in nanoseconds.
    func samples(_ name: String, _ samples: [Double]) {
        let median = Measure.median(samples), p90 = Measure.percentile(samples, 90)
        lock.withLock {
            figures.append(Figure(group: group, name: name, statistic: "median", value: median, unit: "ns", samples: samples.count))
            figures.append(Figure(group: group, name: name, statistic: "p90", value: p90, unit: "ns", samples: samples.count))
        }
        emit("\(name): median \(Measure.format(ns: median)), p90 \(Measure.format(ns: p90)), n=\(samples.count)")
    }

    /// Wall-clock median and p90 and thread-CPU median of the same runs.
    func timings(_ name: String, _ timings: Timings) {
        let wall = Measure.median(timings.wall), p90 = Measure.percentile(timings.wall, 90), cpu = Measure.median(timings.cpu)
        let n = timings.wall.count
        lock.withLock {
            figures.append(Figure(group: group, name: name, statistic: "median", value: wall, unit: "ns", samples: n))
            figures.append(Figure(group: group, name: name, statistic: "p90", value: p90, unit: "ns", samples: n))
            figures.append(Figure(group: group, name: name, statistic: "cpu_median", value: cpu, unit: "ns", samples: n))
        }
        emit("\(name): wall median \(Measure.format(ns: wall)) (p90 \(Measure.format(ns: p90))), CPU median \(Measure.format(ns: cpu)), n=\(n)")
    }

    private func emit(_ text: String) {
        if json {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else {
            print(text)
        }
    }

    /// The JSON document: the figures plus the facts that make them comparable.
    func document(loadBefore: String, loadAfter: String) throws -> String {
        struct Document: Encodable {
            let format_version: Int
            let cores: Int
            let load_average_before: String
            let load_average_after: String
            let figures: [Figure]
        }
        let document = lock.withLock {
            Document(format_version: 1, cores: ProcessInfo.processInfo.activeProcessorCount,
                     load_average_before: loadBefore, load_average_after: loadAfter, figures: figures)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// The 1, 5 and 15 minute load averages, as /proc/loadavg shows them.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
