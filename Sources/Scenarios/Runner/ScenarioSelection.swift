/// Which loaded scenarios a run executes: `--tag`, `--filter`, `--shard`.
public struct ScenarioSelection: Sendable {
    /// A scenario is selected if it has any of these tags (all when empty).
    public var tags: [String]
    /// A case-insensitive substring of the name, or a regular expression matched against it.
    public var filter: String?
    public var shard: Shard?

    public init(tags: [String] = [], filter: String? = nil, shard: Shard? = nil) {
        self.tags = tags
        self.filter = filter
        self.shard = shard
    }

    /// The selected scenarios, in the order given (callers pass them sorted by path).
    public func apply(to scenarios: [Scenario]) -> [Scenario] {
        let matching = suite(of: scenarios)
        return shard?.slice(matching) ?? matching
    }

    /// The scenarios `--tag` and `--filter` select, before `--shard` slices them: the suite every
    /// shard of a run is cut from.
    public func suite(of scenarios: [Scenario]) -> [Scenario] {
        let regex = filter.flatMap { try? Regex($0).ignoresCase() }
        return scenarios.filter { scenario in
            (tags.isEmpty || !Set(tags).isDisjoint(with: scenario.tags)) && matchesFilter(scenario.name, regex: regex)
        }
    }

    private func matchesFilter(_ name: String, regex: Regex<AnyRegexOutput>?) -> Bool {
        guard let filter else { return true }
        if name.lowercased().contains(filter.lowercased()) { return true }
        return regex.map { name.contains($0) } ?? false
    }
}
