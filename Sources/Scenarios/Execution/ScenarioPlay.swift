import NetBoxSim
import WorkflowEngine

/// Plays one scenario's actions against its world, in order, and collects the result.
final class ScenarioPlay {
    let scenario: Scenario
    let world: ScenarioWorld
    let injection: ChaosInjection?
    /// Whether the play retries what failed, as an operator would under chaos.
    let retrying: Bool
    private(set) var result: ScenarioResult
    /// Set when a clean play passed a point where a chaos play would have retried.
    private(set) var wouldRetry = false
    /// Called at each point the play can be resumed from (before each action that can move the
    /// engine or call NetBox, and at each round of the engineer's loop inside one); returning
    /// true stops the play there.
    var atPoint: ((PlayPoint) -> Bool)?
    /// Set once `atPoint` stopped the play.
    private(set) var stopped = false
    /// The action being played.
    private(set) var currentAction = 0
    /// Where the engine call in progress returns to, when it is one a replay can finish.
    private var callInProgress: (after: DriveRound, addsRecord: Bool)?

    init(scenario: Scenario, world: ScenarioWorld, injection: ChaosInjection?, retrying: Bool? = nil) {
        self.scenario = scenario
        self.world = world
        self.injection = injection
        self.retrying = retrying ?? (injection != nil)
        result = ScenarioResult(scenario: scenario)
        if world.external == nil {
            // Weak: the world's store keeps the observer, and the play keeps the world.
            let play = WeakPlay(self)
            world.engine.store.observeStepBoundaries { play.value?.stops(between: $0, $1) ?? false }
        }
    }

    /// Plays the actions from index `first` on. Without `reporting` (a chaos replay, which only
    /// its world matters for) assertions are not evaluated and the result gets no timelines,
    /// diffs or snapshot.
    func run(from first: Int = 0, reporting: Bool = true) {
        for (index, action) in scenario.actions.enumerated().dropFirst(first) {
            currentAction = index
            switch action.kind {
            case .assert(let assertion):
                if reporting { result.assertions.append(world.evaluate(assertion)) }
            case .start, .resume, .retry, .abort:
                if stops(at: .action(index)) { return }
                result.actions.append(timed(action))
                if stopped { return }
            case .fault:
                result.actions.append(timed(action))
            }
        }
        if reporting { world.fillReport(&result) }
    }

    /// Plays on from a round of the engineer's loop inside an action (a chaos replay restored from
    /// a checkpoint taken there), then the actions after it, without reporting.
    func run(resuming round: DriveRound) {
        let action = scenario.actions[round.action]
        guard let (engineer, expect) = Self.engineerPlay(of: action) else { return }
        currentAction = round.action
        var record = round.record
        do {
            try drive(&record, play: engineer, resuming: round)
            result.actions.append(outcomeResult(action, record, expect: expect))
        } catch {
            result.actions.append(ActionResult(action: action, status: .failed, message: String(describing: error)))
        }
        if !stopped { run(from: round.action + 1, reporting: false) }
    }

    /// Plays on from between two steps of an engine call (a chaos replay restored from a checkpoint
    /// there): the engine recovers the interrupted process and runs the rest of its steps, as the
    /// call would have, then the play carries on as after the call, without reporting.
    func run(continuing boundary: StepBoundary) {
        let after = boundary.after
        var record = after.record
        guard let id = record.processID else { return }
        currentAction = after.action
        do {
            record.status = try call(returningTo: after, addsRecord: boundary.addsRecord) {
                try engineCall(id) {
                    try self.world.engine.recoverInterrupted().first { $0.processID == id }?.status ?? self.world.progress(id).status
                }
            }
        } catch {
            result.actions.append(ActionResult(action: scenario.actions[after.action], status: .failed, message: String(describing: error)))
            return
        }
        if boundary.addsRecord { world.add(record) }
        run(resuming: DriveRound(action: after.action, round: after.round, first: after.first, retries: after.retries, record: record))
    }

    /// Runs an engine call after which the play enters round `after` of the engineer's loop, so
    /// that between the steps it runs the play is at a `.step` point (see `stops(between:_:)`).
    func call<T>(returningTo after: DriveRound, addsRecord: Bool = false, _ body: () throws -> T) throws -> T {
        callInProgress = (after, addsRecord)
        defer { callInProgress = nil }
        return try body()
    }

