import Hummingbird
import NetBoxSim
import WorkflowEngine

/// A response before it becomes bytes on the wire.
public struct Reply: Sendable {
    public var status: HTTPResponse.Status
    public var contentType: String?
    public var body: String
    public var headers: [(name: String, value: String)] = []

    public init(status: HTTPResponse.Status, contentType: String?, body: String) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Reply {
        Reply(status: status, contentType: "application/json", body: value.serialized())
    }

    static func netbox(_ value: JSON, status: HTTPResponse.Status = .ok) -> Reply {
        Reply(status: status, contentType: "application/json", body: value.serialized())
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok) -> Reply {
        Reply(status: status, contentType: "text/plain; charset=utf-8", body: text)
    }

    static let noContent = Reply(status: .noContent, contentType: nil, body: "")

    /// `{"detail": message}`, the error body FastAPI, DRF and the lab API share.
    static func detail(_ message: String, status: HTTPResponse.Status) -> Reply {
        json(["detail": .string(message)], status: status)
    }

    func adding(_ name: String, _ value: String) -> Reply {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}

/// A failure a handler throws when it already knows the exact answer.
struct ReplyError: Error {
    let reply: Reply
    init(_ reply: Reply) { self.reply = reply }
}
