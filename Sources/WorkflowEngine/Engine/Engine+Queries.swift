extension Engine {
    /// Where a process stands, as `process(_:)` gives it, without reading its steps (which parses
    /// every step's state): for callers that poll it between engine calls.
    public func processStatus(_ processID: String) throws -> (status: ProcessStatus, lastStep: String?, failedReason: String?) {
        let row = try core.processRow(processID)
        return (row.lastStatus, row.lastStep, row.failedReason)
    }

    /// The step a resume or a recovery of an unfinished process would run next (the first
    /// pending step of `process(_:)`), without reading any step's state; nil once it is finished
    /// or past its last step.
    public func nextStep(_ processID: String) throws -> String? {
        let row = try core.processRow(processID)
        guard !row.lastStatus.isFinished else { return nil }
        let workflow = try core.workflow(row.workflowName)
        let (_, lastCleared) = try storage { try core.processes.recoveryRows(processID) }
        let position = EngineCore.RecoveryPoint.position(after: lastCleared)
        return position < workflow.steps.count ? workflow.steps.steps[position].name : nil
    }

    /// A process with its step log (state and state delta per row), pending steps, current
    /// state and, while suspended, the pending form.
    public func process(_ processID: String) throws -> ProcessDetail {
        let row = try core.processRow(processID)
        let rows = try storage { try core.processes.steps(processID) }
        var details: [StepDetail] = []
        var previous: [String: JSON] = [:]
        for stepRow in rows {
            let state = (try? JSON.parse(stepRow.state)) ?? .string(stepRow.state)
            let delta = stepRow.status.isCleared || stepRow.status == .suspend || stepRow.status == .abort
                ? Engine.delta(from: previous, to: state.objectValue ?? [:]) : .object([:])
            if stepRow.status.isCleared, let object = state.objectValue { previous = object }
            details.append(StepDetail(stepID: stepRow.stepID, name: stepRow.name, status: stepRow.status,
                                      createdBy: stepRow.createdBy, started: stepRow.startedAt, completed: stepRow.completedAt,
                                      state: state, stateDelta: delta, retries: stepRow.retries))
        }
        var currentState = JSON.object(previous)
        var form: JSON?
        if let workflow = try? core.workflow(row.workflowName) {
            if !row.lastStatus.isFinished, let point = try? core.recoveryPoint(processID) {
                currentState = point.state.json
                for step in workflow.steps.steps.dropFirst(point.position) {
                    details.append(StepDetail(stepID: nil, name: step.name, status: .pending, createdBy: nil, started: nil,
                                              completed: nil, state: .object([:]), stateDelta: .object([:]), retries: 0))
                }
                if row.lastStatus == .suspended, point.position < workflow.steps.count,
                   let pending = workflow.steps.steps[point.position].form {
                    form = Engine.firstPage(of: pending, state: point.state)
                }
            } else if let last = rows.last(where: { $0.status == .complete || $0.status == .abort }) {
                currentState = (try? JSON.parse(last.state)) ?? currentState
            }
        }
        return ProcessDetail(
            processID: row.processID, workflowName: row.workflowName, workflowTarget: row.target, isTask: row.isTask,
            createdBy: row.createdBy, assignee: row.assignee, lastStatus: row.lastStatus, lastStep: row.lastStep,
            failedReason: row.failedReason, traceback: row.traceback, startedAt: row.startedAt,
            lastModifiedAt: row.lastModifiedAt, subscriptions: try storage { try core.processes.linkedSubscriptions(processID) },
            currentState: currentState, steps: details, form: form)
    }

    /// What a suspended process waits for (nil when it is not suspended): its input step and
    /// that step's first form page. The engineer's question at every input step; `process(_:)`
    /// answers it too but parses every logged state on the way.
    public func pendingInput(_ processID: String) throws -> PendingInput? {
        let row = try core.processRow(processID)
        guard row.lastStatus == .suspended else { return nil }
        let workflow = try core.workflow(row.workflowName)
        let point = try core.recoveryPoint(processID)
        guard point.position < workflow.steps.count, let form = workflow.steps.steps[point.position].form,
              let page = Engine.firstPage(of: form, state: point.state)
        else { return nil }
        return PendingInput(processID: processID, step: workflow.steps.steps[point.position].name, form: page)
    }

    /// Processes, oldest first, filtered by status and/or workflow name.
    public func processes(status: Set<ProcessStatus>? = nil, workflow: String? = nil) throws -> [ProcessSummary] {
        try storage { try core.processes.processes(statuses: status, workflow: workflow) }.map { row in
            ProcessSummary(processID: row.processID, workflowName: row.workflowName, lastStatus: row.lastStatus,
                           lastStep: row.lastStep, startedAt: row.startedAt, lastModifiedAt: row.lastModifiedAt)
        }
    }

    /// The processes that worked on subscription `id`, oldest first.
    public func processes(ofSubscription id: String) throws -> [ProcessSummary] {
        let linked = Set(try storage {
            try core.database.query("SELECT process_id FROM processes_subscriptions WHERE subscription_id = ?", [.text(id)]) { $0.string(0) }
        })
        return try processes().filter { linked.contains($0.processID) }
    }

    /// The process's step log, oldest row first: names, statuses and the errors of failed and
    /// waiting rows. Cheaper than `process(_:)`, which parses every row's full state.
    public func stepLog(_ processID: String) throws -> [LoggedStep] {
        try storage {
            try core.database.query("SELECT name, status, state FROM process_steps WHERE process_id = ? ORDER BY seq",
                                    [.text(processID)]) { row in (row.string(0), row.string(1), row.string(2)) }
        }.map { name, status, state in
            let status = StepStatus(rawValue: status) ?? .failed
            let failed = status == .failed || status == .waiting
            return LoggedStep(name: name, status: status, error: failed ? (try? JSON.parse(state))?["error"]?.stringValue : nil)
        }
    }

    /// The subscriptions a process worked on, in the order it linked them.
    public func subscriptionIDs(ofProcess processID: String) throws -> [String] {
        try storage {
            try core.database.query(
                "SELECT subscription_id FROM processes_subscriptions WHERE process_id = ? ORDER BY created_at, subscription_id",
                [.text(processID)]) { $0.string(0) }
        }
    }

    /// Every subscription's id and lifecycle status, oldest id first.
    public func subscriptionStatuses() throws -> [(id: String, status: String)] {
        try storage {
            try core.database.query("SELECT subscription_id, status FROM subscriptions ORDER BY subscription_id") { ($0.string(0), $0.string(1)) }
        }
    }

    /// Every subscription's id, status and version (bumped by each save), by id: compare two
    /// readings to tell whether any subscription changed in between.
    public func subscriptionVersions() throws -> [(id: String, status: String, version: Int)] {
        try storage {
            try core.database.query("SELECT subscription_id, status, version FROM subscriptions ORDER BY subscription_id") {
                ($0.string(0), $0.string(1), $0.int(2))
            }
        }
    }

    static func delta(from old: [String: JSON], to new: [String: JSON]) -> JSON {
        .object(new.filter { old[$0.key] != $0.value })
    }

    static func firstPage(of form: Form, state: State) -> JSON? {
        do {
            _ = try form.run(state: state, inputs: [])
            return nil
        } catch FormError.notComplete(let next) {
            return next.form
        } catch {
            return nil
        }
    }
}
