/// Which suite a run's results were cut from: how many scenarios it had and a fingerprint of
/// their names and catalogues in suite order. Every shard of one `orchlab run` records the same
/// identity, so `orchlab report merge` can refuse shards of different suites and check that the
/// merged scenarios are the suite, in its order.
public struct SuiteIdentity: Sendable, Hashable, Codable, CustomStringConvertible {
    public var scenarios: Int
    /// FNV-1a (64 bits, hex) over each scenario's name and catalogue: a check against mixing runs
    /// up, not a defence against forgery.
    public var fingerprint: String

    public init(scenarios: Int, fingerprint: String) {
        self.scenarios = scenarios
        self.fingerprint = fingerprint
    }

    /// The identity of a suite of scenarios with their catalogues resolved.
    public init(_ suite: [Scenario]) {
        self.init(suite.map { ($0.name, $0.workflows ?? "") })
    }

    /// The identity of the suite these results are, whole and in order.
    public init(results: [ScenarioResult]) {
        self.init(results.map { ($0.name, $0.workflows) })
    }

    private init(_ entries: [(name: String, workflows: String)]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (name, workflows) in entries {
            // A zero byte after each field, which no name holds, keeps ("ab", "c") apart from ("a", "bc").
            for byte in Array(name.utf8) + [0] + Array(workflows.utf8) + [0] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        scenarios = entries.count
        let hex = String(hash, radix: 16)
        fingerprint = String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `13 scenarios, fingerprint 0123456789abcdef`
    public var description: String { "\(scenarios) scenario\(scenarios == 1 ? "" : "s"), fingerprint \(fingerprint)" }
}
