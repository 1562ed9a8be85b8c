import SQLite

/// Why the engine refused a request. Nothing stored changes when one of these is thrown.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownWorkflow(String)
    case unknownProduct(String)
    case unknownProcess(String)
    case unknownSubscription(String)
    /// Resume/retry/abort of a process in a status that does not allow it.
    case notResumable(processID: String, status: ProcessStatus)
    case cannotAbort(processID: String, status: ProcessStatus)
    /// The process is being run by this engine right now.
    case alreadyRunning(String)
    case cannotStart(workflow: String, subscriptionID: String, reason: String)
    /// Deleting a subscription whose blocks other subscriptions use.
    case subscriptionInUse(String, users: [String])
    case invalidCallbackToken(processID: String)
    case notAwaitingCallback(processID: String, status: ProcessStatus)
    case malformedInput(String)
    /// The workflow's step list changed under a running process (positional recovery).
    case stepListMismatch(processID: String, detail: String)
    /// The database file is corrupt, read-only, locked or otherwise unusable.
    case storage(String, code: String)

    public var description: String {
        switch self {
        case .unknownWorkflow(let name): "Unknown workflow '\(name)'"
        case .unknownProduct(let name): "Unknown product '\(name)'"
        case .unknownProcess(let id): "Unknown process \(id)"
        case .unknownSubscription(let id): "Subscription not found: \(id)"
        case .notResumable(let id, let status): "Resuming a \(status.rawValue) workflow is not possible (process \(id))"
        case .cannotAbort(let id, let status): "Aborting a \(status.rawValue) workflow is not possible (process \(id))"
        case .alreadyRunning(let id): "Process \(id) is already running"
        case .cannotStart(let workflow, let id, let reason):
            "This workflow cannot be started: \(reason) (workflow '\(workflow)', subscription \(id))"
        case .subscriptionInUse(let id, let users):
            "Subscription \(id) is in use by \(users.joined(separator: ", ")); delete or terminate those first"
        case .invalidCallbackToken(let id): "Invalid callback token for process \(id)"
        case .notAwaitingCallback(let id, let status): "Process \(id) is \(status.rawValue), not awaiting a callback"
        case .malformedInput(let detail): "Malformed input: \(detail)"
        case .stepListMismatch(let id, let detail): "Process \(id) no longer matches its workflow: \(detail)"
        case .storage(let message, let code): "Database error (\(code)): \(message)"
        }
    }

    static func wrapping(_ error: SQLiteError) -> EngineError {
        .storage(error.description, code: error.codeName)
    }
}

/// Runs `body`, turning SQLite errors into `EngineError.storage`.
func storage<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as SQLiteError {
        throw EngineError.wrapping(error)
    }
}
