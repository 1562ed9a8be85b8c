import Catalogues
import Dispatch
import Foundation
import NetBoxSim
import OrchLabJSON
import OrchLabServer
import RouterSim
import Scenarios
import Synchronization
import WorkflowEngine

/// An orchestrator-core (or anything answering its REST API, such as `orchlab serve`) driven as
/// the engine under test: processes are started, resumed, retried and aborted over `/api`, and
/// each call returns once the process stopped moving. Before each scenario the scenario's world
/// is shown on `lab` and, unless `keepData`, every process and subscription is deleted through
/// the API, as the workshop's own integration tests clean up.
public final class RESTOrchestrator: ExternalOrchestrator {
    public let name: String
    let http: OrchestratorHTTP
    let lab: ServedLab
    let keepData: Bool
    /// How long one call may wait for its process to stop moving.
    let settleTimeout: Duration
    /// The detail `settle` last read: a settled process moves only through this driver's own
    /// calls, so the play's reads after a call (status, form, step log, subscription) need no
    /// second fetch. Every call that can move a process forgets it.
    private let settled = Mutex<(id: String, detail: JSON)?>(nil)

    public var engineer: EngineerPolicy { .pastesAnnouncedConfigs }

    public init(url: URL, token: String?, lab: ServedLab, keepData: Bool, settleTimeout: Duration) {
        name = url.absoluteString
        http = OrchestratorHTTP(base: url, token: token, requestTimeout: 60)
        self.lab = lab
        self.keepData = keepData
        self.settleTimeout = settleTimeout
    }

    // MARK: scenario set-up

    public func attach(netbox: NetBox, fleet: Fleet, faults: FaultInjector) throws {
        try lab.show(netbox: netbox, fleet: fleet, faults: faults)
        if !keepData { try deleteEverything() }
    }

    /// Deletes processes first (their links), then subscriptions newest first, so a circuit goes
    /// before the nodes it uses.
    public func deleteEverything() throws {
        settled.withLock { $0 = nil }
        for _ in 0..<RESTOrchestratorLimits.cleanupRounds {
            let page = try expect(200, "GET", "/api/processes/?range=0,\(RESTOrchestratorLimits.cleanupPage)").arrayValue ?? []
            if page.isEmpty { break }
            for process in page {
                guard let id = (process["process_id"] ?? process["pid"])?.stringValue else { continue }
                _ = try expect([204, 200, 404], "DELETE", "/api/processes/\(id)")
            }
        }
        let listed = try expect(200, "GET", "/api/subscriptions/all").arrayValue ?? []
        let subscriptions: [(started: String, id: String)] = listed.compactMap { subscription in
            guard let id = subscription["subscription_id"]?.stringValue else { return nil }
            return (subscription["start_date"].map { $0.serialized() } ?? "", id)
        }
        for subscription in subscriptions.sorted(by: { ($0.started, $0.id) > ($1.started, $1.id) }) {
            _ = try expect([200, 204, 404], "DELETE", "/api/subscriptions/\(subscription.id)")
        }
    }

    /// Fails with a clear message when the orchestrator does not answer its products listing.
    public func checkReachable() throws {
        do {
            _ = try expect(200, "GET", "/api/products/")
        } catch {
            throw OrchestratorRefusal("cannot use the orchestrator at \(name): \(error)")
        }
    }

    // MARK: workflows and products

    public func workflow(named name: String) throws -> OrchestratedWorkflow? {
        let workflows = try expect(200, "GET", "/api/workflows/").arrayValue ?? []
        guard let found = workflows.first(where: { $0["name"]?.stringValue == name }) else { return nil }
        let target = Target(rawValue: found["target"]?.stringValue?.uppercased() ?? "") ?? .system
        // orchestrator-core 1.x does not list `is_task`; its validate workflows are SYSTEM but take a subscription page.
        return OrchestratedWorkflow(name: name, target: target, isTask: found["is_task"]?.boolValue ?? false)
    }

    public func productID(creating workflow: String) throws -> String {
        let products = try expect(200, "GET", "/api/products/").arrayValue ?? []
        let creating = products.filter { product in
            (product["workflows"]?.arrayValue ?? []).contains {
                $0["name"]?.stringValue == workflow && $0["target"]?.stringValue?.uppercased() == "CREATE"
            }
        }
        guard creating.count == 1, let id = creating[0]["product_id"]?.stringValue else {
            throw OrchestratorRefusal("\(name) has \(creating.count) products created by \(workflow); exactly one is needed to start it")
        }
        return id
    }

    // MARK: processes

    public func start(_ workflow: String, pages: [JSON], user: String) throws -> ProcessOutcome {
        settled.withLock { $0 = nil }
        let answer = try http.call("POST", "/api/processes/\(workflow)", body: .array(pages))
        guard answer.status == 201, let id = answer.body?["id"]?.stringValue else { throw refusal(answer) }
        return ProcessOutcome(processID: id, status: try settle(id))
    }

    public func resume(_ processID: String, pages: [JSON], user: String) throws -> ProcessStatus {
        settled.withLock { $0 = nil }
        let answer = try http.call("PUT", "/api/processes/\(processID)/resume", body: .array(pages))
        guard answer.status == 204 || answer.status == 200 else { throw refusal(answer) }
        return try settle(processID)
    }

    /// orchestrator-core retries through its resume call, with one empty page.
    public func retry(_ processID: String, user: String) throws -> ProcessStatus {
        try resume(processID, pages: [.object([:])], user: user)
    }

    public func abort(_ processID: String, user: String) throws -> ProcessStatus {
        settled.withLock { $0 = nil }
        let answer = try http.call("PUT", "/api/processes/\(processID)/abort")
        guard answer.status == 204 || answer.status == 200 else { throw refusal(answer) }
        return try settle(processID)
    }

