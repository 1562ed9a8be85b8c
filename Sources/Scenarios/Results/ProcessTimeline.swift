/// The steps one process went through, for the report's timeline.
public struct ProcessTimeline: Sendable, Hashable, Codable {
    /// The `as:` name, or the workflow name when the start had none.
    public var name: String
    public var workflow: String
    public var processId: String?
    public var outcome: ScenarioOutcome
    /// The failure or validation message when the outcome is failed or refused.
    public var message: String?
    public var steps: [StepRecord]

    public init(name: String, workflow: String, processId: String? = nil, outcome: ScenarioOutcome, message: String? = nil,
                steps: [StepRecord] = []) {
        self.name = name
        self.workflow = workflow
        self.processId = processId
        self.outcome = outcome
        self.message = message
        self.steps = steps
    }
}

public struct StepRecord: Sendable, Hashable, Codable {
    public var name: String
    /// The engine's step status as it names it (`success`, `suspend`, `failed`, `skipped`, …).
    public var status: String
    public var message: String?
    /// Which attempt of the process ran it (1 for the first run, 2 after a retry or recovery).
    public var attempt: Int

    public init(name: String, status: String, message: String? = nil, attempt: Int = 1) {
        self.name = name
        self.status = status
        self.message = message
        self.attempt = attempt
    }
}
