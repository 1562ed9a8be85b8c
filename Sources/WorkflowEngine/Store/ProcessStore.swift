import SQLite

/// A row of `processes`.
struct ProcessRow: Sendable {
    let processID: String
    let workflowName: String
    let target: Target
    let isTask: Bool
    let createdBy: String
    var assignee: String
    var lastStatus: ProcessStatus
    var lastStep: String?
    var failedReason: String?
    var traceback: String?
    let startedAt: String
    var lastModifiedAt: String
}

/// A row of `process_steps`. `state` is JSON text: the full state after the step, or the error
/// dict for failed/waiting rows.
struct StepRow: Sendable {
    let seq: Int
    let stepID: String
    let position: Int
    let name: String
    let status: StepStatus
    let state: String
    let createdBy: String
    let startedAt: String
    let completedAt: String
    let retries: Int
    let completedHistory: String
}

/// Reads and writes the process tables. Callers group writes into transactions; nothing here
/// opens one.
final class ProcessStore: Sendable {
    let database: Database
    /// For the crash a test or chaos run may have armed at a step-log write.
    private let store: EngineStore

    init(store: EngineStore) {
        self.store = store
        database = store.database
    }

    private static let processColumns = """
        process_id, workflow_name, workflow_target, is_task, created_by, assignee, last_status, last_step,
        failed_reason, traceback, started_at, last_modified_at
        """

    /// `processColumns` as read. A running process's row is written when it starts running, not
    /// at every step (that UPDATE was an eighth of a step's cost), so while it runs its last step
    /// and modification time come from its newest step row.
    private static let processReadColumns = """
        process_id, workflow_name, workflow_target, is_task, created_by, assignee, last_status,
        CASE WHEN last_status = 'running' THEN coalesce((\(newestStep("name"))), last_step) ELSE last_step END,
        failed_reason, traceback, started_at,
        CASE WHEN last_status = 'running' THEN max(last_modified_at, coalesce((\(newestStep("completed_at"))), '')) ELSE last_modified_at END
        """

    private static func newestStep(_ column: String) -> String {
        "SELECT \(column) FROM process_steps s WHERE s.process_id = processes.process_id ORDER BY s.seq DESC LIMIT 1"
    }

    func insert(_ row: ProcessRow) throws {
        try database.run("""
            INSERT INTO processes (\(ProcessStore.processColumns), seq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM processes))
            """, [.text(row.processID), .text(row.workflowName), .text(row.target.rawValue), .bool(row.isTask),
                  .text(row.createdBy), .text(row.assignee), .text(row.lastStatus.rawValue), .optional(row.lastStep),
                  .optional(row.failedReason), .optional(row.traceback), .text(row.startedAt), .text(row.lastModifiedAt)])
    }

    func process(_ id: String) throws -> ProcessRow? {
        try database.queryOne("SELECT \(ProcessStore.processReadColumns) FROM processes WHERE process_id = ?", [.text(id)],
                              ProcessStore.processRow)
    }