    public func pendingForm(_ processID: String) throws -> PendingForm? {
        let detail = try process(processID)
        guard Self.status(detail) == .suspended, let form = detail["form"], form != .null else { return nil }
        return PendingForm(step: (detail["last_step"] ?? detail["step"])?.stringValue ?? "", form: form)
    }

    public func progress(_ processID: String) throws -> ProcessProgress {
        let detail = try process(processID)
        return ProcessProgress(status: Self.status(detail), lastStep: (detail["last_step"] ?? detail["step"])?.stringValue,
                               failedReason: detail["failed_reason"]?.stringValue)
    }

    public func stepLog(_ processID: String) throws -> [LoggedStep] {
        (try process(processID)["steps"]?.arrayValue ?? []).compactMap { step in
            guard let name = step["name"]?.stringValue, let status = StepStatus(rawValue: step["status"]?.stringValue ?? ""),
                  status != .pending else { return nil }
            let failed = status == .failed || status == .waiting
            return LoggedStep(name: name, status: status, error: failed ? step["state"]?["error"]?.stringValue : nil)
        }
    }

    public func subscriptionID(ofProcess processID: String) throws -> String? {
        try process(processID)["subscriptions"]?.arrayValue?.first?["subscription_id"]?.stringValue
    }

    public func subscriptions() throws -> [(id: String, status: String)] {
        (try expect(200, "GET", "/api/subscriptions/all").arrayValue ?? []).compactMap { subscription in
            guard let id = subscription["subscription_id"]?.stringValue else { return nil }
            return (id, subscription["status"]?.stringValue ?? "")
        }.sorted { $0.id < $1.id }
    }

    public func domainModel(_ subscriptionID: String) throws -> JSON {
        try expect(200, "GET", "/api/subscriptions/domain-model/\(subscriptionID)")
    }

    // MARK: calls

    func process(_ id: String) throws -> JSON {
        if let seen = settled.withLock({ $0 }), seen.id == id { return seen.detail }
        return try expect(200, "GET", "/api/processes/\(id)")
    }

    /// Polls the process until it stops moving: orchestrator-core runs it on a worker after
    /// answering. The interval grows from 20 ms to 500 ms; `settleTimeout` bounds the wait.
    func settle(_ id: String) throws -> ProcessStatus {
        let clock = ContinuousClock()
        let deadline = clock.now + settleTimeout
        var interval = Duration.milliseconds(20)
        while true {
            let detail = try expect(200, "GET", "/api/processes/\(id)")
            let status = Self.status(detail)
            if ![.created, .running, .resumed].contains(status) {
                settled.withLock { $0 = (id, detail) }
                return status
            }
            guard clock.now < deadline else {
                throw OrchestratorRefusal("process \(id) was still \(status.rawValue) after \(settleTimeout); raise --orchestrator-timeout")
            }
            Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
            interval = min(interval * 2, .milliseconds(500))
        }
    }

    /// `last_status` (or 1.x's `status`); orchestrator-core's task statuses `api_unavailable` and
    /// `inconsistent_data` are failures.
    static func status(_ detail: JSON) -> ProcessStatus {
        let text = (detail["last_status"] ?? detail["status"])?.stringValue?.lowercased() ?? ""
        return ProcessStatus(rawValue: text) ?? .failed
    }

    private func expect(_ status: Int, _ method: String, _ path: String) throws -> JSON {
        try expect([status], method, path)
    }

    private func expect(_ statuses: Set<Int>, _ method: String, _ path: String) throws -> JSON {
        let answer = try http.call(method, path)
        guard statuses.contains(answer.status) else {
            throw OrchestratorCallError(method: method, path: path, problem: "answered \(answer.status): \(Self.excerpt(answer.text))")
        }
        return answer.body ?? .null
    }

    /// The orchestrator's refusal as a scenario reports it: the form's validation errors, the
    /// next page a 510 asks for, or the detail.
    private func refusal(_ answer: OrchestratorHTTP.Answer) -> OrchestratorRefusal {
        let body = answer.body
        if let errors = body?["validation_errors"]?.arrayValue, !errors.isEmpty {
            let lines = errors.map { error in
                let field = (error["loc"]?.arrayValue ?? []).map { $0.stringValue ?? $0.serialized() }.joined(separator: ".")
                return "\(field): \(error["msg"]?.stringValue ?? "invalid")"
            }
            return OrchestratorRefusal("\(answer.status) form not valid: " + lines.joined(separator: "; "))
        }
        if answer.status == 510, let form = body?["form"] {
            let fields = (form["properties"]?.objectValue ?? [:]).keys.sorted().joined(separator: ", ")
            return OrchestratorRefusal("510 form not complete: the next page (\(form["title"]?.stringValue ?? "untitled")) asks for \(fields)")
        }
        let detail = body?["detail"]?.stringValue ?? body?["title"]?.stringValue ?? Self.excerpt(answer.text)
        return OrchestratorRefusal("\(answer.status) \(detail)")
    }

    static func excerpt(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

/// Bounds of the REST driver.
public enum RESTOrchestratorLimits {
    /// Processes deleted per listing while cleaning up, and listings at most.
    public static let cleanupPage = 100
    public static let cleanupRounds = 100
    /// `--orchestrator-timeout`: seconds one call may wait for its process to stop moving.
    public static let settleTimeouts: ClosedRange<Double> = 1...3_600
    public static let defaultSettleTimeout: Double = 300
    /// Answers above this many bytes are refused: the orchestrator is not ours to trust.
    public static let maxResponseBytes = 32 << 20
}
