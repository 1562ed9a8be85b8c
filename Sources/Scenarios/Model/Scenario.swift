/// One scenario file: a lab, a workflow set and the ordered actions to play against them.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var description: String
    public var tags: [String]
    /// The `topology:` value as written.
    public var topology: String
    /// The topology file the value resolves to (absolute or relative to the working directory).
    public var topologyPath: String
    /// The catalogue named by `workflows:`; `nil` runs the default catalogue.
    public var workflows: String?
    /// Where `workflows:` stands, for errors about the name.
    public var workflowsLocation: SourceLocation?
    /// Fixed seed for ids; `nil` lets the execution use its default seed.
    public var seed: UInt64?
    public var actions: [ScenarioAction]
    /// The scenario file (or exercise file) this came from and where the scenario starts in it.
    public var location: SourceLocation

    public init(
        name: String, description: String = "", tags: [String] = [], topology: String, topologyPath: String,
        workflows: String? = nil, workflowsLocation: SourceLocation? = nil, seed: UInt64? = nil, actions: [ScenarioAction], location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.tags = tags
        self.topology = topology
        self.topologyPath = topologyPath
        self.workflows = workflows
        self.workflowsLocation = workflowsLocation
        self.seed = seed
        self.actions = actions
        self.location = location
    }

    public var file: String { location.file }

    /// The assertions in action order.
    public var assertions: [Assertion] {
        actions.compactMap { if case .assert(let assertion) = $0.kind { assertion } else { nil } }
    }
}