    /// The store's step-boundary observer: whether `atPoint` stops the play between two steps of
    /// `processID` inside a call made through `call(returningTo:)`.
    private func stops(between processID: String, _ position: Int) -> Bool {
        guard let call = callInProgress, atPoint != nil else { return false }
        world.forgetProcessDetails(of: processID)  // it has moved since the last boundary
        var record = call.after.record
        guard record.processID == nil || record.processID == processID else { return false }
        record.processID = processID
        let after = DriveRound(action: call.after.action, round: call.after.round, first: call.after.first,
                               retries: call.after.retries, record: record)
        return stops(at: .step(StepBoundary(after: after, addsRecord: call.addsRecord, position: position)))
    }

    /// Whether `atPoint` stops the play at `point` (it stays stopped).
    func stops(at point: PlayPoint) -> Bool {
        if !stopped, atPoint?(point) == true { stopped = true }
        return stopped
    }

    /// The engineer's part and the expected outcome of an action that drives a process.
    private static func engineerPlay(of action: ScenarioAction) -> (EngineerPlay, ExpectedOutcome?)? {
        switch action.kind {
        case .start(let start): (start.engineer, start.expect)
        case .resume(let next), .retry(let next): (next.engineer, next.expect)
        default: nil
        }
    }

    /// Whether to retry now; a play that does not retry notes that it could have.
    func mayRetry(_ attempts: Int) -> Bool {
        guard retrying else {
            wouldRetry = true
            return false
        }
        return attempts < ChaosInjection.retryBudget
    }

    /// `perform` with its wall time (the runner drops it under `--no-timings`).
    private func timed(_ action: ScenarioAction) -> ActionResult {
        let clock = ContinuousClock()
        let start = clock.now
        var performed = perform(action)
        performed.durationSeconds = (clock.now - start).seconds
        return performed
    }

    private func perform(_ action: ScenarioAction) -> ActionResult {
        do {
            switch action.kind {
            case .start(let start): return try self.start(start, action)
            case .resume(let next): return try resume(next, action)
            case .retry(let next): return try retry(next, action)
            case .abort(let name): return try abort(name, action)
            case .fault(let fault): return try inject(fault, action)
            case .assert: return ActionResult(action: action, status: .passed)
            }
        } catch let failure as ActionFailure {
            return ActionResult(action: action, status: failure.notRun ? .notRun : .failed, process: failure.process,
                                message: failure.message)
        } catch {
            return ActionResult(action: action, status: .failed, message: String(describing: error))
        }
    }

    // MARK: processes

    private func start(_ start: StartWorkflow, _ action: ScenarioAction) throws -> ActionResult {
        let name = start.name ?? start.workflow
        var record = ProcessRecord(name: name, workflow: start.workflow)
        let pages: [JSON]
        do {
            let own = try start.pages.map(world.page)
            pages = try standardPages(start, name: name) + (own.isEmpty && isTask(start.workflow) ? [.object([:])] : own)
        } catch let unresolved as UnresolvedReference {
            world.add(ProcessRecord(name: name, workflow: start.workflow, refusal: "not started: \(unresolved)"))
            throw ActionFailure(message: unresolved.description, process: name)
        }
        var attempts = 0
        while true {
            do {
                let call = try self.call(returningTo: returning(to: 0, first: true, retries: 0, record), addsRecord: true) {
                    try engineCall(nil) { try self.world.orchestrator.start(start.workflow, pages: pages, user: ScenarioWorld.user) }
                }
                (record.processID, record.status) = (call.processID, call.status)
                break
            } catch is NetBoxClientError where mayRetry(attempts) {
                attempts += 1  // a chaos fault in the start form's lookups: post the form again
            } catch {
                record.refusal = String(describing: error)
                break
            }
        }
        world.add(record)
        if record.refusal == nil { try drive(&record, play: start.engineer) }
        return outcomeResult(action, record, expect: start.expect)
    }

    /// The pages the engine puts first: the product (create), the subscription (modify,
    /// terminate, validate), none for a task.
    private func standardPages(_ start: StartWorkflow, name: String) throws -> [JSON] {
        if let subscription = start.subscription {
            return [.object(["subscription_id": ScenarioWorld.json(try world.resolve(subscription))])]
        }
        let info = try world.orchestrator.workflow(named: start.workflow)
        if info?.isTask == true { return [] }
        guard info == nil || info?.target == .create else {
            throw ActionFailure(message: "\(start.workflow) acts on a subscription: give `subscription:`", process: name)
        }
        do {
            return [.object(["product": .string(try world.orchestrator.productID(creating: start.workflow))])]
        } catch {
            throw ActionFailure(message: String(describing: error), process: name)
        }
    }

