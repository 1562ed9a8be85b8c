/// Counts over a run's results.
public struct RunSummary: Sendable, Hashable, Codable {
    public var total: Int
    public var passed: Int
    public var failed: Int
    public var errors: Int
    public var skipped: Int
    /// Sum of the scenarios' own durations (CPU-ish time; wall time is shorter when parallel).
    public var durationSeconds: Double

    public init(_ results: [ScenarioResult]) {
        total = results.count
        passed = results.count { $0.status == .passed }
        failed = results.count { $0.status == .failed }
        errors = results.count { $0.status == .error }
        skipped = results.count { $0.status == .skipped }
        durationSeconds = results.reduce(0) { $0 + $1.durationSeconds }
    }

    public var allPassed: Bool { failed == 0 && errors == 0 }

    /// `12 scenarios: 10 passed, 1 failed, 1 error, 0 skipped`
    public var sentence: String {
        "\(total) scenario\(total == 1 ? "" : "s"): \(passed) passed, \(failed) failed, \(errors) error\(errors == 1 ? "" : "s"), \(skipped) skipped"
    }
}
