import Catalogues
import NetBoxSim
import RouterSim
import WorkflowEngine

/// The workflow engine a scenario plays against: OrchLab's own, in the scenario's world
/// (`EmbeddedOrchestrator`), or an external orchestrator driven over its REST API (the
/// `OrchestratorDriver` module). A play only starts, resumes, retries and aborts processes and
/// reads what they did through this.
public protocol ScenarioOrchestrator {
    /// The workflow called `name`, or nil when the orchestrator has none.
    func workflow(named name: String) throws -> OrchestratedWorkflow?
    /// The id of the product whose create workflow is `workflow` (the first page of a create).
    func productID(creating workflow: String) throws -> String
    /// Starts `workflow` with its form pages; throws `OrchestratorRefusal` when the forms refuse
    /// them. Returns once the process stopped moving (finished, suspended, failed).
    func start(_ workflow: String, pages: [JSON], user: String) throws -> ProcessOutcome
    func resume(_ processID: String, pages: [JSON], user: String) throws -> ProcessStatus
    func retry(_ processID: String, user: String) throws -> ProcessStatus
    func abort(_ processID: String, user: String) throws -> ProcessStatus
    /// The input step a suspended process waits at and its form page, or nil.
    func pendingForm(_ processID: String) throws -> PendingForm?
    func progress(_ processID: String) throws -> ProcessProgress
    /// The process's step log, oldest row first.
    func stepLog(_ processID: String) throws -> [LoggedStep]
    /// The subscription the process created or acted on first.
    func subscriptionID(ofProcess processID: String) throws -> String?
    /// Every subscription, oldest id first, with its lifecycle status.
    func subscriptions() throws -> [(id: String, status: String)]
    /// A subscription's domain model as `GET /api/subscriptions/domain-model/{id}` shows it.
    func domainModel(_ subscriptionID: String) throws -> JSON
    /// How the simulated engineer reads this orchestrator's input steps.
    var engineer: EngineerPolicy { get }
}

/// An orchestrator outside OrchLab. Before each scenario it is given that scenario's world,
/// reset to its topology, to serve to the orchestrator as its NetBox and routers.
public protocol ExternalOrchestrator: ScenarioOrchestrator, Sendable {
    /// Serves `netbox` (NetBox calls counted and failed through `faults`) and `fleet`, and
    /// clears what earlier scenarios left in the orchestrator unless told to keep it.
    func attach(netbox: NetBox, fleet: Fleet, faults: FaultInjector) throws
    /// What the orchestrator is, for reports: its URL.
    var name: String { get }
}

/// What a scenario needs to know of a workflow before starting it.
public struct OrchestratedWorkflow: Sendable, Hashable {
    public let name: String
    public let target: Target
    public let isTask: Bool

    public init(name: String, target: Target, isTask: Bool) {
        self.name = name
        self.target = target
        self.isTask = isTask
    }
}

/// Where a process stands.
public struct ProcessProgress: Sendable, Hashable {
    public let status: ProcessStatus
    public let lastStep: String?
    /// Why a failed or waiting process stopped.
    public let failedReason: String?

    public init(status: ProcessStatus, lastStep: String?, failedReason: String?) {
        self.status = status
        self.lastStep = lastStep
        self.failedReason = failedReason
    }
}

/// A suspended process's input step and the form page (JSON Schema) it shows.
public struct PendingForm: Sendable {
    public let step: String
    public let form: JSON

    public init(step: String, form: JSON) {
        self.step = step
        self.form = form
    }
}

/// The orchestrator refused to start or resume a process (a form error, an unknown workflow);
/// the description is what a scenario reports as the refusal.
public struct OrchestratorRefusal: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
