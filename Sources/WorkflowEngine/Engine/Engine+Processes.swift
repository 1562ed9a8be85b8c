import Foundation
import SQLite

extension Engine {
    /// Starts a workflow with the posted form pages. Throws `FormError.notComplete` (with the next
    /// page's schema) or `.invalid` before anything is stored; otherwise runs the process until it
    /// completes, suspends, waits or fails.
    @discardableResult
    public func start(_ workflowName: String, inputs: [JSON] = [], user: String = "SYSTEM") throws -> ProcessOutcome {
        let workflow = try core.workflow(workflowName)
        let processID = core.ids.next()
        let initial: [String: JSON] = [
            "process_id": .string(processID), "reporter": .string(user),
            "workflow_name": .string(workflow.name), "workflow_target": .string(workflow.target.rawValue),
        ]
        let answers = try core.startForm(for: workflow).run(state: State(initial), inputs: inputs)
        let state = State(answers).merging(initial)
        let now = core.timestamp()
        // In flight from before its row exists, so a deletion never removes it under the run.
        let status = try core.exclusively(processID) {
            try storage {
                try core.database.transaction {
                    if workflow.target != .create, !workflow.isTask, let subscriptionID = state["subscription_id"]?.stringValue {
                        if let reason = try core.startBlocker(workflow, subscriptionID: subscriptionID, processID: processID) {
                            throw EngineError.cannotStart(workflow: workflow.name, subscriptionID: subscriptionID, reason: reason.text)
                        }
                        try core.processes.link(processID: processID, subscriptionID: subscriptionID, at: now)
                    }
                    try core.processes.insert(ProcessRow(
                        processID: processID, workflowName: workflow.name, target: workflow.target, isTask: workflow.isTask,
                        createdBy: user, assignee: "SYSTEM", lastStatus: .created, lastStep: nil, failedReason: nil,
                        traceback: nil, startedAt: now, lastModifiedAt: now))
                    try core.processes.recordInput(processID: processID, state.json, at: now, type: "initial_state")
                }
            }
            return try core.run(workflow, processID: processID, state: state, from: 0, user: user)
        }
        return ProcessOutcome(processID: processID, status: status)
    }

    /// `start` with the pages as JSON text (a list of objects); malformed text is a typed error.
    @discardableResult
    public func start(_ workflowName: String, json: String, user: String = "SYSTEM") throws -> ProcessOutcome {
        try start(workflowName, inputs: Engine.pages(json), user: user)
    }

    /// Resumes a suspended process with the input step's answers (validated before anything
    /// moves), or retries a failed/waiting one from its last successful state.
    @discardableResult
    public func resume(_ processID: String, inputs: [JSON] = [], user: String = "SYSTEM") throws -> ProcessOutcome {
        let row = try core.processRow(processID)
        guard row.lastStatus.isResumable else { throw EngineError.notResumable(processID: processID, status: row.lastStatus) }
        let workflow = try core.workflow(row.workflowName)
        return try core.exclusively(processID) {
            let point = try core.recoveryPoint(processID)
            let steps = workflow.steps.steps
            guard point.position < steps.count else {
                throw EngineError.stepListMismatch(processID: processID, detail: "no step at position \(point.position)")
            }
            let step = steps[point.position]
            var state = point.state
            var next = point.position
            if row.lastStatus == .suspended {
                guard let form = step.form else {
                    throw EngineError.stepListMismatch(processID: processID, detail: "step '\(step.name)' is not an input step")
                }
                let answers = try form.run(state: state, inputs: inputs.isEmpty ? [[:]] : inputs)
                state = state.deepMerging(answers)
                try core.claimAndLog(processID, from: .suspended, step: step, position: next, state: state, user: user,
                                     input: (.object(answers), "user_input"))
                next += 1
            } else if row.lastStatus == .awaitingCallback {
                try core.claimAndLog(processID, from: .awaitingCallback, step: step, position: next, state: state, user: user, input: nil)
                next += 1
            } else {
                _ = try Form.pages(FormPage(title: "Retry", fields: [])).run(state: state, inputs: inputs.isEmpty ? [[:]] : inputs)
                try storage {
                    guard try core.processes.claim(processID, from: [row.lastStatus], at: core.timestamp()) else {
                        throw EngineError.alreadyRunning(processID)
                    }
                }
                next = max(0, next - step.retryRewind)
            }
            let status = try core.run(workflow, processID: processID, state: state, from: next, user: user)
            return ProcessOutcome(processID: processID, status: status)
        }
    }

