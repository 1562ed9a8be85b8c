/// What a workflow does to a subscription; decides its standard steps, its first form page and
/// in which subscription states it may start.
public enum Target: String, Codable, Sendable, CaseIterable {
    case create = "CREATE", modify = "MODIFY", terminate = "TERMINATE", system = "SYSTEM", validate = "VALIDATE"

    /// Lifecycles a subscription must be in for a workflow of this target to start (reference defaults).
    var defaultUsableStatuses: Set<Lifecycle> {
        switch self {
        case .create: []
        case .modify, .system, .validate: [.active]
        case .terminate: [.active, .provisioning]
        }
    }
}

/// A named, registered list of steps with an optional initial form.
public struct Workflow: Sendable {
    public let name: String
    public let description: String
    public let target: Target
    public let steps: StepList
    /// The workflow's own pages; the engine puts the product page (create) or the
    /// `subscription_id` page (other targets) in front.
    public let initialForm: Form?
    /// Steps run when the process is aborted, before the abort is logged (cleanup for #1773).
    public let cleanup: StepList
    public let isTask: Bool
    /// Overrides the target's default start statuses (the reference's WF_USABLE_MAP).
    public let usableStatuses: Set<Lifecycle>?

    public init(name: String, description: String, target: Target, initialForm: Form? = nil, cleanup: StepList = [],
                isTask: Bool = false, usableStatuses: Set<Lifecycle>? = nil, steps: StepList) {
        self.name = name
        self.description = description
        self.target = target
        self.steps = steps
        self.initialForm = initialForm
        self.cleanup = cleanup
        self.isTask = isTask
        self.usableStatuses = usableStatuses
    }

    var startStatuses: Set<Lifecycle> { usableStatuses ?? target.defaultUsableStatuses }
}

/// A workflow with exactly the steps given (no standard steps added), like the reference's `@workflow`.
public func workflow(_ name: String, _ description: String, target: Target, initialForm: Form? = nil,
                     cleanup: StepList = [], isTask: Bool = false,
                     @StepListBuilder steps: () -> StepList) -> Workflow {
    Workflow(name: name, description: description, target: target, initialForm: initialForm, cleanup: cleanup,
             isTask: isTask, steps: steps())
}
