import Foundation
import SQLite

/// Runs a process's steps. Each step's code runs with no transaction open (it may call external
/// systems that write to the same database file through their own connection); what it returns
/// — saved models, process links, its log row and the process row — is then written in ONE
/// transaction. A throw writes only the failure row. So the engine's own writes happen exactly
/// once, and after a crash the process resumes after its last committed step.
extension EngineCore {
    /// Where a process stands: the index of its next step and the state to run it with.
    struct RecoveryPoint {
        let position: Int
        let state: State
        let lastRow: StepRow?

        /// Where a run picks up: the step after the last one that cleared, or the first.
        static func position(after lastCleared: StepRow?) -> Int {
            lastCleared.map { $0.position + 1 } ?? 0
        }
    }

    func run(_ workflow: Workflow, processID: String, state initial: State, from start: Int, user: String) throws -> ProcessStatus {
        var state = initial
        var text = StateText(initial)
        var position = start
        // The first row of this run sets `running` and clears any earlier failure on the process
        // row; later rows leave it alone until the status changes.
        var rowIsRunning = false
        let steps = workflow.steps.steps
        while position < steps.count {
            if position > start, store.stopsAtStepBoundary(processID, position) { throw StepBoundaryStop(processID: processID) }
            let step = steps[position]
            let startedAt = clock.now()
            let started = Timestamp.string(startedAt)
            if let condition = step.condition, !condition(state) {
                try commit(processID, position, step, .skipped, text.text, started, user, process: .running)
                rowIsRunning = true
                position += 1
                continue
            }
            switch step.kind {
            case .input:
                try commit(processID, position, step, .suspend, text.text, started, user, process: .suspended, assignee: step.assignee)
                return .suspended
            case .awaitCallback(_, let timeout):
                var waiting = text
                if let timeout {
                    waiting = text.merging(["__callback_timeout": .string(Timestamp.string(startedAt + timeout))])
                }
                try commit(processID, position, step, .awaitingCallback, waiting.text, started, user, process: .awaitingCallback)
                return .awaitingCallback
            case .done:
                try commit(processID, position, step, .complete, text.text, started, user, process: .completed)
                return .completed
            case .run(let body, let retryable):
                let context = StepContext(state: state, processID: processID, stepName: step.name, now: startedAt, core: self)
                do {
                    state = try execute(body, context, &text, processID, position, step, started, user, rowIsRunning: rowIsRunning)
                    rowIsRunning = true
                    position += 1
                } catch let error as EngineError {
                    if case .storage = error { throw error }
                    return try recordFailure(error, processID, position, step, retryable, started, user)
                } catch {
                    return try recordFailure(error, processID, position, step, retryable, started, user)
                }
            }
        }
        return .running
    }

    /// Runs a step's code and commits what it returned; `text` becomes the new state's text only
    /// once that commit succeeded.
    private func execute(_ body: Step.Body, _ context: StepContext, _ text: inout StateText, _ processID: String,
                         _ position: Int, _ step: Step, _ started: String, _ user: String, rowIsRunning: Bool) throws -> State {
        let update = try body(context)
        var encoding = StateEncoding(ids: ids)
        let values = try update.encode(&encoding)
        let state = context.state.merging(values)
        var next = text.merging(values)
        let row = makeRow(position, step.name, .success, next.text, started, user)
        try database.transaction {
            try save(encoding.models)
            for subscriptionID in update.linkedSubscriptions {
                try processes.link(processID: processID, subscriptionID: subscriptionID, at: row.completedAt)
            }
            try processes.append(processID: processID, row)
            // Once the row says `running`, reads take the last step from the log (ProcessStore).
            if !rowIsRunning {
                try processes.update(processID, status: .running, lastStep: step.name, at: row.completedAt)
            }
        }
        text = next
        return state
    }