    private func isTask(_ workflow: String) -> Bool {
        (try? world.orchestrator.workflow(named: workflow))??.isTask == true
    }

    private func resume(_ next: ContinueProcess, _ action: ScenarioAction) throws -> ActionResult {
        var record = try startedProcess(next.process)
        let status = try record.status ?? world.progress(record.processID!).status
        guard status == .suspended else {
            throw ActionFailure(message: "\(next.process) is \(status.rawValue), not waiting at an input step", process: next.process)
        }
        record.engineerNote = nil
        try drive(&record, play: next.engineer)
        return outcomeResult(action, record, expect: next.expect)
    }

    private func retry(_ next: ContinueProcess, _ action: ScenarioAction) throws -> ActionResult {
        var record = try startedProcess(next.process)
        record.status = try call(returningTo: returning(to: 0, first: true, retries: 0, record)) {
            try engineCall(record.processID) { try self.world.orchestrator.retry(record.processID!, user: ScenarioWorld.user) }
        }
        try drive(&record, play: next.engineer)
        return outcomeResult(action, record, expect: next.expect)
    }

    private func abort(_ name: String, _ action: ScenarioAction) throws -> ActionResult {
        var record = try startedProcess(name)
        record.status = try engineCall(record.processID) { try self.world.orchestrator.abort(record.processID!, user: ScenarioWorld.user) }
        world.update(record)
        return ActionResult(action: action, status: .passed, process: name, actual: world.outcome(of: record).description)
    }

    /// A process an earlier start created; a refused one makes the action impossible.
    private func startedProcess(_ name: String) throws -> ProcessRecord {
        guard let record = world.process(named: name) else {
            throw ActionFailure(message: "no process named '\(name)' was started before this action", process: name)
        }
        guard record.processID != nil else {
            throw ActionFailure(message: "\(name) was refused at start: \(record.refusal ?? "")", process: name, notRun: true)
        }
        return record
    }

    func outcomeResult(_ action: ScenarioAction, _ record: ProcessRecord, expect: ExpectedOutcome?) -> ActionResult {
        world.update(record)
        let observed = world.outcome(of: record)
        guard let expect else {
            return ActionResult(action: action, status: .passed, process: record.name, actual: observed.description)
        }
        let met = expect.isMet(by: observed.status, message: observed.message)
        return ActionResult(action: action, status: met ? .passed : .failed, process: record.name,
                            expected: expect.description, actual: observed.description,
                            message: met ? nil : "\(record.name) did not end as expected")
    }

    // MARK: engine calls that may be killed

    /// Runs an engine call; when the kill switch fires inside it, recovers a new engine on the
    /// same store and carries on. Returns the process id (`known`, or the newest process) and where
    /// it stopped (unknown after a recovery).
    func engineCall(_ known: String?, _ body: () throws -> ProcessOutcome) throws
        -> (processID: String?, status: ProcessStatus?) {
        world.forgetProcessDetails()
        defer { world.forgetProcessDetails() }
        do {
            let outcome = try body()
            return (outcome.processID, outcome.status)
        } catch where world.engineWasKilled {
            let newest = try world.recoverEngine(during: known)
            return (known ?? newest, nil)
        }
    }

    /// `engineCall` for a call on a known process: where it stopped (nil after a recovery).
    func engineCall(_ known: String?, _ body: () throws -> ProcessStatus) throws -> ProcessStatus? {
        try engineCall(known) { ProcessOutcome(processID: known ?? "", status: try body()) }.status
    }
}

/// A play as the engine store's observer holds it.
private final class WeakPlay: @unchecked Sendable {
    // Read only on the play's own thread, which is the one its engine runs steps on.
    weak var value: ScenarioPlay?

    init(_ play: ScenarioPlay) {
        value = play
    }
}

/// Why an action could not be done.
struct ActionFailure: Error {
    let message: String
    var process: String?
    /// An earlier failure made the action impossible (its process was refused).
    var notRun = false
}
