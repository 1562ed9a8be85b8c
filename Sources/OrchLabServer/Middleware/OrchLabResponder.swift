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
        let segments = HTTPCall.segments(of: request.uri.path)
        guard let first = segments.first, let area = areas.first(where: { $0.prefix == first }) else {
            return Self.response(index(request))
        }
        let body: [UInt8]
        do {
            let buffer = try await request.collectBody(upTo: bodyLimit)
            body = Array(buffer.readableBytesView)
        } catch {
            return Self.response(.detail("Request body larger than \(bodyLimit) bytes", status: .contentTooLarge), area: area)
        }
        var call = HTTPCall(method: request.method, segments: Array(segments.dropFirst()),
                            query: HTTPCall.queryItems(request.uri.query), body: body, headers: request.headers,
                            origin: Self.origin(request))
        if let refusal = tokens.refusal(call, area: area) { return Self.response(refusal, area: area) }
        let reply: Reply
        switch area.routes.resolve(call.method, call.segments) {
        case .notFound:
            reply = area.notFound(call)
        case .methodNotAllowed(let allowed):
            reply = area.methodNotAllowed(call, allowed: allowed)
                .adding("Allow", allowed.map(\.rawValue).joined(separator: ", "))
        case .found(let handler, let parameters):
            call.parameters = parameters
            do {
                reply = try await handler(call)
            } catch let error as ReplyError {
                reply = error.reply
            } catch {
                reply = area.reply(for: error, call) ?? .detail("Internal error: \(error)", status: .internalServerError)
            }
        }
        return Self.response(reply, area: area)
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

    static func response(_ reply: Reply, area: (any APIArea)? = nil) -> Response {
        var fields = HTTPFields()
        if let type = reply.contentType { fields[.contentType] = type }
        for (name, value) in reply.headers + (area?.extraHeaders ?? []) {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: reply.status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
    }
}
