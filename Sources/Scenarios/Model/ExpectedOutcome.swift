/// What a process must end in after an action (`expect:`), optionally with a message pattern.
public struct ExpectedOutcome: Sendable, Hashable, CustomStringConvertible {
    public var status: ScenarioOutcome
    /// A regular expression the failure or validation message must contain a match of.
    public var messagePattern: String?

    public init(_ status: ScenarioOutcome, messagePattern: String? = nil) {
        self.status = status
        self.messagePattern = messagePattern
    }

    /// Whether a process that ended in `status` with `message` meets this expectation.
    public func isMet(by status: ScenarioOutcome, message: String?) -> Bool {
        guard status == self.status else { return false }
        guard let messagePattern else { return true }
        guard let message, let regex = try? Regex(messagePattern) else { return false }
        return message.contains(regex)
    }

    public var description: String {
        messagePattern.map { "\(status.rawValue) matching /\($0)/" } ?? status.rawValue
    }
}

/// Where a process stands after an action.
public enum ScenarioOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case completed
    /// Waiting at an input step.
    case suspended
    case failed
    /// The engine refused to start it: a form validation error.
    case refused
    case aborted
}
