import WorkflowEngine

/// Where a process stands, as a scenario names it, with the message that explains it.
struct ObservedOutcome: CustomStringConvertible {
    let status: ProcessOutcome
    let message: String?

    var description: String { status.rawValue + (message.map { ": \($0)" } ?? "") }
}

extension ScenarioWorld {
    func outcome(of record: ProcessRecord) -> ObservedOutcome {
        if let refusal = record.refusal { return ObservedOutcome(status: .refused, message: refusal) }
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

    func detail(of record: ProcessRecord) -> ProcessDetail? {
        record.processID.flatMap { try? processDetail($0) }
    }

    /// The subscription the process created or acted on (remembered by the play once known:
    /// reading a process detail parses every step's state).
    func subscriptionID(of record: ProcessRecord) -> String? {
        if let known = record.subscriptionID { return known }
        guard let detail = detail(of: record) else { return nil }
        return detail.subscriptions.first ?? detail.currentState["subscription_id"]?.stringValue
    }
}
