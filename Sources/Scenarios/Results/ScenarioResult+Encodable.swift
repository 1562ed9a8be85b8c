extension ScenarioResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, status, location, tags, workflows, durationSeconds, error, skipReason
        case actions, assertions, processes, configDiffs, topology, snapshotCheck
    }

    /// The report form: the derived status included, snapshot texts left out (they live in the
    /// snapshot files).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(status, forKey: .status)
        try container.encode(location, forKey: .location)
        try container.encode(tags, forKey: .tags)
        try container.encode(workflows, forKey: .workflows)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encodeIfPresent(skipReason, forKey: .skipReason)
        try container.encode(actions, forKey: .actions)
        try container.encode(assertions, forKey: .assertions)
        try container.encode(processes, forKey: .processes)
        try container.encode(configDiffs, forKey: .configDiffs)
        try container.encodeIfPresent(topology, forKey: .topology)
        try container.encodeIfPresent(snapshotCheck, forKey: .snapshotCheck)
    }

    /// Reads the report form back. The written status must be the one the content gives, or the
    /// reports rebuilt from it would contradict the file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        location = try container.decode(SourceLocation.self, forKey: .location)
        tags = try container.decode([String].self, forKey: .tags)
        workflows = try container.decode(String.self, forKey: .workflows)
        durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
        error = try container.decodeIfPresent(String.self, forKey: .error)
        skipReason = try container.decodeIfPresent(String.self, forKey: .skipReason)
        actions = try container.decode([ActionResult].self, forKey: .actions)
        assertions = try container.decode([AssertionResult].self, forKey: .assertions)
        processes = try container.decode([ProcessTimeline].self, forKey: .processes)
        configDiffs = try container.decode([RouterConfigDiff].self, forKey: .configDiffs)
        topology = try container.decodeIfPresent(TopologyDrawing.self, forKey: .topology)
        snapshotCheck = try container.decodeIfPresent(SnapshotCheck.self, forKey: .snapshotCheck)
        let written = try container.decode(ScenarioStatus.self, forKey: .status)
        guard written == status else {
            throw DecodingError.dataCorruptedError(
                forKey: .status, in: container,
                debugDescription: "'\(written.rawValue)' contradicts the scenario's own results, which make it '\(status.rawValue)'")
        }
    }
}
