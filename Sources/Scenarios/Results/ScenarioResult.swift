/// Everything one scenario run produced. The execution fills actions, assertions, processes,
/// config diffs, the topology drawing and the snapshot sections; the runner adds the duration,
/// the snapshot check and, under `--fail-fast`, the skip reason.
public struct ScenarioResult: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    public var tags: [String]
    /// The catalogue the scenario ran against.
    public var workflows: String
    public var durationSeconds: Double = 0
    public var actions: [ActionResult] = []
    public var assertions: [AssertionResult] = []
    public var processes: [ProcessTimeline] = []
    public var configDiffs: [RouterConfigDiff] = []
    public var topology: TopologyDrawing?
    /// The outcome in canonical text, section by section, for snapshot regression checks.
    public var snapshot: [SnapshotSection] = []
    public var snapshotCheck: SnapshotCheck?
    /// Set when the scenario could not be run to its end (topology failed to load, execution crashed).
    public var error: String?
    /// Set by the runner for scenarios not run because an earlier one failed under `--fail-fast`.
    public var skipReason: String?

    /// An empty result for `scenario`, ready for the execution to fill.
    public init(scenario: Scenario) {
        name = scenario.name
        location = scenario.location
        tags = scenario.tags
        workflows = scenario.workflows ?? ""
    }

    public var file: String { location.file }

    public var status: ScenarioStatus {
        if skipReason != nil { return .skipped }
        if error != nil { return .error }
        let failed = actions.contains { $0.status == .failed } || assertions.contains { !$0.passed }
            || snapshotCheck?.status == .changed
        return failed ? .failed : .passed
    }

    /// Every failure, in the order a reader should see them: error, actions, assertions, snapshot.
    public var failures: [ResultFailure] {
        var result: [ResultFailure] = []
        if let error {
            result.append(ResultFailure(kind: .error, title: "scenario could not run", location: location, message: error))
        }
        for action in actions where action.status == .failed {
            result.append(ResultFailure(kind: .action, title: action.summary, location: action.location, message: action.message,
                                        expected: action.expected, actual: action.actual))
        }
        for assertion in assertions where !assertion.passed {
            result.append(ResultFailure(kind: .assertion, title: assertion.name, location: assertion.location,
                                        message: assertion.message, expected: assertion.expected, actual: assertion.actual))
        }
        if let check = snapshotCheck, check.status == .changed {
            result.append(ResultFailure(kind: .snapshot, title: "snapshot changed: " + check.changes.joined(separator: ", "),
                                        location: location, message: "run with --update-snapshots to accept", diff: check.diff))
        }
        return result
    }
}

public enum ScenarioStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case passed
    case failed
    case error
    case skipped
}

/// One thing that went wrong, flattened for terminal output and reports.
public struct ResultFailure: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case error, action, assertion, snapshot
    }

    public var kind: Kind
    public var title: String
    public var location: SourceLocation
    public var message: String?
    public var expected: String?
    public var actual: String?
    public var diff: String?

    public init(kind: Kind, title: String, location: SourceLocation, message: String? = nil, expected: String? = nil,
                actual: String? = nil, diff: String? = nil) {
        self.kind = kind
        self.title = title
        self.location = location
        self.message = message
        self.expected = expected
        self.actual = actual
        self.diff = diff
    }
}
