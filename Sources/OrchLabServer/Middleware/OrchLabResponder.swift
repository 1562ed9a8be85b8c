import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The whole server in one responder: picks the API area by the first path segment, checks
/// the token, reads the body up to the limit, dispatches, and turns every error into a JSON
/// answer in the area's style. Nothing a client sends escapes as an unhandled error.
struct OrchLabResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let areas: [any APIArea]
    let tokens: TokenCheck
    let bodyLimit: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let head = request.method == .head
        guard let area = area(forPath: request.uri.path) else { return Self.response(index(request), head: head) }
        let body: [UInt8]
        do {
            let buffer = try await request.collectBody(upTo: bodyLimit)
            body = Array(buffer.readableBytesView)
        } catch {
            return Self.response(.detail("Request body larger than \(bodyLimit) bytes", status: .contentTooLarge), area: area, head: head)
        }
        let reply = await answer(method: request.method, path: request.uri.path, query: request.uri.query,
                                 headers: request.headers, body: body, origin: Self.origin(request), area: area)
        return Self.response(reply, area: area, head: head)
    }

    func area(forPath path: String) -> (any APIArea)? {
        guard let first = HTTPCall.segments(of: path).first else { return nil }
        return areas.first { $0.prefix == first }
    }

    /// Everything after the body is read: the token, routing, the handler, and any error turned
    /// into the area's answer. Never throws; tests drive it directly with generated requests.
    func answer(method: HTTPRequest.Method, path: String, query: String?, headers: HTTPFields, body: [UInt8],
                origin: String, area: any APIArea) async -> Reply {
        var call = HTTPCall(method: method, segments: Array(HTTPCall.segments(of: path).dropFirst()),
                            query: HTTPCall.queryItems(query), body: body, headers: headers, origin: origin)
        if let refusal = tokens.refusal(call, area: area) { return refusal }
        // HEAD is GET without the body (the length header stays), as NetBox and FastAPI answer it.
        switch area.routes.resolve(method == .head ? .get : method, call.segments) {
        case .notFound:
            return area.notFound(call)
        case .methodNotAllowed(let allowed):
            return area.methodNotAllowed(call, allowed: allowed).adding("Allow", allowed.map(\.rawValue).joined(separator: ", "))
        case .found(let handler, let parameters):
            call.parameters = parameters
            do {
                return try await handler(call)
            } catch let error as ReplyError {
                return error.reply
            } catch {
                let shown = area.reply(for: error, call)
                if let shown, InternalError.mayShow(shown, for: error) { return shown }
                return InternalError.reply(for: error, shown: shown, call, area: area)
            }
        }
    }

    private func index(_ request: Request) -> Reply {
        let origin = Self.origin(request)
        return .json(["api": .string("\(origin)/api/"), "netbox": .string("\(origin)/netbox/api/"),
                      "lab": .string("\(origin)/lab/devices")],
                     status: request.uri.path == "/" ? .ok : .notFound)
    }

    static func origin(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        return "http://\(host)"
    }

    static func response(_ reply: Reply, area: (any APIArea)? = nil, head: Bool = false) -> Response {
        var fields = HTTPFields()
        if head { fields[.contentLength] = String(reply.body.utf8.count) }
        if let type = reply.contentType { fields[.contentType] = type }
        for (name, value) in reply.headers + (area?.extraHeaders ?? []) {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: reply.status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: head ? "" : reply.body)))
    }
}
