/// What happened at one action: whether its expectation (if any) held.
public struct ActionResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case passed
        case failed
        /// Not reached: an earlier action made it impossible.
        case notRun = "not_run"
    }

    public var index: Int
    public var summary: String
    public var location: SourceLocation
    public var status: Status
    /// The `as:` name of the process this action started or continued.
    public var process: String?
    public var expected: String?
    public var actual: String?
    public var message: String?
    /// Wall time of the action: the orchestrator's calls and, at input steps, the simulated
    /// engineer's pastes, until the process stopped moving. Left out (nil) under `--no-timings`,
    /// so reports stay byte-identical; a measurement, never part of the verdict.
    public var durationSeconds: Double?

    public init(action: ScenarioAction, status: Status, process: String? = nil, expected: String? = nil,
                actual: String? = nil, message: String? = nil) {
        index = action.index
        summary = action.summary
        location = action.location
        self.status = status
        self.process = process
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}

/// One assertion's verdict with what was expected and what was found.
public struct AssertionResult: Sendable, Hashable, Codable {
    public var name: String
    /// The scenario author's human message.
    public var message: String?
    public var location: SourceLocation
    public var passed: Bool
    public var expected: String
    public var actual: String

    /// - Parameter expected: defaults to the assertion's own wording of what it checks.
    public init(assertion: Assertion, passed: Bool, actual: String, expected: String? = nil) {
        name = assertion.name
        message = assertion.message
        location = assertion.location
        self.passed = passed
        self.expected = expected ?? assertion.expectation
        self.actual = actual
    }
}