    /// Retries a failed or waiting process (re-runs the failed step from the last successful state).
    @discardableResult
    public func retry(_ processID: String, user: String = "SYSTEM") throws -> ProcessOutcome {
        try resume(processID, inputs: [], user: user)
    }

    /// Aborts a process: runs the workflow's cleanup steps, logs a "User Aborted" row, and puts
    /// the subscriptions it locked back in sync (recorded in that row's state).
    @discardableResult
    public func abort(_ processID: String, user: String = "SYSTEM") throws -> ProcessOutcome {
        let row = try core.processRow(processID)
        guard !row.lastStatus.isFinished else { throw EngineError.cannotAbort(processID: processID, status: row.lastStatus) }
        let workflow = try core.workflow(row.workflowName)
        return try core.exclusively(processID) {
            // Read again once held: a deletion may have come between (cleanup rows would be orphans).
            let row = try core.processRow(processID)
            guard !row.lastStatus.isFinished else { throw EngineError.cannotAbort(processID: processID, status: row.lastStatus) }
            var state = try core.recoveryPoint(processID).state
            state = try core.runCleanup(workflow, processID: processID, state: state, user: user)
            let started = core.timestamp()
            try storage {
                try core.database.transaction {
                    var resynced: [JSON] = []
                    for subscriptionID in try core.processes.linkedSubscriptions(processID)
                    where try core.subscriptions.summary(subscriptionID)?.insync == false {
                        try core.subscriptions.setInsync(subscriptionID, true)
                        resynced.append(.string(subscriptionID))
                    }
                    let logged = state.merging(["__resynced_on_abort": .array(resynced)])
                    let abortRow = core.makeRow(-1, "User Aborted", .abort, logged.json.serialized(), started, user)
                    try core.processes.append(processID: processID, abortRow)
                    try core.processes.update(processID, status: .aborted, lastStep: "User Aborted", at: abortRow.completedAt)
                }
            }
            return ProcessOutcome(processID: processID, status: .aborted)
        }
    }

    /// Delivers an external result to a process awaiting a callback; the token must be the one
    /// the callback step handed out. The result is stored under the step's result key.
    @discardableResult
    public func postCallback(processID: String, token: String, result: JSON) throws -> ProcessOutcome {
        let row = try core.processRow(processID)
        guard row.lastStatus == .awaitingCallback else {
            throw EngineError.notAwaitingCallback(processID: processID, status: row.lastStatus)
        }
        let workflow = try core.workflow(row.workflowName)
        return try core.exclusively(processID) {
            let point = try core.recoveryPoint(processID)
            guard point.state["__callback_token"]?.stringValue == token else {
                throw EngineError.invalidCallbackToken(processID: processID)
            }
            let step = workflow.steps.steps[point.position]
            guard case .awaitCallback(let resultKey, _) = step.kind else {
                throw EngineError.stepListMismatch(processID: processID, detail: "step '\(step.name)' does not await a callback")
            }
            let state = point.state.merging([resultKey: result]).removing(["__callback_timeout"])
            try core.claimAndLog(processID, from: .awaitingCallback, step: step, position: point.position, state: state,
                                 user: "SYSTEM", input: (result, "callback"))
            let status = try core.run(workflow, processID: processID, state: state, from: point.position + 1, user: "SYSTEM")
            return ProcessOutcome(processID: processID, status: status)
        }
    }

    /// Fails every process whose callback is overdue by the engine clock; returns their ids.
    @discardableResult
    public func expireCallbacks() throws -> [String] {
        let now = core.clock.now()
        var expired: [String] = []
        for row in try storage({ try core.processes.processes(statuses: [.awaitingCallback]) }) {
            let workflow = try core.workflow(row.workflowName)
            do {
                let didExpire = try core.exclusively(row.processID) {
                    // Re-read under exclusion: a callback may have arrived since the listing.
                    guard try core.processRow(row.processID).lastStatus == .awaitingCallback else { return false }
                    let point = try core.recoveryPoint(row.processID)
                    guard let deadline = point.state["__callback_timeout"]?.stringValue.flatMap(Timestamp.date), deadline <= now,
                          let last = point.lastRow else { return false }
                    _ = try core.recordFailure(CallbackTimeout(deadline: Timestamp.string(deadline)), row.processID, last.position,
                                               workflow.steps.steps[last.position], false, Timestamp.string(now), "SYSTEM")
                    return true
                }
                if didExpire { expired.append(row.processID) }
            } catch EngineError.alreadyRunning {
                continue
            }
        }
        return expired
    }