    /// Processes, oldest first, optionally only those with one of `statuses` or of one workflow.
    func processes(statuses: Set<ProcessStatus>? = nil, workflow: String? = nil) throws -> [ProcessRow] {
        var conditions: [String] = []
        var parameters: [SQLValue] = []
        if let statuses {
            conditions.append("last_status IN (\(statuses.map { _ in "?" }.joined(separator: ", ")))")
            parameters += statuses.map(\.rawValue).sorted().map(SQLValue.text)
        }
        if let workflow {
            conditions.append("workflow_name = ?")
            parameters.append(.text(workflow))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try database.query("SELECT \(ProcessStore.processReadColumns) FROM processes \(filter) ORDER BY seq", parameters,
                                  ProcessStore.processRow)
    }

    private static func processRow(_ row: Row) throws -> ProcessRow {
        ProcessRow(
            processID: row.string(0), workflowName: row.string(1), target: Target(rawValue: row.string(2)) ?? .system,
            isTask: row.bool(3), createdBy: row.string(4), assignee: row.string(5),
            lastStatus: ProcessStatus(rawValue: row.string(6)) ?? .failed, lastStep: row.optionalString(7),
            failedReason: row.optionalString(8), traceback: row.optionalString(9), startedAt: row.string(10),
            lastModifiedAt: row.string(11))
    }

    func update(_ id: String, status: ProcessStatus, lastStep: String?, at time: String,
                failedReason: String? = nil, traceback: String? = nil, assignee: String? = nil) throws {
        try database.run("""
            UPDATE processes SET last_status = ?, last_step = coalesce(?, last_step), last_modified_at = ?,
            failed_reason = ?, traceback = ?, assignee = coalesce(?, assignee) WHERE process_id = ?
            """, [.text(status.rawValue), .optional(lastStep), .text(time), .optional(failedReason), .optional(traceback),
                  .optional(assignee), .text(id)])
    }

    /// Moves the process to `running` only if it is still in one of `from`: the guard that keeps
    /// two resumes (or a resume and a callback) from both running it.
    func claim(_ id: String, from: [ProcessStatus], at time: String) throws -> Bool {
        let placeholders = from.map { _ in "?" }.joined(separator: ", ")
        return try database.run(
            "UPDATE processes SET last_status = 'running', last_modified_at = ? WHERE process_id = ? AND last_status IN (\(placeholders))",
            [.text(time), .text(id)] + from.map { .text($0.rawValue) }) == 1
    }

    func append(processID: String, _ row: StepRow) throws {
        try store.willWriteStepLog()
        try database.run("""
            INSERT INTO process_steps (step_id, process_id, position, name, status, state, created_by, started_at, completed_at, retries, completed_history)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(row.stepID), .text(processID), .int(row.position), .text(row.name), .text(row.status.rawValue),
                  .text(row.state), .text(row.createdBy), .text(row.startedAt), .text(row.completedAt), .int(row.retries),
                  .text(row.completedHistory)])
    }

    /// Records one more identical failure on an existing row (the reference's retry dedup).
    func recordRetry(seq: Int, completedAt: String, history: String) throws {
        try database.run("UPDATE process_steps SET retries = retries + 1, completed_at = ?, completed_history = ? WHERE seq = ?",
                         [.text(completedAt), .text(history), .int(seq)])
    }

    private static let stepColumns =
        "seq, step_id, position, name, status, state, created_by, started_at, completed_at, retries, completed_history"

    func steps(_ processID: String) throws -> [StepRow] {
        try database.query("SELECT \(ProcessStore.stepColumns) FROM process_steps WHERE process_id = ? ORDER BY seq",
                           [.text(processID)], ProcessStore.stepRow)
    }

    /// The newest positioned row (cleanup rows have position -1), and the newest one that
    /// cleared its step: all a resume needs, without reading every earlier state. A parked or
    /// failed row nearly always follows the row that cleared the step before it, so the last two
    /// rows usually answer both.
    func recoveryRows(_ processID: String) throws -> (last: StepRow?, lastCleared: StepRow?) {
        let newest = try database.query("""
            SELECT \(ProcessStore.stepColumns) FROM process_steps WHERE process_id = ? AND position >= 0 ORDER BY seq DESC LIMIT 2
            """, [.text(processID)], ProcessStore.stepRow)
        guard let last = newest.first else { return (nil, nil) }
        if let cleared = newest.first(where: { $0.status.isCleared }) { return (last, cleared) }
        let lastCleared = try database.queryOne("""
            SELECT \(ProcessStore.stepColumns) FROM process_steps WHERE process_id = ? AND position >= 0
            AND (\(ProcessStore.clearedCondition)) ORDER BY seq DESC LIMIT 1
            """, [.text(processID)], ProcessStore.stepRow)
        return (last, lastCleared)
    }

    private static let clearedCondition = StepStatus.allCases.filter(\.isCleared)
        .map { "status = '\($0.rawValue)'" }.joined(separator: " OR ")

    private static func stepRow(_ row: Row) -> StepRow {
        StepRow(seq: row.int(0), stepID: row.string(1), position: row.int(2), name: row.string(3),
                status: StepStatus(rawValue: row.string(4)) ?? .failed, state: row.string(5), createdBy: row.string(6),
                startedAt: row.string(7), completedAt: row.string(8), retries: row.int(9), completedHistory: row.string(10))
    }

    func lastStep(_ processID: String) throws -> StepRow? {
        try database.queryOne("SELECT \(ProcessStore.stepColumns) FROM process_steps WHERE process_id = ? ORDER BY seq DESC LIMIT 1",
                              [.text(processID)], ProcessStore.stepRow)
    }

    func recordInput(processID: String, _ input: JSON, at time: String, type: String) throws {
        try database.run("INSERT INTO input_states (process_id, input_state, input_time, input_type) VALUES (?, ?, ?, ?)",
                         [.text(processID), .text(input.serialized()), .text(time), .text(type)])
    }

    func inputs(_ processID: String) throws -> [(state: String, time: String, type: String)] {
        try database.query("SELECT input_state, input_time, input_type FROM input_states WHERE process_id = ? ORDER BY seq",
                           [.text(processID)]) { ($0.string(0), $0.string(1), $0.string(2)) }
    }

    func link(processID: String, subscriptionID: String, at time: String) throws {
        try database.run("INSERT OR IGNORE INTO processes_subscriptions (process_id, subscription_id, created_at) VALUES (?, ?, ?)",
                         [.text(processID), .text(subscriptionID), .text(time)])
    }

    func linkedSubscriptions(_ processID: String) throws -> [String] {
        try database.query("SELECT subscription_id FROM processes_subscriptions WHERE process_id = ? ORDER BY created_at, subscription_id",
                           [.text(processID)]) { $0.string(0) }
    }

    /// Unfinished, non-task processes on a subscription other than `excluding`.
    func unfinishedProcesses(on subscriptionID: String, excluding processID: String) throws -> [String] {
        try database.query("""
            SELECT p.process_id FROM processes_subscriptions ps JOIN processes p ON p.process_id = ps.process_id
            WHERE ps.subscription_id = ? AND p.process_id != ? AND p.is_task = 0
              AND p.last_status NOT IN ('completed', 'aborted') ORDER BY p.seq
            """, [.text(subscriptionID), .text(processID)]) { $0.string(0) }
    }
}
