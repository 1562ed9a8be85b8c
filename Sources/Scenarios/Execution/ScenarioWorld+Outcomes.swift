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
        guard let id = record.processID, let detail = try? progress(id) else {
            return ObservedOutcome(status: .failed, message: "the process was never created")
        }
        switch detail.status {
        case .completed: return ObservedOutcome(status: .completed, message: nil)
        case .aborted: return ObservedOutcome(status: .aborted, message: nil)
        case .suspended, .awaitingCallback:
            return ObservedOutcome(status: .suspended, message: record.engineerNote ?? detail.lastStep.map { "waiting at '\($0)'" })
        case .failed, .waiting:
            return ObservedOutcome(status: .failed, message: detail.failedReason)
        case .created, .running, .resumed:
            return ObservedOutcome(status: .failed, message: "left \(detail.status.rawValue) at '\(detail.lastStep ?? "start")'")
        }
    }

    /// The subscription the process created or acted on, remembered by the play once known.
    func subscriptionID(of record: ProcessRecord) -> String? {
        if let known = record.subscriptionID { return known }
        guard let id = record.processID else { return nil }
        return try? orchestrator.subscriptionID(ofProcess: id)
    }

    /// The process's step log, oldest row first.
    func stepLog(of record: ProcessRecord) -> [LoggedStep] {
        guard let id = record.processID else { return [] }
        return (try? orchestrator.stepLog(id)) ?? []
    }
}
