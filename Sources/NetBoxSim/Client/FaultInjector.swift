import Foundation

/// The client calls a workflow makes, as fault-injection targets.
public enum NetBoxOperation: String, Sendable, CaseIterable, Codable {
    case getDevice, getDeviceByName, listDevices, updateDevice
    case listInterfaces, getInterface, updateInterface
    case getPrefix, listPrefixes, availablePrefixes, allocatePrefix, deletePrefix
    case availableIPs, allocateIP, listIPAddresses, deleteIPAddress
    case getCable, listCables, createCable, updateCable, deleteCable
}

/// What goes wrong on one call.
public enum NetBoxFault: Sendable, Equatable, Codable {
    /// NetBox answers with this HTTP status (e.g. 500, 503) and does not apply the call.
    case status(Int)
    /// No answer within the client's timeout; `applied` says whether NetBox did the work anyway
    /// (the case that makes non-idempotent steps leak).
    case timeout(applied: Bool)
    /// The answer takes this long in virtual time; at or beyond the client's timeout it becomes a
    /// timeout whose work was applied.
    case delay(Duration)
}

/// A fault that fired: which operation, which call of it (1-based), for which actor, and when.
public struct FaultEvent: Sendable, Equatable {
    public let operation: NetBoxOperation
    public let call: Int
    public let fault: NetBoxFault
    public let actor: String
    public let at: Duration
}

/// Deterministic fault plan shared by every client made from the same one: the Nth call of an
/// operation (counted across all actors) gets the planned fault. Every fault that fires is
/// recorded.
public final class FaultInjector: @unchecked Sendable {
    private let lock = NSLock()
    private var planned: [NetBoxOperation: [Int: NetBoxFault]] = [:]
    private var calls: [NetBoxOperation: Int] = [:]
    private var fired: [FaultEvent] = []

    public init() {}

    /// An independent injector with the same plan, call counts and fired faults, for a
    /// checkpoint of a run.
    public func copy() -> FaultInjector {
        lock.lock(); defer { lock.unlock() }
        let copy = FaultInjector()
        (copy.planned, copy.calls, copy.fired) = (planned, calls, fired)
        return copy
    }

    /// Plans `fault` for the `call`-th call (1-based) of `operation`.
    public func inject(_ fault: NetBoxFault, on operation: NetBoxOperation, call: Int) {
        precondition(call >= 1, "calls are counted from 1")
        lock.lock(); defer { lock.unlock() }
        planned[operation, default: [:]][call] = fault
    }

    /// Plans `fault` for each call in `calls` (e.g. NetBox down for calls 2…4).
    public func inject(_ fault: NetBoxFault, on operation: NetBoxOperation, calls: ClosedRange<Int>) {
        for call in calls { inject(fault, on: operation, call: call) }
    }

    /// Plans `fault` for the next call of `operation`.
    public func injectNext(_ fault: NetBoxFault, on operation: NetBoxOperation) {
        lock.lock()
        let next = (calls[operation] ?? 0) + 1
        lock.unlock()
        inject(fault, on: operation, call: next)
    }

    /// The fault planned for the `call`-th call of `operation`, if any.
    public func plannedFault(on operation: NetBoxOperation, call: Int) -> NetBoxFault? {
        lock.lock(); defer { lock.unlock() }
        return planned[operation]?[call]
    }

    public var events: [FaultEvent] {
        lock.lock(); defer { lock.unlock() }
        return fired
    }

    public func callCount(_ operation: NetBoxOperation) -> Int {
        lock.lock(); defer { lock.unlock() }
        return calls[operation] ?? 0
    }

    /// Counts a call and returns the fault planned for it, recording it when there is one.
    public func nextCall(_ operation: NetBoxOperation, actor: String, at time: Duration) -> NetBoxFault? {
        lock.lock(); defer { lock.unlock() }
        let call = (calls[operation] ?? 0) + 1
        calls[operation] = call
        guard let fault = planned[operation]?[call] else { return nil }
        fired.append(FaultEvent(operation: operation, call: call, fault: fault, actor: actor, at: time))
        return fault
    }
}

/// Why a client call failed: NetBox's own answer (or an injected status), or no answer in time.
public enum NetBoxClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case api(NetBoxError)
    case timeout(operation: NetBoxOperation, after: Duration)
    /// A lookup by name matched more than one object (pynetbox raises ValueError).
    case multipleResults(operation: NetBoxOperation, count: Int)

    /// The HTTP status, when there was an answer.
    public var status: Int? {
        if case .api(let error) = self { return error.status }
        return nil
    }

    public var description: String {
        switch self {
        case .api(let error): return error.description
        case .timeout(let operation, let after): return "NetBox \(operation.rawValue) timed out after \(after)"
        case .multipleResults(let operation, let count): return "NetBox \(operation.rawValue) matched \(count) objects, expected one"
        }
    }
}
