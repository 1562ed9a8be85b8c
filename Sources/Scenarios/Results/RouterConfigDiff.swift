/// One router's running config before and after the scenario.
public struct RouterConfigDiff: Sendable, Hashable, Encodable {
    public var device: String
    public var before: String
    public var after: String
    /// `before` → `after` as a unified diff; empty when unchanged.
    public var unifiedDiff: String

    public init(device: String, before: String, after: String) {
        self.device = device
        self.before = before
        self.after = after
        unifiedDiff = LineDiff(old: before, new: after).unified(oldName: "\(device) before", newName: "\(device) after")
    }

    public var changed: Bool { before != after }

    /// Reports carry the diff only: whole configs would dominate a report of many scenarios.
    private enum CodingKeys: String, CodingKey {
        case device, unifiedDiff
    }
}
