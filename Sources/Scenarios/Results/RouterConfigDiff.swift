/// One router's running config before and after the scenario.
public struct RouterConfigDiff: Sendable, Hashable, Codable {
    public var device: String
    /// Empty in a diff read back from a report, which carries the diff only.
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

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        device = try container.decode(String.self, forKey: .device)
        unifiedDiff = try container.decode(String.self, forKey: .unifiedDiff)
        before = ""
        after = ""
    }

    public var changed: Bool { !unifiedDiff.isEmpty }

    /// Reports carry the diff only: whole configs would dominate a report of many scenarios.
    private enum CodingKeys: String, CodingKey {
        case device, unifiedDiff
    }
}