    /// Retries every `waiting` process (the reference's scheduled resume task).
    @discardableResult
    public func retryWaiting() throws -> [ProcessOutcome] {
        try storage { try core.processes.processes(statuses: [.waiting]) }.map { try retry($0.processID) }
    }

    /// Resumes processes left `created`, `running` or `resumed` by a worker that died (not run by
    /// this engine now), from their last committed step.
    @discardableResult
    public func recoverInterrupted() throws -> [ProcessOutcome] {
        let rows = try storage { try core.processes.processes(statuses: [.created, .running, .resumed]) }
        var outcomes: [ProcessOutcome] = []
        for row in rows where !core.inFlight.withLock({ $0.contains(row.processID) }) {
            let workflow = try core.workflow(row.workflowName)
            let outcome = try core.exclusively(row.processID) {
                let point = try core.recoveryPoint(row.processID)
                guard try storage({ try core.processes.claim(row.processID, from: [row.lastStatus], at: core.timestamp()) }) else {
                    throw EngineError.alreadyRunning(row.processID)
                }
                let status = try core.run(workflow, processID: row.processID, state: point.state, from: point.position, user: row.createdBy)
                return ProcessOutcome(processID: row.processID, status: status)
            }
            outcomes.append(outcome)
        }
        return outcomes
    }

    static func pages(_ json: String) throws -> [JSON] {
        let parsed: JSON
        do {
            parsed = try JSON.parse(json)
        } catch {
            throw EngineError.malformedInput(error.description)
        }
        guard case .array(let pages) = parsed else { throw EngineError.malformedInput("expected a JSON list of pages, got \(parsed.typeName)") }
        return pages
    }
}

/// The failure recorded when a callback does not arrive in time.
public struct CallbackTimeout: Error, CustomStringConvertible {
    public let deadline: String
    public var description: String { "Callback did not arrive before \(deadline)" }
}

extension EngineCore {
    func processRow(_ processID: String) throws -> ProcessRow {
        guard let row = try storage({ try processes.process(processID) }) else { throw EngineError.unknownProcess(processID) }
        return row
    }

    /// Claims a parked process and logs its parked step `success` with the new state, in one transaction.
    func claimAndLog(_ processID: String, from status: ProcessStatus, step: Step, position: Int, state: State, user: String,
                     input: (JSON, String)?) throws {
        let started = timestamp()
        try storage {
            try database.transaction {
                guard try processes.claim(processID, from: [status], at: started) else { throw EngineError.alreadyRunning(processID) }
                if let (value, type) = input { try processes.recordInput(processID: processID, value, at: started, type: type) }
                let row = makeRow(position, step.name, .success, state.json.serialized(), started, user)
                try processes.append(processID: processID, row)
                try processes.update(processID, status: .running, lastStep: step.name, at: row.completedAt)
            }
        }
    }

    /// Runs a workflow's cleanup steps (logged like other steps, outside the step positions);
    /// a failing cleanup step is logged and the rest still run.
    func runCleanup(_ workflow: Workflow, processID: String, state initial: State, user: String) throws -> State {
        var state = initial
        for step in workflow.cleanup.steps {
            guard case .run(let body, _) = step.kind else { continue }
            let startedAt = clock.now()
            let started = Timestamp.string(startedAt)
            do {
                let context = StepContext(state: state, processID: processID, stepName: step.name, now: startedAt, core: self)
                let update = try body(context)
                var encoding = StateEncoding(ids: ids)
                let next = state.merging(try update.encode(&encoding))
                let row = makeRow(-1, step.name, .success, next.json.serialized(), started, user)
                try storage {
                    try database.transaction {
                        try save(encoding.models)
                        try processes.append(processID: processID, row)
                    }
                }
                state = next
            } catch {
                let row = makeRow(-1, step.name, .failed, EngineCore.errorState(error).serialized(), started, user)
                try storage { try processes.append(processID: processID, row) }
            }
        }
        return state
    }
}
