import Foundation
import Hummingbird
import NetBoxSim
import WorkflowEngine

/// Failures whose details (database file paths, SQL text, Swift error dumps) belong in the
/// server log, not in an answer: the client gets a generic body carrying an id, and stderr
/// gets the id with the details, so an operator can match a report to its cause.
public enum InternalError {
    /// Where the details go: standard error, unless a test captures them.
    @TaskLocal public static var log: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Whether an area's answer to `error` may go out as it is. Every 5xx answer is generic
    /// except 510 (a form asking for its next page) and the two 500s the imitated systems
    /// document with fixed texts: orchestrator-core's form overflow and NetBox's DoesNotExist.
    static func mayShow(_ reply: Reply, for error: any Error) -> Bool {
        guard reply.status.code >= 500, reply.status.code != 510 else { return true }
        switch error {
        case let error as FormError:
            if case .overflow = error { return true }
            return false
        case let error as NetBoxError: return error.body["exception"] == "DoesNotExist"
        default: return false
        }
    }

    /// The generic answer for `error` (status kept when the area chose a 5xx, else 500), logged.
    static func reply(for error: any Error, shown: Reply?, _ call: HTTPCall, area: any APIArea) -> Reply {
        let id = String(UInt64.random(in: 0...UInt64.max) >> 16, radix: 16)
        let path = "/" + ([area.prefix] + call.segments).joined(separator: "/")
        log("orchlab: internal error \(id) on \(call.method.rawValue) \(path): \(error)")
        let status = shown.map(\.status).flatMap { $0.code >= 500 ? $0 : nil } ?? .internalServerError
        return area.internalError("Internal error \(id): the details are in the server log under this id", status: status)
    }
}
