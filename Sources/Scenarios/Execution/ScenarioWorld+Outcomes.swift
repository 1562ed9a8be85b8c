import WorkflowEngine

/// Where a process stands, as a scenario names it, with the message that explains it.
struct ObservedOutcome: CustomStringConvertible {
    let status: ScenarioOutcome
    let message: String?

    var description: String { status.rawValue + (message.map { ": \($0)" } ?? "") }
}

extension ScenarioWorld {
    func outcome(of record: ProcessRecord) -> ObservedOutcome {
        if let refusal = record.refusal { return ObservedOutcome(status: .refused, message: refusal) }
        // Finished processes need no message: skip reading the detail.
        if record.status == .completed { return ObservedOutcome(status: .completed, message: nil) }
        if record.status == .aborted { return ObservedOutcome(status: .aborted, message: nil) }
        guard let id = record.processID, let detail = try? processDetail(id) else {
            return ObservedOutcome(status: .failed, message: "the process was never created")
        }
        switch detail.lastStatus {
        case .completed: return ObservedOutcome(status: .completed, message: nil)
        case .aborted: return ObservedOutcome(status: .aborted, message: nil)
        case .suspended, .awaitingCallback:
            return ObservedOutcome(status: .suspended, message: record.engineerNote ?? detail.lastStep.map { "waiting at '\($0)'" })
        case .failed, .waiting:
            return ObservedOutcome(status: .failed, message: detail.failedReason)
        case .created, .running, .resumed:
            return ObservedOutcome(status: .failed, message: "left \(detail.lastStatus.rawValue) at '\(detail.lastStep ?? "start")'")
        }
    }

    /// The subscription the process created or acted on, remembered by the play once known.
    /// Read from the engine's process-subscription links: a process detail would parse every
    /// step's state.
    func subscriptionID(of record: ProcessRecord) -> String? {
        if let known = record.subscriptionID { return known }
        guard let id = record.processID else { return nil }
        return try? database.queryOne(
            "SELECT subscription_id FROM processes_subscriptions WHERE process_id = ? ORDER BY created_at, subscription_id",
            [.text(id)]) { $0.string(0) }
    }
}

/// One row of a process's step log.
struct LoggedStep {
    let name: String
    let status: StepStatus
    /// The error of a failed or waiting row.
    let error: String?
}

extension ScenarioWorld {
    /// The process's step log, oldest row first, read from the engine's table: the engine's
    /// process detail would parse every row's full state to give the same names and statuses.
    func stepLog(of record: ProcessRecord) -> [LoggedStep] {
        guard let id = record.processID else { return [] }
        let rows = try? database.query("SELECT name, status, state FROM process_steps WHERE process_id = ? ORDER BY seq",
                                       [.text(id)]) { row in (row.string(0), row.string(1), row.string(2)) }
        return (rows ?? []).map { name, status, state in
            let status = StepStatus(rawValue: status) ?? .failed
            let failed = status == .failed || status == .waiting
            return LoggedStep(name: name, status: status, error: failed ? (try? JSON.parse(state))?["error"]?.stringValue : nil)
        }
    }
}
