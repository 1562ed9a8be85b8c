import Catalogues
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
        let row = try engine.processStatus(processID)
        return ProcessProgress(status: row.status, lastStep: row.lastStep, failedReason: row.failedReason)
    }

    func stepLog(_ processID: String) throws -> [LoggedStep] {
        try engine.stepLog(processID)
    }

    func subscriptionID(ofProcess processID: String) throws -> String? {
        try engine.subscriptionIDs(ofProcess: processID).first
    }

    func subscriptions() throws -> [(id: String, status: String)] {
        try engine.subscriptionStatuses()
    }

    func domainModel(_ subscriptionID: String) throws -> JSON {
        try engine.subscription(subscriptionID)
    }

    var engineer: EngineerPolicy { world.catalogue.engineer }
}
