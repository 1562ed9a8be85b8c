/// One row of a process's step log as the API reports it (plus `pending` entries for steps not
/// yet run).
public struct StepDetail: Codable, Sendable, Equatable {
    public let stepID: String?
    public let name: String
    public let status: StepStatus
    public let createdBy: String?
    public let started: String?
    public let completed: String?
    /// The full state after the step (for failed/waiting rows: the error).
    public let state: JSON
    /// What changed against the previous successful row.
    public let stateDelta: JSON
    public let retries: Int

    enum CodingKeys: String, CodingKey {
        case stepID = "step_id", name, status, createdBy = "created_by", started, completed, state
        case stateDelta = "state_delta", retries
    }
}

/// A process as the API reports it (the reference's ProcessSchema, trimmed).
public struct ProcessDetail: Codable, Sendable, Equatable {
    public let processID: String
    public let workflowName: String
    public let workflowTarget: Target
    public let isTask: Bool
    public let createdBy: String
    public let assignee: String
    public let lastStatus: ProcessStatus
    public let lastStep: String?
    public let failedReason: String?
    public let traceback: String?
    public let startedAt: String
    public let lastModifiedAt: String
    public let subscriptions: [String]
    public let currentState: JSON
    public let steps: [StepDetail]
    /// The pending form's JSON Schema while suspended.
    public let form: JSON?

    enum CodingKeys: String, CodingKey {
        case processID = "process_id", workflowName = "workflow_name", workflowTarget = "workflow_target", isTask = "is_task"
        case createdBy = "created_by", assignee, lastStatus = "last_status", lastStep = "last_step"
        case failedReason = "failed_reason", traceback, startedAt = "started_at", lastModifiedAt = "last_modified_at"
        case subscriptions, currentState = "current_state", steps, form
    }

    /// Executed steps only (no `pending` entries).
    public var executedSteps: [StepDetail] { steps.filter { $0.status != .pending } }

    /// JSON with sorted keys: two runs with the same clock, seed and inputs give the same bytes.
    public func jsonString() throws -> String {
        try JSON(encoding: self).serialized()
    }
}

/// A process in a list.
public struct ProcessSummary: Codable, Sendable, Equatable {
    public let processID: String
    public let workflowName: String
    public let lastStatus: ProcessStatus
    public let lastStep: String?
    public let startedAt: String
    public let lastModifiedAt: String
}

/// A suspended process's input step and the form page it shows.
public struct PendingInput: Sendable {
    public let processID: String
    public let step: String
    public let form: JSON
}

/// One row of a process's step log, without its state (see `Engine.stepLog(_:)`).
public struct LoggedStep: Sendable, Hashable {
    public let name: String
    public let status: StepStatus
    /// The error of a failed or waiting row.
    public let error: String?

    public init(name: String, status: StepStatus, error: String?) {
        self.name = name
        self.status = status
        self.error = error
    }
}