    func commit(_ processID: String, _ position: Int, _ step: Step, _ status: StepStatus, _ stateText: String, _ started: String,
                _ user: String, process: ProcessStatus, assignee: String? = nil) throws {
        let row = makeRow(position, step.name, status, stateText, started, user)
        try storage {
            try database.transaction {
                try processes.append(processID: processID, row)
                try processes.update(processID, status: process, lastStep: step.name, at: row.completedAt, assignee: assignee)
            }
        }
    }

    func makeRow(_ position: Int, _ name: String, _ status: StepStatus, _ state: String, _ started: String,
                 _ user: String) -> StepRow {
        StepRow(seq: 0, stepID: ids.next(), position: position, name: name, status: status, state: state, createdBy: user,
                startedAt: started, completedAt: timestamp(), retries: 0, completedHistory: "[]")
    }

    /// Logs a failed (or, for retry steps, waiting) row whose state is the error, and puts the
    /// error on the process row. A failure identical to the previous row only bumps its retry count.
    func recordFailure(_ error: any Error, _ processID: String, _ position: Int, _ step: Step, _ retryable: Bool,
                       _ started: String, _ user: String) throws -> ProcessStatus {
        if let sqlite = error as? SQLiteError, sqlite.isReadOnly || sqlite.isNotADatabase { throw EngineError.wrapping(sqlite) }
        let status: StepStatus = retryable ? .waiting : .failed
        let processStatus: ProcessStatus = retryable ? .waiting : .failed
        let errorState = EngineCore.errorState(error)
        let text = errorState.serialized()
        let completed = timestamp()
        try storage {
            try database.transaction {
                if let last = try processes.lastStep(processID), last.name == step.name, last.status == status, last.state == text {
                    var history = (try? JSON.parse(last.completedHistory).arrayValue) ?? []
                    history.append(.string(last.completedAt))
                    try processes.recordRetry(seq: last.seq, completedAt: completed, history: JSON.array(history).serialized())
                } else {
                    try processes.append(processID: processID, makeRow(position, step.name, status, text, started, user))
                }
                try processes.update(processID, status: processStatus, lastStep: step.name, at: completed,
                                     failedReason: errorState["error"]?.stringValue, traceback: String(reflecting: error))
            }
        }
        return processStatus
    }

    /// The reference's ErrorDict: `class`, `error`, and `details` when the error says more.
    static func errorState(_ error: any Error) -> JSON {
        var object: [String: JSON] = [
            "class": .string(String(describing: type(of: error))),
            "error": .string(String(describing: error)),
        ]
        if let form = error as? FormError, !form.validationErrors.isEmpty {
            object["details"] = .array(form.validationErrors.map { .string($0.description) })
        }
        return .object(object)
    }

    /// Positional recovery from the step log: after the last cleared row; the state is that of a
    /// trailing suspend/awaiting row, else of the last cleared row, else the initial state.
    func recoveryPoint(_ processID: String) throws -> RecoveryPoint {
        let (last, lastCleared) = try processes.recoveryRows(processID)
        let stateText: String
        if let last, last.status == .suspend || last.status == .awaitingCallback {
            stateText = last.state
        } else if let lastCleared {
            stateText = lastCleared.state
        } else {
            guard let initial = try processes.inputs(processID).first(where: { $0.type == "initial_state" }) else {
                throw EngineError.storage("process \(processID) has no initial state", code: "corrupt")
            }
            stateText = initial.state
        }
        guard case .object(let object) = try JSON.parse(stateText) else {
            throw EngineError.storage("state of process \(processID) is not an object", code: "corrupt")
        }
        return RecoveryPoint(position: RecoveryPoint.position(after: lastCleared), state: State(object), lastRow: last)
    }

    /// Marks a process as being run by this engine for the duration of `body`.
    func exclusively<T>(_ processID: String, _ body: () throws -> T) throws -> T {
        let inserted = inFlight.withLock { $0.insert(processID).inserted }
        guard inserted else { throw EngineError.alreadyRunning(processID) }
        defer { _ = inFlight.withLock { $0.remove(processID) } }
        return try body()
    }
}
