extension ScenarioResult: Encodable {
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
}
