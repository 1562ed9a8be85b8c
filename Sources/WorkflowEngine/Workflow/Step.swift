/// One named step of a workflow. Make steps with `step`, `retryStep`, `inputStep`,
/// `callbackStep`; wrap them with `conditional`; list them in a `@StepListBuilder` block.
public struct Step: Sendable {
    public typealias Body = @Sendable (StepContext) throws -> StateUpdate

    enum Kind: Sendable {
        /// Runs code; a throw fails the process, or makes it `waiting` when `retryable`.
        case run(Body, retryable: Bool)
        /// Suspends the process with a form; resuming posts the answers.
        case input(Form)
        /// Parks the process until `Engine.postCallback` delivers a result (or the timeout passes).
        case awaitCallback(resultKey: String, timeoutSeconds: Double?)
        /// Completes the process.
        case done
    }

    public let name: String
    public let assignee: String
    let kind: Kind
    let condition: (@Sendable (State) -> Bool)?
    /// How many steps back a retry of this step starts: a callback's wait and validation retry
    /// from its action, which issues a new token (as the reference re-runs the whole group).
    var retryRewind = 0

    init(name: String, kind: Kind, assignee: String = "SYSTEM", condition: (@Sendable (State) -> Bool)? = nil) {
        self.name = name
        self.kind = kind
        self.assignee = assignee
        self.condition = condition
    }

    func retrying(from stepsBack: Int) -> Step {
        var copy = self
        copy.retryRewind = stepsBack
        return copy
    }

    /// The pending form when this is an input step.
    public var form: Form? {
        if case .input(let form) = kind { return form }
        return nil
    }

    func guarded(by predicate: @escaping @Sendable (State) -> Bool) -> Step {
        let existing = condition
        return Step(name: name, kind: kind, assignee: assignee) { state in
            (existing?(state) ?? true) && predicate(state)
        }.retrying(from: retryRewind)
    }
}

/// A step that runs `body`; if it throws, the process fails at this step and can be retried.
public func step(_ name: String, _ body: @escaping Step.Body) -> Step {
    Step(name: name, kind: .run(body, retryable: false))
}

/// A step whose failure makes the process `waiting` instead of `failed`, to be retried later
/// (`Engine.retryWaiting()`, or `retry` by hand).
public func retryStep(_ name: String, _ body: @escaping Step.Body) -> Step {
    Step(name: name, kind: .run(body, retryable: true))
}

/// A step that suspends the process until someone posts the form's answers, which are
/// deep-merged into the state. The form is replayed (it must be free of side effects).
public func inputStep(_ name: String, assignee: String = "SYSTEM",
                      form: @escaping @Sendable (FormContext) throws -> [String: JSON]) -> Step {
    Step(name: name, kind: .input(Form(form)), assignee: assignee)
}

/// Runs `steps` only when `predicate` holds for the state at the time each step is reached;
/// skipped steps are logged `skipped` with the state unchanged.
public func conditional(_ predicate: @escaping @Sendable (State) -> Bool,
                        @StepListBuilder _ steps: () -> StepList) -> StepList {
    StepList(steps().steps.map { $0.guarded(by: predicate) })
}
