import Catalogues
import SQLite
import WorkflowEngine

/// OrchLab's own engine in a scenario's world, with the world's catalogue registered. It reads
/// the engine of the moment, so a play carries on after the world recovered a killed engine.
struct EmbeddedOrchestrator: ScenarioOrchestrator {
    unowned let world: ScenarioWorld

    private var engine: Engine { world.engine }

    func workflow(named name: String) throws -> OrchestratedWorkflow? {
        engine.workflows().first { $0.name == name }.map { OrchestratedWorkflow(name: $0.name, target: $0.target, isTask: $0.isTask) }
    }

    func productID(creating workflow: String) throws -> String {
        try world.registered.product(for: workflow).snapshot.productID
    }

    func start(_ workflow: String, pages: [JSON], user: String) throws -> ProcessOutcome {
        try engine.start(workflow, inputs: pages, user: user)
    }

    func resume(_ processID: String, pages: [JSON], user: String) throws -> ProcessStatus {
        try engine.resume(processID, inputs: pages, user: user).status
    }

    func retry(_ processID: String, user: String) throws -> ProcessStatus {
        try engine.retry(processID, user: user).status
    }

    func abort(_ processID: String, user: String) throws -> ProcessStatus {
        try engine.abort(processID, user: user).status
    }

    func pendingForm(_ processID: String) throws -> PendingForm? {
        try engine.pendingInput(processID).map { PendingForm(step: $0.step, form: $0.form) }
    }

    func progress(_ processID: String) throws -> ProcessProgress {
        let detail = try engine.process(processID)
        return ProcessProgress(status: detail.lastStatus, lastStep: detail.lastStep, failedReason: detail.failedReason)
    }

    /// Read from the engine's table: the process detail would parse every row's full state to
    /// give the same names and statuses.
    func stepLog(_ processID: String) throws -> [LoggedStep] {
        let rows = try world.database.query("SELECT name, status, state FROM process_steps WHERE process_id = ? ORDER BY seq",
                                            [.text(processID)]) { row in (row.string(0), row.string(1), row.string(2)) }
        return rows.map { name, status, state in
            let status = StepStatus(rawValue: status) ?? .failed
            let failed = status == .failed || status == .waiting
            return LoggedStep(name: name, status: status, error: failed ? (try? JSON.parse(state))?["error"]?.stringValue : nil)
        }
    }

    /// Read from the process-subscription links: a process detail would parse every step's state.
    func subscriptionID(ofProcess processID: String) throws -> String? {
        try world.database.queryOne(
            "SELECT subscription_id FROM processes_subscriptions WHERE process_id = ? ORDER BY created_at, subscription_id",
            [.text(processID)]) { $0.string(0) }
    }

    func subscriptions() throws -> [(id: String, status: String)] {
        try world.database.query("SELECT subscription_id, status FROM subscriptions ORDER BY subscription_id") { ($0.string(0), $0.string(1)) }
    }

    func domainModel(_ subscriptionID: String) throws -> JSON {
        try engine.subscription(subscriptionID)
    }

    var engineer: EngineerPolicy { world.catalogue.engineer }
}
