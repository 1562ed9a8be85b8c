/// One part of a scenario's outcome in canonical text (`subscriptions`, `netbox`,
/// `running configs`, `routing`). Within a section, lines starting `### ` name sub-parts (a
/// router, a subscription) so a diff can say which of them changed.
public struct SnapshotSection: Sendable, Hashable, Codable {
    public var title: String
    public var text: String

    public init(title: String, text: String) {
        self.title = title
        self.text = text
    }
}

/// How a run's snapshot compared with the recorded one.
public struct SnapshotCheck: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case matched
        case changed
        /// Written by `--update-snapshots`.
        case updated
        /// No snapshot recorded yet (not a failure).
        case missing
    }

    public var status: Status
    public var file: String
    /// What changed, e.g. `running configs › loc1-core`.
    public var changes: [String]
    public var diff: String?

    public init(status: Status, file: String, changes: [String] = [], diff: String? = nil) {
        self.status = status
        self.file = file
        self.changes = changes
        self.diff = diff
    }
}
