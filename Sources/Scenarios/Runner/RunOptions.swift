import Catalogues
import Foundation

/// What `orchlab run` was asked to do.
public struct RunOptions: Sendable {
    /// Scenario files or folders; empty means `Scenarios/`.
    public var paths: [String] = []
    public var selection = ScenarioSelection()
    /// Print the plan without running anything.
    public var listOnly = false
    public var failFast = false
    public var updateSnapshots = false
    /// Folders, besides the `Topologies/` folders the locator searches, that a scenario's topology
    /// may lie in (see `TopologyLocator.allowedRoots`).
    public var topologyRoots: [String] = []
    /// `nil` writes no reports.
    public var reportDirectory: String? = ReportWriter.defaultDirectory
    /// Run every scenario against this catalogue instead of the one it names.
    public var workflows: String?
    /// Worker threads; all cores by default.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Record each scenario's and each action's duration. Off, every scenario's duration is 0,
    /// actions have none, and a run's reports are byte-for-byte the same each time (given a
    /// deterministic execution).
    public var recordTimings = true
    /// The external orchestrator every scenario plays against (its URL), if any: scenarios then
    /// run one at a time, snapshots (which hold OrchLab's seeded ids) are not compared, and a
    /// scenario that kills the engine is refused when it is read.
    public var externalOrchestrator: String?

    public init() {}
}

/// Process exit codes of `orchlab run` and `orchlab grade`.
public enum ExitStatus {
    public static let passed: Int32 = 0
    public static let failed: Int32 = 1
    /// A scenario or exercise file with errors, a bad option, a missing path, or nothing to run with.
    public static let invalidInput: Int32 = 2
}
